import type { FilterQuery } from '@mikro-orm/core';
import { DocumentRecord, IssueRecord } from '../entities';
import type { WriteTransactions } from '../write-transactions';

/** A document is "out" in these states (contracts.md): issued, and the two steps of the ladder after its due time. */
export const OUT_STATES = ['issued', 'overdue', 'escalated'] as const;
export type OutState = (typeof OUT_STATES)[number];
/** The states the deadline machinery sets once an item is late. */
const LATE_STATES: readonly OutState[] = ['overdue', 'escalated'];

/** One document out of storage, with the issue it is out on. */
export interface OutstandingItem {
  documentId: string;
  regNumber: string;
  title: string;
  classification: string | null;
  holderId: string | null;
  /** Of the open line of the issue journal; null only if the journal lacks one. */
  issuedAt: string | null;
  dueAt: string | null;
  state: OutState;
}

/** The records office's daily board: what is late, and what falls due before a moment. */
export class DeadlineBoardQueries {
  constructor(private readonly tx: WriteTransactions) {}

  /**
   * Every document out that is late by its state or due before `until` (an ISO instant), soonest due
   * first. Times are stored as ISO instants in UTC, so comparing the strings compares the moments.
   */
  async outstanding(schoolId: string, until: string): Promise<OutstandingItem[]> {
    const reader = this.tx.reader();
    const where: FilterQuery<DocumentRecord> = {
      schoolId,
      state: { $in: [...OUT_STATES] },
      $or: [{ state: { $in: [...LATE_STATES] } }, { dueAt: { $ne: null, $lt: until } }],
    };
    const docs = await reader.find(DocumentRecord, where, { orderBy: { dueAt: 'asc', regNumber: 'asc', id: 'asc' } });
    if (docs.length === 0) return [];
    const open = await reader.find(IssueRecord, {
      schoolId,
      documentId: { $in: docs.map((d) => d.id) },
      returnedAt: null,
    });
    const issuedAt = new Map(open.map((i) => [i.documentId, i.issuedAt]));
    return docs.map((d) => ({
      documentId: d.id,
      regNumber: d.regNumber,
      title: d.title,
      classification: d.classification,
      holderId: d.holderId,
      issuedAt: issuedAt.get(d.id) ?? null,
      dueAt: d.dueAt,
      state: d.state as OutState,
    }));
  }
}
