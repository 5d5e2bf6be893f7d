/** What the batch statement's check raises when a move found its instance moved by another writer. */
export const LOST_RACE_SQLSTATE = 'GR409';
