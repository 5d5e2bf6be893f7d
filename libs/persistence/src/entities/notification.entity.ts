import { EntitySchema } from '@mikro-orm/core';

/** A message to one person (an overdue document, a loss), made once per outbox effect and person. */
export class Notification {
  readAt: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public outboxId: string,
    public instanceId: string,
    public template: string,
    public data: string,
    public createdAt: string,
  ) {}
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications',
  uniques: [{ properties: ['outboxId', 'userId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    outboxId: { type: 'string', length: 36 },
    instanceId: { type: 'string', length: 36 },
    template: { type: 'string', length: 60 },
    data: { type: 'text' },
    createdAt: { type: 'string', length: 24 },
    readAt: { type: 'string', length: 24, nullable: true },
  },
});
