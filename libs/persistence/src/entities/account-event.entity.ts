import { EntitySchema } from '@mikro-orm/core';
import type { AccountEventKind } from '@grif/domain';

/**
 * One change to an account, kept forever and never edited: enabling an account clears its "disabled" flag and
 * reason, but this row still says who disabled it, when and why. Appointments keep their own history.
 */
export class AccountEvent {
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public kind: AccountEventKind,
    public reason: string | null,
    public actorId: string,
    public at: string,
  ) {}
}

export const AccountEventSchema = new EntitySchema<AccountEvent>({
  class: AccountEvent,
  tableName: 'account_events',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 20 },
    reason: { type: 'string', length: 500, nullable: true },
    actorId: { type: 'string', length: 36 },
    at: { type: 'string', length: 24 },
  },
});
