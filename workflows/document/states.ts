/**
 * The states of a document, as the machine names them. Kept apart from the machine so that
 * clients (the admin UI, through @grif/contracts) can list them without bundling xstate;
 * a spec checks the machine has exactly these.
 */
export const DOCUMENT_STATES = [
  'registered',
  'classified',
  'in_storage',
  'issued',
  'overdue',
  'escalated',
  'dispatched',
  'lost',
  'destroyed',
] as const;
export type DocumentState = (typeof DOCUMENT_STATES)[number];
