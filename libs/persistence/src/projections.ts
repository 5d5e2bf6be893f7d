import type { EntityManager } from '@mikro-orm/knex';
import { newId, type InstanceRow, type ProjectedEvent } from '@grif/engine';
import {
  journalWrites,
  type DocumentContext,
  type JournalWrite,
  type OpenIssueChanges,
  type RegistrationChanges,
} from '@grif/workflows';
import { CopyRecord, DocumentRecord } from './entities';
import { DOCUMENT_LINE_COLUMNS, GROWING_COLUMNS, OPEN_ISSUE_LINE_COLUMNS } from './batch-statement';
import { insertOf, type BatchWrites } from './batch-writes';
import { projectAct } from './act-projection';
import { projectBreach } from './breach-projection';

type Projector = (
  em: EntityManager,
  writes: BatchWrites,
  instance: InstanceRow,
  context: any,
  event: ProjectedEvent,
) => Promise<void>;

/** The COPY event that spawned the copies is committed first in the same transaction. */
async function copyPurpose(em: EntityManager, originalId: string): Promise<string> {
  const rows = await em.execute<{ payload: string }[]>(
    `select payload from workflow_events where instance_id = ? and type = 'COPY' order by seq desc limit 1`,
    [originalId],
  );
  return rows[0] ? (JSON.parse(rows[0].payload) as { purpose: string }).purpose : '';
}

const REGISTRATION_COLUMNS: Record<keyof RegistrationChanges, string> = {
  state: 'state',
  classification: 'classification',
  holderId: 'holder_id',
  dueAt: 'due_at',
  location: 'location',
  fileId: 'file_id',
  markedAt: 'marked_at',
};
const OPEN_ISSUE_COLUMNS: Record<keyof OpenIssueChanges, string> = {
  acknowledgedAt: 'acknowledged_at',
  dueAt: 'due_at',
  overdueAt: 'overdue_at',
  returnedAt: 'returned_at',
  condition: 'condition',
};

/**
 * Sets the columns of the fields present in `changes` of the document's line; every event updates one, so it is
 * held with the event's other writes (batch-writes.ts). On PostgreSQL its row in the batch statement's masked
 * update gives every column of `part` with whether to set it.
 */
async function updateLine<C extends object>(
  writes: BatchWrites,
  table: string,
  columns: Record<keyof C, string>,
  changes: C,
  where: string,
  documentId: string,
  part: { name: 'documentLines' | 'openIssues'; columns: readonly string[] },
): Promise<void> {
  const keys = Object.keys(columns) as (keyof C)[];
  const set = keys.filter((k) => changes[k] !== undefined);
  if (!set.length) return;
  const values: unknown[] = [];
  for (const k of set) {
    // A growing column's value is compared, then set: given twice.
    values.push(changes[k]);
    if (GROWING_COLUMNS.has(columns[k])) values.push(changes[k]);
  }
  values.push(documentId);
  const row: unknown[] = [];
  for (const column of part.columns) {
    const value = changes[keys.find((k) => columns[k] === column)!];
    row.push(value ?? null, value !== undefined);
  }
  row.push(documentId);
  await writes.write({
    table,
    key: documentId,
    sql: updateText(
      table,
      set.map((k) => columns[k]),
      where,
    ),
    values,
    part: part.name,
    row,
  });
}

/** The update of a line's columns `set`, built once per table, columns and condition: every step updates a line. */
function updateText(table: string, set: string[], where: string): string {
  const key = `${table}\u0000${set.join(',')}\u0000${where}`;
  let text = updateTexts.get(key);
  if (text === undefined) {
    const assignments = set.map((name) => {
      const column = `"${name}"`;
      // Both databases: SQLite has no greatest(), PostgreSQL no two-argument max().
      return GROWING_COLUMNS.has(name)
        ? `${column} = case when ${column} is null or ${column} < ? then ? else ${column} end`
        : `${column} = ?`;
    });
    updateTexts.set(key, (text = `update ${table} set ${assignments.join(', ')} where ${where}`));
  }
  return text;
}
const updateTexts = new Map<string, string>();

const ISSUES_INTO = `insert into issue_journal (id, school_id, document_id, reg_number, classification, holder_id, purpose,
  issued_at, issued_by, due_at) values`;

/** Applies one journal write the document's read model asked for. */
async function write(em: EntityManager, writes: BatchWrites, w: JournalWrite): Promise<void> {
  switch (w.kind) {
    case 'registration.insert': {
      await writes.barrier();
      const l = w.line;
      const row = new DocumentRecord(
        l.id,
        l.schoolId,
        l.regYear,
        l.direction,
        l.regSeq,
        l.regNumber,
        l.kind,
        l.title,
        l.correspondent,
        l.documentDate,
        l.state,
        l.createdAt,
      );
      Object.assign(row, {
        classification: l.classification,
        holderId: l.holderId,
        dueAt: l.dueAt,
        location: l.location,
        fileId: l.fileId,
        copyOf: l.copyOf,
        copyNumber: l.copyNumber,
      });
      await em.insert(DocumentRecord, row);
      return;
    }
    case 'registration.update':
      await updateLine(writes, 'documents', REGISTRATION_COLUMNS, w.changes, 'id = ?', w.documentId, {
        name: 'documentLines',
        columns: DOCUMENT_LINE_COLUMNS,
      });
      return;
    case 'copy.insert': {
      await writes.barrier();
      const l = w.line;
      const purpose = await copyPurpose(em, l.originalId);
      await em.insert(
        CopyRecord,
        new CopyRecord(
          newId(),
          l.schoolId,
          l.originalId,
          l.originalRegNumber,
          l.copyId,
          l.copyNumber,
          purpose,
          l.madeBy,
          l.madeAt,
          l.classification,
        ),
      );
      return;
    }
    case 'issue.insert': {
      // Every issue writes one: held with the event (batch-writes.ts).
      const l = w.line;
      await writes.write(
        insertOf(
          'issue_journal',
          l.documentId,
          ISSUES_INTO,
          [
            newId(),
            l.schoolId,
            l.documentId,
            l.regNumber,
            l.classification,
            l.holderId,
            l.purpose,
            l.issuedAt,
            l.issuedBy,
            l.dueAt,
          ],
          { part: 'issues' },
        ),
      );
      return;
    }
    case 'issue.completeOpen':
      await updateLine(
        writes,
        'issue_journal',
        OPEN_ISSUE_COLUMNS,
        w.changes,
        'document_id = ? and returned_at is null',
        w.documentId,
        { name: 'openIssues', columns: OPEN_ISSUE_LINE_COLUMNS },
      );
      return;
  }
}

async function projectDocument(
  em: EntityManager,
  writes: BatchWrites,
  instance: InstanceRow,
  c: DocumentContext,
  e: ProjectedEvent,
): Promise<void> {
  for (const w of journalWrites(instance, c, e)) await write(em, writes, w);
}

/** A projection on the ORM: what the batch holds is written first. */
const onOrm =
  (
    project: (em: EntityManager, instance: InstanceRow, context: any, event: ProjectedEvent) => Promise<void>,
  ): Projector =>
  async (em, writes, instance, context, event) => {
    await writes.barrier();
    await project(em, instance, context, event);
  };

/** Query models kept in the same transaction as the instance they describe; what to write is the workflow's. */
export const PROJECTORS: Record<string, Projector> = {
  document: projectDocument,
  destruction: onOrm(projectAct),
  custody_transfer: onOrm(projectAct),
  breach_case: onOrm(projectBreach),
};
