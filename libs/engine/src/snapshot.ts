import type { AnyMachineSnapshot, AnyStateMachine, StateValue } from 'xstate';
import type { WorkflowDefinition } from '@grif/workflows';

/**
 * The machine snapshot a persisted snapshot (the object the store gives back) restores to, kept on that object
 * under a symbol: JSON and the structured clone leave it out. The store gives the object it last wrote or read
 * back while an instance's stored text stays the same (snapshot-texts.ts in @grif/persistence), so the next step
 * of an instance skips the JSON parse and `resolveState` (~5 % of a step's main-thread CPU). On the object rather
 * than in a WeakMap: a WeakMap of every step's snapshot cost more in garbage collection than it saved.
 */
const RESTORED = Symbol('restored machine snapshot');
type Persisted = { value: StateValue; context: Record<string, unknown>; [RESTORED]?: AnyMachineSnapshot };

export function restoreSnapshot(def: WorkflowDefinition, persisted: unknown): AnyMachineSnapshot {
  const p = persisted as Persisted;
  const known = p[RESTORED];
  if (known?.machine === def.machine) return known;
  return keep(p, def.machine.resolveState({ value: p.value, context: p.context }));
}

/**
 * The snapshot as the store keeps it. The snapshot itself stands for what this restores to when its machine has
 * no parallel and no history states: then both name the same states (one chain of them), context and status, and
 * xstate takes the same transitions from either (snapshot.spec.ts).
 */
export function persistSnapshot(def: WorkflowDefinition, snapshot: AnyMachineSnapshot): unknown {
  const persisted = def.machine.getPersistedSnapshot(snapshot) as unknown as Persisted;
  if (oneChainOfStates(def.machine)) keep(persisted, snapshot);
  return persisted;
}

/** Not enumerable: a test's deep equality and anything copying the object's own keys see the stored form only. */
function keep(persisted: Persisted, snapshot: AnyMachineSnapshot): AnyMachineSnapshot {
  Object.defineProperty(persisted, RESTORED, { value: snapshot, writable: true, configurable: true });
  return snapshot;
}

const chains = new WeakMap<AnyStateMachine, boolean>();

/** No parallel state and no history state anywhere in the machine. */
export function oneChainOfStates(machine: AnyStateMachine): boolean {
  let known = chains.get(machine);
  if (known === undefined) {
    const plain = (node: AnyStateMachine['root']): boolean =>
      node.type !== 'parallel' && node.type !== 'history' && Object.values(node.states).every(plain);
    chains.set(machine, (known = plain(machine.root)));
  }
  return known;
}

/** "issued" or "case.triage": the state as one string, for queries and the history. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value)[0] ?? ['', ''];
  return v && (typeof v === 'string' || Object.keys(v).length) ? `${k}.${stateName(v as StateValue)}` : k;
}
