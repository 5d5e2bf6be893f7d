import { Migration } from '@mikro-orm/migrations';

/**
 * A school's own working calendar and deadline ladder (absent: the defaults Grif ships with), and the
 * link from a spawned instance to the one that spawned it, so a reclassified original reaches its copies.
 */
export class SchoolSettings20261128 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const create = k.schema.createTable('school_settings', (t) => {
      t.string('school_id', 36).notNullable();
      t.string('name', 30).notNullable();
      t.text('value').notNullable();
      t.string('updated_at', 24).notNullable();
      t.string('updated_by', 36).notNullable();
      t.primary(['school_id', 'name']);
    });
    for (const q of create.toSQL()) this.addSql(q.sql);
    const alter = k.schema.alterTable('workflow_instances', (t) => {
      t.string('parent_id', 36).nullable();
      t.index(['parent_id']);
    });
    for (const q of alter.toSQL()) this.addSql(q.sql);
    this.addSql(
      k('workflow_instances')
        .update({
          parent_id: k('documents').select('copy_of').where('documents.id', k.ref('workflow_instances.id')),
        })
        .whereIn('id', k('documents').select('id').whereNotNull('copy_of')),
    );
  }
}
