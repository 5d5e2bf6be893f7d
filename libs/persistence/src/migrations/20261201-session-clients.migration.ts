import { Migration } from '@mikro-orm/migrations';
import type { Knex } from '@mikro-orm/knex';

/**
 * The sharing signal (issue 9, R-5.2.1):
 * - a session records the client it was opened from: a readable label (browser, system, a masked
 *   address) and a hash of the whole User-Agent and address, to tell two clients apart;
 * - its last-seen time is kept (at most one write a minute), so "active at once" can be asked;
 * - each signal raised is a row: at most one per person and window, its notifications written with it.
 */
export class SessionClients20261201 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const iso = (t: Knex.CreateTableBuilder, name: string) => t.string(name, 24);
    const schema = k.schema
      .alterTable('sessions', (t) => {
        t.string('client', 160).nullable();
        t.string('client_hash', 64).nullable();
        t.index(['user_id', 'last_seen_at']);
      })
      .createTable('sharing_signals', (t) => {
        t.string('id', 36).primary();
        t.string('school_id', 36).notNullable().references('schools.id');
        t.string('user_id', 36).notNullable().references('users.id');
        t.text('clients').notNullable();
        iso(t, 'raised_at').notNullable();
        t.index(['user_id', 'raised_at']);
      });
    for (const q of schema.toSQL()) this.addSql(q.sql);
  }
}
