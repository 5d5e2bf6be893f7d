import { Migration } from '@mikro-orm/migrations';

/** Credential-breach cases (issue 9): their query model for the queues, "my cases" and the statistics. */
export class BreachCases20261201 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const schema = k.schema.createTable('breach_cases', (t) => {
      t.string('id', 36).primary();
      t.string('school_id', 36).notNullable().references('schools.id');
      t.string('number', 64).notNullable();
      t.string('state', 40).notNullable();
      t.string('system', 20).notNullable();
      t.string('account', 200).notNullable();
      t.string('owner_id', 36).nullable();
      t.string('reporter_id', 36).notNullable();
      t.boolean('late').notNullable();
      t.string('severity', 20).nullable();
      t.string('cause', 40).nullable();
      t.string('discovered_at', 24).notNullable();
      t.string('reported_at', 24).notNullable();
      t.string('contained_at', 24).nullable();
      t.string('closed_at', 24).nullable();
      t.string('step_name', 20).nullable();
      t.string('step_due_at', 24).nullable();
      t.boolean('step_escalated').notNullable();
      t.string('updated_at', 24).notNullable();
      t.index(['school_id', 'reported_at']);
    });
    for (const q of schema.toSQL()) this.addSql(q.sql);
  }
}
