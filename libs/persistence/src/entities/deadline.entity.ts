import { EntitySchema } from '@mikro-orm/core';

export type DeadlineStatus = 'pending' | 'fired' | 'cancelled' | 'stale';

/** The truth about a deadline; the BullMQ delayed job is only its alarm clock. */
export class Deadline {
  status: DeadlineStatus = 'pending';
  settledAt: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public instanceId: string,
    public key: string,
    public eventType: string,
    public dueAt: string,
    public rule: string | null,
    public createdAt: string,
  ) {}
}

export const DeadlineSchema = new EntitySchema<Deadline>({
  class: Deadline,
  tableName: 'deadlines',
  uniques: [{ properties: ['instanceId', 'key'] }],
  indexes: [{ properties: ['status', 'dueAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    instanceId: { type: 'string', length: 36 },
    key: { type: 'string', length: 100 },
    eventType: { type: 'string', length: 60 },
    dueAt: { type: 'string', length: 24 },
    rule: { type: 'string', length: 20, nullable: true },
    status: { type: 'string', length: 12 },
    createdAt: { type: 'string', length: 24 },
    settledAt: { type: 'string', length: 24, nullable: true },
  },
});
