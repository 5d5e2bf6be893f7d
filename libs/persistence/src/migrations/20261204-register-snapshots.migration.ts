import { Migration } from '@mikro-orm/migrations';

/**
 * Periodic snapshots of each school's folded history, so a register "as at" a moment folds on from the latest
 * snapshot before it instead of from the first event (issue 12; RegisterSnapshots). A read model: dropping
 * every row loses nothing, the worker takes them again from the history.
 */
export class RegisterSnapshots20261204 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const schema = k.schema.createTable('register_snapshots', (t) => {
      t.string('id', 36).primary();
      t.string('school_id', 36).notNullable().references('schools.id');
      t.string('kind', 12).notNullable();
      t.string('taken_at', 24).notNullable();
      t.text('states').notNullable();
      t.integer('event_count').notNullable();
      t.string('created_at', 24).notNullable();
      t.unique(['school_id', 'kind', 'taken_at']);
    });
    for (const q of schema.toSQL()) this.addSql(q.sql);
  }
}
