import { Migration } from '@mikro-orm/migrations';

/** The event types whose moments the backfill takes, as `CARRIER_EVENTS` named them when it was written. */
export const MARKED_EVENTS = ['CLASSIFY', 'RECLASSIFY', 'REPORT_LOSS', 'DISPATCH', 'DESTROY'];

/**
 * R-3, the carriers register as at a moment: which documents registered by then had their mark or keeping change
 * after it. The document line now keeps the latest moment of such an event (`marked_at`, written by the projection),
 * so the question is one range of the index of the documents by school and registration, which now holds that
 * column too. It was a range of the carrier events' partial index joined with those documents: 6–54 ms cold at
 * 1,000,000 documents (docs/performance.md). That index is dropped, which spares each such event an index entry;
 * the column goes into an index the documents had, not a new one, because PostgreSQL writes an entry into every
 * index of a document at each of its steps (its state is indexed), and a new index measured slower transitions.
 */
export class DocumentMarkedAt20261209 extends Migration {
  override async up(): Promise<void> {
    const pg = this.getKnex().client.dialect === 'postgresql';
    const types = MARKED_EVENTS.map((t) => `'${t}'`).join(', ');
    this.addSql('alter table documents add column marked_at varchar(24) null');
    // The existing documents from their histories, read from the partial index this replaces.
    this.addSql(
      `update documents set marked_at = m.at
       from (select instance_id, max(at) as at from workflow_events where type in (${types}) group by instance_id) m
       where m.instance_id = documents.id`,
    );
    const [replaced, columns] = pg
      ? ['documents_school_created_marks_idx', 'school_id, created_at, id, classification, "state", marked_at']
      : ['documents_school_created_idx', 'school_id, created_at, id, marked_at'];
    this.addSql(`create index documents_school_created_marked_idx on documents (${columns})`);
    this.addSql(`drop index if exists ${replaced}`);
    this.addSql('drop index if exists workflow_events_marks_idx');
  }
}
