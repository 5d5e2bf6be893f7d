import { Actor, hasRole, Role } from '@grif/domain';
import type { EventSpec, WorkflowDefinition } from '../definition';
import { ACT_READER_ROLES, actEventSchemas, createDestructionSchema, namedIn } from '../acts';
import { DestructionContext, destructionMachine } from './machine';

export * from './machine';
export * from './draft';

const CLERK: Role[] = ['records_clerk'];
const SIGNERS: Role[] = ['commission_member', 'director'];

/** R-4.1d: the clerk drafts and submits; the commission and the director sign; any of them may reject. */
export const destructionEvents: Record<string, EventSpec> = {
  WITHDRAW_ITEM: { schema: actEventSchemas.WITHDRAW_ITEM, roles: CLERK, roleRule: 'R-4.1d' },
  SUBMIT: {
    schema: actEventSchemas.SUBMIT,
    roles: CLERK,
    roleRule: 'R-4.1d',
    roleHolders: ['commission_member', 'director'],
  },
  RENDERED: { schema: actEventSchemas.RENDERED, roles: 'system' },
  SIGN: { schema: actEventSchemas.SIGN, roles: SIGNERS, roleRule: 'R-4.1d' },
  REJECT: { schema: actEventSchemas.REJECT, roles: [...CLERK, ...SIGNERS], roleRule: 'R-4.1d' },
};

/** The records office and the commission see destruction acts; anyone else only one that names them. */
export function canSeeDestruction(c: DestructionContext, actor: Actor): boolean {
  if (actor.kind === 'system' || hasRole(actor, ...ACT_READER_ROLES, 'commission_member')) return true;
  return namedIn(c).includes(actor.userId);
}

export const destructionWorkflow: WorkflowDefinition<DestructionContext> = {
  id: 'destruction',
  version: 1,
  machine: destructionMachine,
  createSchema: createDestructionSchema,
  creatorRoles: CLERK,
  creatorRule: 'R-4.1d',
  createLookups: { documentIds: 'document' },
  events: destructionEvents,
  guardRefusals: {
    commissionQuorum: { rule: 'R-4.1d' },
    hasDirector: { rule: 'R-4.1d' },
    itemListed: { code: 'ITEM_NOT_IN_ACT' },
    keepsOneItem: { code: 'ACT_EMPTY' },
    copyLeavesWithOriginal: { rule: 'R-4.1d' },
    signersTurn: { code: 'NOT_YOUR_TURN' },
    partyOfAct: { rule: 'R-4.1d' },
  },
  canSee: canSeeDestruction,
};
