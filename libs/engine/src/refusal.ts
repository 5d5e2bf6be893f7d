import type { AnyMachineSnapshot } from 'xstate';
import { GrifError } from '@grif/domain';
import { refusalOf, type Envelope, type WorkflowDefinition } from '@grif/workflows';

/**
 * The machine ignored the event; say why. No transition for it here → 409.
 * A named guard said no → 422 citing the rule (or code) that guard stands for.
 */
export function explainRefusal(def: WorkflowDefinition, snapshot: AnyMachineSnapshot, env: Envelope): GrifError {
  const r = refusalOf(def, snapshot, env);
  if (r.kind === 'guard' && r.why)
    return 'rule' in r.why ? GrifError.ruleRefusal(r.why.rule) : new GrifError('refused', r.why.code);
  return new GrifError('conflict', 'EVENT_NOT_ACCEPTED');
}
