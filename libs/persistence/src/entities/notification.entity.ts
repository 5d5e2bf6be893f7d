import { EntitySchema } from '@mikro-orm/core';

/**
 * A message to one person, made once per fact: per outbox effect and person (an overdue document,
 * a loss), or per daily digest and person (the end-of-day list). Its e-mail, if the person has an
 * address, is sent once: `emailedAt` is recorded after the SMTP server took it.
 */
export class Notification {
  readAt: string | null = null;
  digestId: string | null = null;
  emailedAt: string | null = null;
  /** A sender took it (a lease): another sender leaves it alone until the lease runs out. */
  emailClaimedAt: string | null = null;
  /** The SMTP server refused it for good (a 5xx answer): never tried again. */
  emailFailedAt: string | null = null;
  emailError: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public outboxId: string | null,
    /** The workflow instance it is about; null for a digest. */
    public instanceId: string | null,
    public template: string,
    public data: string,
    public createdAt: string,
  ) {}
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications',
  uniques: [{ properties: ['outboxId', 'userId'] }, { properties: ['digestId', 'userId'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    outboxId: { type: 'string', length: 36, nullable: true },
    digestId: { type: 'string', length: 36, nullable: true },
    instanceId: { type: 'string', length: 36, nullable: true },
    template: { type: 'string', length: 60 },
    data: { type: 'text' },
    createdAt: { type: 'string', length: 24 },
    readAt: { type: 'string', length: 24, nullable: true },
    emailedAt: { type: 'string', length: 24, nullable: true },
    emailClaimedAt: { type: 'string', length: 24, nullable: true },
    emailFailedAt: { type: 'string', length: 24, nullable: true },
    emailError: { type: 'string', length: 500, nullable: true },
  },
});
