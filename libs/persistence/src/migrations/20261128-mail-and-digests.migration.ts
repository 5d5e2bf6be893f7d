import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * E-mail for notifications and the end-of-day list of For Official Use items out (issue 7):
 * - a person may have an e-mail address;
 * - a notification records its e-mail (sent, claimed by a sender, refused for good, the last error);
 * - a notification may come from a daily digest instead of an outbox effect, and be about no instance;
 * - one digest per school and working day (the unique key makes a repeated or concurrent run write nothing).
 */
export class MailAndDigests20261128 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const iso = (t: Knex.CreateTableBuilder, name: string) => t.string(name, 24);
    const sqlite = k.client.dialect !== 'postgresql';
    const schema = k.schema
      .alterTable('users', (t) => {
        t.string('email', 254).nullable();
      })
      .createTable('daily_digests', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('date', 10).notNullable();
        t.integer('items').notNullable();
        iso(t, 'created_at').notNullable();
        t.unique(['school_id', 'date']);
      });
    for (const q of schema.toSQL()) this.addSql(q.sql);

    if (sqlite) {
      // SQLite cannot drop NOT NULL in place: rebuild the table (nothing references it) and copy the rows.
      for (const q of k.schema.createTable('notifications_new', (t) => this.notificationColumns(t, iso)).toSQL())
        this.addSql(q.sql);
      this.addSql(
        `insert into notifications_new (id, school_id, user_id, outbox_id, instance_id, template, data, created_at, read_at)
         select id, school_id, user_id, outbox_id, instance_id, template, data, created_at, read_at from notifications`,
      );
      this.addSql('drop table notifications');
      this.addSql('alter table notifications_new rename to notifications');
      for (const q of k.schema.alterTable('notifications', (t) => this.notificationKeys(t)).toSQL()) this.addSql(q.sql);
      return;
    }
    const alter = k.schema.alterTable('notifications', (t) => {
      t.string('outbox_id', 36).nullable().alter();
      t.string('instance_id', 36).nullable().alter();
      this.mailColumns(t, iso);
      t.string('digest_id', 36).nullable();
      t.unique(['digest_id', 'user_id']);
      t.index(['emailed_at', 'created_at']);
    });
    for (const q of alter.toSQL()) this.addSql(q.sql);
  }

  /** The whole notifications table as it is from now on (SQLite's rebuild). */
  private notificationColumns(
    t: Knex.CreateTableBuilder,
    iso: (t: Knex.CreateTableBuilder, name: string) => Knex.ColumnBuilder,
  ): void {
    t.string('id', 36).primary();
    t.string('school_id', 36).notNullable();
    t.string('user_id', 36).notNullable().references('users.id');
    t.string('outbox_id', 36).nullable();
    t.string('digest_id', 36).nullable();
    t.string('instance_id', 36).nullable();
    t.string('template', 60).notNullable();
    t.text('data').notNullable();
    iso(t, 'created_at').notNullable();
    iso(t, 'read_at').nullable();
    this.mailColumns(t, iso);
  }

  private notificationKeys(t: Knex.AlterTableBuilder): void {
    t.unique(['outbox_id', 'user_id']);
    t.unique(['digest_id', 'user_id']);
    t.index(['school_id', 'user_id', 'created_at']);
    t.index(['emailed_at', 'created_at']);
  }

  private mailColumns(
    t: Knex.CreateTableBuilder | Knex.AlterTableBuilder,
    iso: (t: Knex.CreateTableBuilder, name: string) => Knex.ColumnBuilder,
  ): void {
    const table = t as Knex.CreateTableBuilder;
    iso(table, 'emailed_at').nullable();
    iso(table, 'email_claimed_at').nullable();
    iso(table, 'email_failed_at').nullable();
    table.string('email_error', 500).nullable();
  }
}
