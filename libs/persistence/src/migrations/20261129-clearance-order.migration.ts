import { Migration } from '@mikro-orm/migrations';

/**
 * a clearance can now be revoked by a later entry, so the order in which a person's entries
 * were recorded decides between two entries of the same date. `seq` numbers them per person
 * (1, 2, …); the unique key makes two concurrent writers retry instead of tying. Existing rows are
 * numbered by the time they were recorded (then by id, for rows recorded in the same millisecond).
 */
export class ClearanceOrder20261129 extends Migration {
  override async up(): Promise<void> {
    const k = this.getKnex();
    const alter = k.schema.alterTable('clearances', (t) => {
      t.integer('seq').nullable();
    });
    for (const q of alter.toSQL()) this.addSql(q.sql);
    this.addSql(`update clearances set seq = (
        select count(*) from clearances c2
        where c2.school_id = clearances.school_id and c2.user_id = clearances.user_id
          and (c2.created_at < clearances.created_at or (c2.created_at = clearances.created_at and c2.id <= clearances.id))
      )`);
    const index = k.schema.alterTable('clearances', (t) => {
      t.unique(['school_id', 'user_id', 'seq']);
    });
    for (const q of index.toSQL()) this.addSql(q.sql);
  }
}
