import { EntitySchema } from '@mikro-orm/core';

/** An effect committed with its transition, waiting for the relay to hand it to BullMQ and for its delivery. */
export class OutboxMessage {
  /** Handed to BullMQ (the relay). */
  dispatchedAt: string | null = null;
  /** Its effect happened (deadline rows: armed). Until then the reconciler re-sends it. */
  deliveredAt: string | null = null;
  attempts = 0;
  constructor(
    public id: string,
    public schoolId: string,
    public instanceId: string,
    public kind: string,
    public payload: string,
    public createdAt: string,
  ) {}
}

export const OutboxMessageSchema = new EntitySchema<OutboxMessage>({
  class: OutboxMessage,
  tableName: 'outbox',
  indexes: [{ properties: ['dispatchedAt', 'createdAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    instanceId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 60 },
    payload: { type: 'text' },
    createdAt: { type: 'string', length: 24 },
    dispatchedAt: { type: 'string', length: 24, nullable: true },
    deliveredAt: { type: 'string', length: 24, nullable: true },
    attempts: { type: 'integer' },
  },
});
