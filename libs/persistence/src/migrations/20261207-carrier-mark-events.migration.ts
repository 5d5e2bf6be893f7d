import { Migration } from '@mikro-orm/migrations';

/**
 * The event types of the index, as `CARRIER_EVENTS` named them when it was made. The index served the carriers as
 * at a moment until DocumentMarkedAt20261209 replaced it with a column of the documents (and dropped it).
 */
export const INDEXED_CARRIER_EVENTS = ['CLASSIFY', 'RECLASSIFY', 'REPORT_LOSS', 'DISPATCH', 'DESTROY'];

/**
 * A carriers' page as at a moment asks which documents registered by then had their mark or keeping change after
 * it. Only those events, with the instance in the index: an index-only scan of about one entry a document, where
 * the type index found the events and then read each row for its instance (240 ms at 20,000 documents a school;
 * docs/performance.md).
 */
export class CarrierMarkEvents20261207 extends Migration {
  override async up(): Promise<void> {
    const types = INDEXED_CARRIER_EVENTS.map((t) => `'${t}'`).join(', ');
    this.addSql(
      `create index if not exists workflow_events_marks_idx on workflow_events (school_id, at, instance_id) where type in (${types})`,
    );
    if (this.getKnex().client.dialect !== 'postgresql') return;
    // The carriers counted as at a moment: the documents registered by then, by their mark and state, from the
    // index alone (31 → 5 ms at 20,000 documents a school). It replaces the index of the newest-first list, which
    // it begins with; PostgreSQL writes a new entry in every index of a document on each step anyway (its state is
    // indexed), so the wider index costs a step nothing more. SQLite, one school, filters its rows as fast.
    this.addSql(
      'create index if not exists documents_school_created_marks_idx on documents (school_id, created_at, id, classification, "state")',
    );
    this.addSql('drop index if exists documents_school_created_idx');
  }
}
