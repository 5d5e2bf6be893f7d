import { Migration } from '@mikro-orm/migrations';

/**
 * ASVS 2.3.1: a one-time password an administrator gives expires. Until when it signs in; null for a person's own
 * password. Passwords given before this migration stay usable until they are changed or reset (no instant is known
 * for them), as the install's first administrator's does (no other administrator could give a new one).
 */
export class OneTimePasswordUntil20261208 extends Migration {
  override async up(): Promise<void> {
    const alter = this.getKnex().schema.alterTable('users', (t) => {
      t.string('one_time_password_until', 24).nullable();
    });
    for (const q of alter.toSQL()) this.addSql(q.sql);
  }
}
