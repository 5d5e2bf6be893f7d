import { Migration } from '@mikro-orm/migrations';
import { schoolCodeFor } from '../school-code';

/**
 * Users and roles (issue 10):
 * - a school gets a short `code`, unique in the install, so one install can hold many schools and a person
 *   signs in as `name@code`; usernames become unique per school instead of per install. Existing schools get
 *   a code made from their name (the demo school, "…№35…", becomes `sch35`), so every row survives;
 * - an account keeps why and when it was disabled and by whom, and every change the administrator makes to it is a
 *   row of `account_events` (created, disabled with the reason, enabled, password reset), never edited;
 * - an appointment is ended by an order too: its number, date, who recorded it and when,
 *   so the history shows both orders and nothing is edited silently.
 * The code stays nullable in the table (SQLite cannot add a NOT NULL column without a default and a rebuild);
 * the unique index and the application keep it filled.
 */
export class SchoolQualifiedUsers20261202 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const schools = (await this.execute('select id, name from schools order by created_at, id')) as {
      id: string;
      name: string;
    }[];
    const add = k.schema
      .alterTable('schools', (t) => {
        t.string('code', 30).nullable();
      })
      .alterTable('users', (t) => {
        t.string('disabled_reason', 500).nullable();
        t.string('disabled_at', 24).nullable();
        t.string('disabled_by', 36).nullable();
      })
      .alterTable('appointments', (t) => {
        t.string('end_order_number', 100).nullable();
        t.string('end_order_date', 10).nullable();
        t.string('ended_by', 36).nullable();
        t.string('ended_at', 24).nullable();
      })
      .createTable('account_events', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('user_id', 36).notNullable().references('users.id');
        t.string('kind', 20).notNullable();
        t.string('reason', 500).nullable();
        t.string('actor_id', 36).notNullable();
        t.string('at', 24).notNullable();
        t.index(['school_id', 'user_id', 'at']);
      });
    for (const q of add.toSQL()) this.addSql(q.sql);
    const taken = new Set<string>();
    for (const s of schools) {
      const code = schoolCodeFor(s.name, taken);
      taken.add(code);
      this.addSql(k('schools').update({ code }).where({ id: s.id }).toString());
    }
    const keys = k.schema
      .alterTable('schools', (t) => {
        t.unique(['code']);
      })
      .alterTable('users', (t) => {
        t.dropUnique(['username']);
        t.unique(['school_id', 'username']);
        t.index(['username']);
      });
    for (const q of keys.toSQL()) this.addSql(q.sql);
  }
}
