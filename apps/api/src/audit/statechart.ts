import type { AnyStateMachine, AnyStateNode } from 'xstate';

export interface ChartState {
  /** The dotted path below the root ("issued", "case.triage"): the same words the history's states use. */
  id: string;
  key: string;
  parent: string | null;
  initial: boolean;
  final: boolean;
}
export interface ChartTransition {
  from: string;
  to: string;
  event: string;
}
export interface Statechart {
  states: ChartState[];
  transitions: ChartTransition[];
}

/** A node's path below the machine's root, dotted: "" for the root itself. */
const pathOf = (node: AnyStateNode): string => node.path.join('.');

/**
 * The states and transitions of a machine, read from the machine definition itself (xstate's state
 * nodes), so the auditor's picture never drifts from the code. A transition without a target (a
 * self-handled event that only changes the context) is drawn as a loop on its state; delayed and
 * eventless transitions keep xstate's own event names (`xstate.after.*`, "" → "always").
 */
export function extractStatechart(machine: AnyStateMachine): Statechart {
  const states: ChartState[] = [];
  const transitions: ChartTransition[] = [];
  const walk = (node: AnyStateNode, parent: string | null) => {
    const initialTargets = new Set((node.initial?.target ?? []).map((t: AnyStateNode) => pathOf(t)));
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      const id = pathOf(child);
      states.push({ id, key: child.key, parent, initial: initialTargets.has(id), final: child.type === 'final' });
      for (const [event, list] of child.transitions.entries())
        for (const t of list) {
          const targets = (t.target ?? []) as AnyStateNode[];
          if (targets.length === 0) transitions.push({ from: id, to: id, event });
          for (const target of targets) transitions.push({ from: id, to: pathOf(target), event });
        }
      for (const t of child.always ?? [])
        for (const target of (t.target ?? []) as AnyStateNode[])
          transitions.push({ from: id, to: pathOf(target), event: 'always' });
      walk(child, id);
    }
  };
  walk(machine.root, null);
  return { states, transitions: dedupe(transitions) };
}

/** Guarded alternatives of one event to the same target are one arrow to a reader. */
function dedupe(list: ChartTransition[]): ChartTransition[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = `${t.from}\u0000${t.to}\u0000${t.event}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A history step as the chart needs it: the state it left, the one it reached, and the event. */
export interface VisitedStep {
  type: string;
  fromState: string | null;
  toState: string;
}

/**
 * Which states the instance has been in and which arrows it took, from its history. A compound
 * state counts as visited when one of its children was (the history names the leaf: "case.triage").
 */
export function pathTaken(
  chart: Statechart,
  steps: readonly VisitedStep[],
  current: string,
): { current: string[]; visited: string[]; taken: ChartTransition[] } {
  const known = new Set(chart.states.map((s) => s.id));
  const withAncestors = (id: string) =>
    id
      .split('.')
      .map((_, i, parts) => parts.slice(0, i + 1).join('.'))
      .filter((p) => known.has(p));
  const visited = new Set<string>();
  const taken: ChartTransition[] = [];
  const seen = new Set<string>();
  for (const s of steps) {
    withAncestors(s.toState).forEach((p) => visited.add(p));
    if (!s.fromState) continue;
    const t = arrowOf(chart, s.fromState, s.toState, s.type);
    const k = `${t.from}\u0000${t.to}\u0000${t.event}`;
    if (!seen.has(k)) taken.push(t);
    seen.add(k);
  }
  return { current: withAncestors(current), visited: [...visited], taken };
}

const within = (path: string, node: string) => path === node || path.startsWith(`${node}.`);

/**
 * The chart's arrow a step took: the history names leaves, while an event may be handled by an
 * ancestor ("case" → "closed") or enter a compound state through its initial child. The innermost
 * matching arrow wins; a step the definition has no arrow for is kept as the history says it.
 */
function arrowOf(chart: Statechart, from: string, to: string, event: string): ChartTransition {
  const candidates = chart.transitions.filter((t) => t.event === event && within(from, t.from) && within(to, t.to));
  candidates.sort((a, b) => b.from.length - a.from.length || b.to.length - a.to.length);
  return candidates[0] ?? { from, to, event };
}
