import { EntitySchema } from '@mikro-orm/core';

export class User {
  mustChangePassword = false;
  locale = 'ky';
  disabled = false;
  /** Where notifications are also e-mailed (when SMTP is configured); null: the in-app inbox only. */
  email: string | null = null;
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
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    username: { type: 'string', length: 100, unique: true },
    displayName: { type: 'string', length: 200 },
    passwordHash: { type: 'string', length: 300 },
    mustChangePassword: { type: 'boolean' },
    locale: { type: 'string', length: 5 },
    disabled: { type: 'boolean' },
    email: { type: 'string', length: 254, nullable: true },
    createdAt: { type: 'string', length: 24 },
  },
});
