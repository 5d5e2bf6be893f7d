import { EntitySchema } from '@mikro-orm/core';

/**
 * The end-of-day list of For Official Use items not back in storage, made once per school and
 * working day (the unique key): its notifications are written in the same transaction.
 */
export class DailyDigest {
  constructor(
    public id: string,
    public schoolId: string,
    /** The working day it closes, yyyy-MM-dd in the school's calendar zone. */
    public date: string,
    /** How many items were out (0: "nothing is out" was sent). */
    public items: number,
    public createdAt: string,
  ) {}
}

export const DailyDigestSchema = new EntitySchema<DailyDigest>({
  class: DailyDigest,
  tableName: 'daily_digests',
  uniques: [{ properties: ['schoolId', 'date'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    date: { type: 'string', length: 10 },
    items: { type: 'integer' },
    createdAt: { type: 'string', length: 24 },
  },
});
