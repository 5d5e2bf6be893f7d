import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { Envelope, GuardRefusals, WorkflowDefinition } from './definition';

type GuardRef = string | { type?: string; guards?: GuardRef[] } | ((...a: never[]) => unknown);

/** The named guards behind a transition's guard, through and()/or()/not(). */
function guardNames(g: GuardRef | undefined): string[] {
  if (!g) return [];
  if (typeof g === 'string') return [g];
  const nested = (g as { guards?: GuardRef[] }).guards;
  if (Array.isArray(nested)) return nested.flatMap(guardNames);
  return typeof g === 'object' && typeof g.type === 'string' ? [g.type] : [];
}

export type Refusal =
  { kind: 'not_handled' } | { kind: 'guard'; guard: string; why: GuardRefusals[string] | undefined };

/**
 * Why the machine ignored an event: no transition for it in this state, or the first
 * named guard that said no (and what that guard stands for: a rule, or a code).
 */
export function refusalOf(
  def: Pick<WorkflowDefinition, 'machine' | 'guardRefusals'>,
  snapshot: AnyMachineSnapshot,
  env: Envelope,
): Refusal {
  const guards = def.machine.implementations.guards as Record<string, (args: unknown, params: unknown) => boolean>;
  for (const t of getNextTransitions(snapshot).filter((x) => x.eventType === env.type)) {
    for (const name of guardNames(t.guard as GuardRef)) {
      const impl = guards[name];
      if (impl && !impl({ context: snapshot.context, event: env }, undefined))
        return { kind: 'guard', guard: name, why: def.guardRefusals[name] };
    }
  }
  return { kind: 'not_handled' };
}
