import { Migration } from '@mikro-orm/migrations';

/**
 * The indexes a district (1M documents, 10M events on PostgreSQL, issue 12) needs for its lists to answer within
 * 50 ms; docs/performance-scale.md has the plans and figures. Each list is one school's (`school_id` first), in the
 * order the screen sorts it and then by id or seq, so the page is the first rows of an index range and is never
 * sorted; a filter the screens offer leads its own index. Plain SQL that SQLite and PostgreSQL both take; the
 * trigram indexes of the text search are PostgreSQL's only (SQLite, one school, scans a few thousand rows).
 */
const INDEXES: [name: string, table: string, columns: string, where?: string][] = [
  // The document lists: newest first (the default), by state, by holder ("issued to me", R-4.2.1).
  ['documents_school_created_idx', 'documents', 'school_id, created_at, id'],
  ['documents_school_state_created_idx', 'documents', 'school_id, state, created_at, id'],
  ['documents_school_holder_created_idx', 'documents', 'school_id, holder_id, created_at, id'],
  ['documents_school_mark_year_idx', 'documents', 'school_id, classification, reg_year, created_at, id'],
  // The issue journal (R-4.2.1): newest first, one person's, and what is still out.
  ['issue_journal_school_issued_idx', 'issue_journal', 'school_id, issued_at, id'],
  ['issue_journal_school_holder_issued_idx', 'issue_journal', 'school_id, holder_id, issued_at, id'],
  ['issue_journal_school_open_idx', 'issue_journal', 'school_id, issued_at, id', 'returned_at is null'],
  // The auditor's event search (R-1.5): newest first, by type, by who sent it; a period is a range of the first.
  ['workflow_events_school_at_seq_idx', 'workflow_events', 'school_id, at, seq'],
  ['workflow_events_school_type_at_idx', 'workflow_events', 'school_id, type, at, seq'],
  ['workflow_events_school_actor_at_idx', 'workflow_events', 'school_id, actor_id, at, seq'],
];
/** Replaced by a longer index above that begins with the same columns. */
const REPLACED = ['documents_school_id_holder_id_index', 'workflow_events_school_id_at_index'];

export class ScaleIndexes20261204 extends Migration {
  override async up(): Promise<void> {
    for (const [name, table, columns, where] of INDEXES)
      this.addSql(`create index if not exists ${name} on ${table} (${columns})${where ? ` where ${where}` : ''}`);
    for (const name of REPLACED) this.addSql(`drop index if exists ${name}`);
    if (this.getKnex().client.dialect !== 'postgresql') return;
    // The document search: `like '%text%'` over title, number and correspondent, within one school (btree_gin
    // puts the school into the same GIN index). Both extensions are trusted: the database owner may create them.
    this.addSql('create extension if not exists pg_trgm');
    this.addSql('create extension if not exists btree_gin');
    for (const column of ['title', 'reg_number', 'correspondent'])
      this.addSql(
        `create index if not exists documents_school_${column}_trgm_idx on documents using gin (school_id, ${column} gin_trgm_ops)`,
      );
  }
}
