import { Migration } from '@mikro-orm/migrations';

/**
 * The sign-in log (issue 10, ASVS 16.3.1): every sign-in, failure, throttled and disabled attempt, for the
 * information-security officer. school_id and user_id are null when the name typed is nobody's.
 */
export class LoginEvents20261202 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const schema = k.schema.createTable('login_events', (t) => {
      t.string('id', 36).primary();
      t.string('school_id', 36).nullable().references('schools.id');
      t.string('user_id', 36).nullable().references('users.id');
      t.string('username', 100).notNullable();
      t.string('outcome', 20).notNullable();
      t.string('client', 160).notNullable();
      t.string('at', 24).notNullable();
      t.index(['school_id', 'at']);
    });
    for (const q of schema.toSQL()) this.addSql(q.sql);
  }
}
