import { EntitySchema } from '@mikro-orm/core';

/** Written in the same transaction as the event it answered: a retry gets this response back. */
export class IdempotencyRecord {
  constructor(
    public schoolId: string,
    public actorId: string,
    public key: string,
    public fingerprint: string,
    public statusCode: number,
    public response: string,
    public createdAt: string,
  ) {}
}

export const IdempotencyRecordSchema = new EntitySchema<IdempotencyRecord>({
  class: IdempotencyRecord,
  tableName: 'idempotency_records',
  properties: {
    schoolId: { type: 'string', primary: true, length: 36 },
    actorId: { type: 'string', primary: true, length: 36 },
    key: { type: 'string', primary: true, length: 200 },
    fingerprint: { type: 'string', length: 64 },
    statusCode: { type: 'integer' },
    response: { type: 'text' },
    createdAt: { type: 'string', length: 24 },
  },
});
