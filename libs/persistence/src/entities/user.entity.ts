import { EntitySchema } from '@mikro-orm/core';

export class User {
  mustChangePassword = false;
  /** Until when the one-time password an administrator gave signs in (ASVS 2.3.1); null: the person's own. */
  oneTimePasswordUntil: string | null = null;
  locale = 'ky';
  disabled = false;
  /** Where notifications are also e-mailed (when SMTP is configured); null: the in-app inbox only. */
  email: string | null = null;
  /** Why, when and by whom the account was disabled; null while it is enabled. */
  disabledReason: string | null = null;
  disabledAt: string | null = null;
  disabledBy: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public username: string,
    public displayName: string,
    public passwordHash: string,
    public createdAt: string,
  ) {}
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  // One install holds many schools: a username is unique within its school (`name@code` signs in).
  uniques: [{ properties: ['schoolId', 'username'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    username: { type: 'string', length: 100 },
    displayName: { type: 'string', length: 200 },
    passwordHash: { type: 'string', length: 300 },
    mustChangePassword: { type: 'boolean' },
    oneTimePasswordUntil: { type: 'string', length: 24, nullable: true },
    locale: { type: 'string', length: 5 },
    disabled: { type: 'boolean' },
    email: { type: 'string', length: 254, nullable: true },
    disabledReason: { type: 'string', length: 500, nullable: true },
    disabledAt: { type: 'string', length: 24, nullable: true },
    disabledBy: { type: 'string', length: 36, nullable: true },
    createdAt: { type: 'string', length: 24 },
  },
});
