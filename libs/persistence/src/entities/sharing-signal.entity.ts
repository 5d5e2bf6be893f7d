import { EntitySchema } from '@mikro-orm/core';

/**
 * R-5.2.1: one person's account was active from two clients at once. Raised at most once per person
 * and window; the officers' notifications are written in the same transaction.
 */
export class SharingSignal {
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    /** The clients' labels, as JSON (a list of strings). */
    public clients: string,
    public raisedAt: string,
  ) {}
}

export const SharingSignalSchema = new EntitySchema<SharingSignal>({
  class: SharingSignal,
  tableName: 'sharing_signals',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    clients: { type: 'text' },
    raisedAt: { type: 'string', length: 24 },
  },
});
