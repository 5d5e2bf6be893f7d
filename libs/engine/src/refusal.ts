import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import { GrifError } from '@grif/domain';
import type { Envelope, WorkflowDefinition } from '@grif/workflows';

type GuardRef = string | { type?: string; guards?: GuardRef[] } | ((...a: never[]) => unknown);

function guardNames(g: GuardRef | undefined): string[] {
  if (!g) return [];
  if (typeof g === 'string') return [g];
  const nested = (g as { guards?: GuardRef[] }).guards;
  if (Array.isArray(nested)) return nested.flatMap(guardNames);
  if (typeof g === 'object' && typeof g.type === 'string') return [g.type];
  return [];
}

/**
 * The machine ignored the event; say why. No transition for it here → 409.
 * A named guard said no → 422 citing the rule (or code) that guard stands for.
 */
export function explainRefusal(def: WorkflowDefinition, snapshot: AnyMachineSnapshot, env: Envelope): GrifError {
  const candidates = getNextTransitions(snapshot).filter((t) => t.eventType === env.type);
  if (!candidates.length) return new GrifError('conflict', 'EVENT_NOT_ACCEPTED');
  const guards = def.machine.implementations.guards as Record<string, (args: unknown, params: unknown) => boolean>;
  for (const t of candidates) {
    for (const name of guardNames(t.guard as GuardRef)) {
      const impl = guards[name];
      if (!impl || impl({ context: snapshot.context, event: env }, undefined)) continue;
      const why = def.guardRefusals[name];
      if (why && 'rule' in why) return GrifError.ruleRefusal(why.rule);
      if (why) return new GrifError('refused', why.code as never);
    }
  }
  return new GrifError('conflict', 'EVENT_NOT_ACCEPTED');
}
