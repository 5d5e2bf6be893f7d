import { Migration } from '@mikro-orm/migrations';

/**
 * Every ACKNOWLEDGE and RETURN closes or marks the document's open issue line (`document_id = … and returned_at is
 * null`); no index led with the document, so each scanned the whole issue journal — a school's, then a district's.
 * Partial: only the lines still out, a handful a document.
 */
export class OpenIssueLines20261206 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      'create index if not exists issue_journal_open_document_idx on issue_journal (document_id) where returned_at is null',
    );
  }
}
