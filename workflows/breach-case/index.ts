import { Actor, hasRole, Role } from '@grif/domain';
import type { EventSpec, WorkflowDefinition } from '../definition';
import { breachEventSchemas, reportBreachSchema, type BreachEventType } from './events';
import { BreachContext, breachMachine } from './machine';

export * from './events';
export * from './machine';
export * from './report';

const OFFICER: Role[] = ['security_officer'];
/** Those who follow every case: the officer runs it, support resets, the director signs, the auditor reads. */
export const BREACH_READERS: readonly Role[] = ['security_officer', 'tech_support', 'director', 'auditor'];

export const breachEvents: Record<BreachEventType, EventSpec> = {
  TRIAGE: { schema: breachEventSchemas.TRIAGE, roles: OFFICER },
  // technical support receives the report and can shut the account as well as the officer.
  CONTAIN: { schema: breachEventSchemas.CONTAIN, roles: ['security_officer', 'tech_support'] },
  CONFIRM_RESET: { schema: breachEventSchemas.CONFIRM_RESET, roles: ['tech_support'], roleRule: 'R-5.2.3' },
  INVESTIGATE: { schema: breachEventSchemas.INVESTIGATE, roles: OFFICER },
  REMEDIATE: { schema: breachEventSchemas.REMEDIATE, roles: OFFICER },
  SUBMIT_REPORT: {
    schema: breachEventSchemas.SUBMIT_REPORT,
    roles: OFFICER,
    roleHolders: ['director', 'security_officer'],
  },
  RENDERED: { schema: breachEventSchemas.RENDERED, roles: 'system' },
  SIGN: { schema: breachEventSchemas.SIGN, roles: ['security_officer', 'director'] },
  STEP_OVERDUE: { schema: breachEventSchemas.STEP_OVERDUE, roles: 'system' },
};

/** A reporter or an owner sees their own case, and nobody else's; the desks see all. */
export function canSeeBreach(c: BreachContext, actor: Actor): boolean {
  if (actor.kind === 'system' || hasRole(actor, ...BREACH_READERS)) return true;
  return actor.userId === c.reporterId || actor.userId === c.ownerId;
}

export const breachWorkflow: WorkflowDefinition<BreachContext> = {
  id: 'breach_case',
  version: 1,
  machine: breachMachine,
  createSchema: reportBreachSchema,
  creatorRoles: 'anyone',
  createLookups: { ownerId: 'person' },
  events: breachEvents,
  guardRefusals: {
    isCurrentStep: { code: 'STALE_DEADLINE' },
    hasDirector: { rule: 'R-5.2.3' },
    signersTurn: { code: 'NOT_YOUR_TURN' },
  },
  canSee: canSeeBreach,
};
