import { Actor, hasRole, Role } from '@grif/domain';
import type { EventSpec, WorkflowDefinition } from '../definition';
import { ACT_READER_ROLES, actEventSchemas, createCustodyTransferSchema, namedIn } from '../acts';
import { CustodyTransferContext, custodyTransferMachine } from './machine';

export * from './machine';
export * from './draft';

const DIRECTOR: Role[] = ['director'];

/**
 * the director starts the act by the order appointing the incoming clerk; the two clerks mark the
 * inventory; the outgoing clerk, the incoming clerk and the director sign in turn. The incoming clerk holds no
 * role yet, so people events are open to 'anyone' signed in and the machine's guards decide.
 */
export const custodyTransferEvents: Record<string, EventSpec> = {
  MARK: { schema: actEventSchemas.MARK, roles: 'anyone', roleRule: 'R-4.2.6' },
  SUBMIT: { schema: actEventSchemas.SUBMIT, roles: 'anyone', roleRule: 'R-4.2.6', roleHolders: ['director'] },
  RENDERED: { schema: actEventSchemas.RENDERED, roles: 'system' },
  SIGN: { schema: actEventSchemas.SIGN, roles: 'anyone', roleRule: 'R-4.2.6' },
  REJECT: { schema: actEventSchemas.REJECT, roles: 'anyone', roleRule: 'R-4.2.6' },
};

/** The records office sees every transfer act; anyone else only one that names them (the incoming clerk). */
export function canSeeCustodyTransfer(c: CustodyTransferContext, actor: Actor): boolean {
  if (actor.kind === 'system' || hasRole(actor, ...ACT_READER_ROLES)) return true;
  return namedIn(c, [c.outgoingClerkId, c.incomingClerkId]).includes(actor.userId);
}

export const custodyTransferWorkflow: WorkflowDefinition<CustodyTransferContext> = {
  id: 'custody_transfer',
  version: 1,
  machine: custodyTransferMachine,
  createSchema: createCustodyTransferSchema,
  creatorRoles: DIRECTOR,
  creatorRule: 'R-4.2.6',
  createLookups: { incomingClerkId: 'person' },
  createRoleHolders: ['records_clerk', 'director'],
  events: custodyTransferEvents,
  guardRefusals: {
    clerkOfAct: { rule: 'R-4.2.6' },
    partyOfAct: { rule: 'R-4.2.6' },
    itemListed: { code: 'ITEM_NOT_IN_ACT' },
    allMarked: { code: 'ITEMS_UNMARKED' },
    hasDirector: { rule: 'R-4.2.6' },
    signersTurn: { code: 'NOT_YOUR_TURN' },
  },
  canSee: canSeeCustodyTransfer,
};
