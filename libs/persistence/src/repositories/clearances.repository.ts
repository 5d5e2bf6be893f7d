import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { Clearance } from '../entities';
import { clearanceDates } from '../lookups';
import type { WriteTransactions } from '../write-transactions';

export interface ClearanceEntry {
  id: string;
  userId: string;
  kind: 'nda' | 'briefing';
  date: string;
  note: string | null;
}

/** the non-disclosure obligations and security briefings recorded for each person. */
export class ClearancesRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /** The latest recorded date of each kind, for people to read. */
  datesOf(schoolId: string, userId: string): Promise<{ nda: string | null; briefing: string | null }> {
    return clearanceDates(this.tx.reader() as EntityManager, schoolId, userId);
  }

  async record(
    schoolId: string,
    c: { userId: string; kind: 'nda' | 'briefing'; date: string; note?: string; recordedBy: string },
    at: string,
  ): Promise<ClearanceEntry> {
    const row = new Clearance(randomUUID(), schoolId, c.userId, c.kind, c.date, c.recordedBy, at);
    row.note = c.note ?? null;
    await this.tx.run((em) => em.insert(Clearance, row));
    return { id: row.id, userId: row.userId, kind: row.kind, date: row.date, note: row.note };
  }
}
