import type { WorkflowDefinition } from '../definition';
import { registerDocumentSchema } from './events';
import { documentMachine, DocumentContext } from './machine';
import { canSeeDocument, documentEvents, documentRegistrarRoles } from './permissions';

export * from './events';
export * from './machine';
export * from './permissions';
export * from './states';

export const documentWorkflow: WorkflowDefinition<DocumentContext> = {
  id: 'document',
  version: 1,
  machine: documentMachine,
  createSchema: registerDocumentSchema,
  creatorRoles: documentRegistrarRoles,
  creatorRule: 'R-4.1b',
  createLookups: { fileId: 'file' },
  events: documentEvents,
  guardRefusals: {
    actorIsHolder: { rule: 'R-4.2.1' },
    notYetAcknowledged: { code: 'ALREADY_ACKNOWLEDGED' },
    dueInFuture: { code: 'DUE_IN_PAST' },
    officialUseDueSameDay: { rule: 'R-4.2.3' },
    holderCleared: { rule: 'R-2.5' },
    staysInSchool: { rule: 'R-4.2.5' },
    mayLeaveSchool: { rule: 'R-4.2.5' },
    storageFitsMark: { rule: 'R-4.2.2' },
    storageFitsNewMark: { rule: 'R-4.2.2' },
    isOutgoing: { code: 'NOT_OUTGOING' },
    markChanges: { code: 'SAME_CLASSIFICATION' },
    isOriginal: { code: 'COPY_OF_COPY' },
    actorIsHolderOrClerk: { rule: 'R-4.2.1' },
    isCurrentDeadline: { code: 'STALE_DEADLINE' },
    // The other rungs of the ladder: an alarm the issue has moved past (rung, cancelled, re-armed) has nothing to do.
    isCurrentReminder: { code: 'STALE_DEADLINE' },
    isCurrentEscalation: { code: 'STALE_DEADLINE' },
    notInAct: { rule: 'R-4.1d' },
    inThisAct: { code: 'ITEM_NOT_IN_ACT' },
  },
  canSee: canSeeDocument,
};
export * from './registration';
export * from './journal-projection';
export * from './register-fold';
