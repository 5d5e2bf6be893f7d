import type { AnyMachineSnapshot, StateValue } from 'xstate';
import type { WorkflowDefinition } from '@grif/workflows';

export function restoreSnapshot(def: WorkflowDefinition, persisted: unknown): AnyMachineSnapshot {
  const p = persisted as { value: StateValue; context: Record<string, unknown> };
  return def.machine.resolveState({ value: p.value, context: p.context });
}

export function persistSnapshot(def: WorkflowDefinition, snapshot: AnyMachineSnapshot): unknown {
  return def.machine.getPersistedSnapshot(snapshot);
}

/** "issued" or "case.triage": the state as one string, for queries and the history. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value)[0] ?? ['', ''];
  return v && (typeof v === 'string' || Object.keys(v).length) ? `${k}.${stateName(v as StateValue)}` : k;
}
