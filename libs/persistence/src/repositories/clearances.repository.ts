import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { ClearanceEntryKind, ClearanceKind, ClearanceRecord } from '@grif/domain';
import { Clearance } from '../entities';
import { clearanceEntries } from '../lookups';
import type { WriteTransactions } from '../write-transactions';

/** One recorded entry: an obligation, a briefing, or a revocation (whose reason is its note). */
export interface ClearanceEntry {
  id: string;
  userId: string;
  kind: ClearanceEntryKind;
  date: string;
  note: string | null;
  seq: number;
  recordedBy: string;
  recordedAt: string;
}

const entry = (r: Clearance): ClearanceEntry => ({
  id: r.id,
  userId: r.userId,
  kind: r.kind,
  date: r.date,
  note: r.note,
  seq: r.seq ?? 0,
  recordedBy: r.recordedBy,
  recordedAt: r.createdAt,
});

/** Writes one entry as the person's next in recording order, in the caller's transaction. */
export async function insertClearance(em: EntityManager, row: Clearance): Promise<void> {
  const last = await em.findOne(
    Clearance,
    { schoolId: row.schoolId, userId: row.userId },
    { orderBy: { seq: 'desc' }, fields: ['seq'], disableIdentityMap: true },
  );
  row.seq = (last?.seq ?? 0) + 1;
  await em.insert(Clearance, row);
}

/** the non-disclosure obligations, security briefings and revocations recorded for each person. */
export class ClearancesRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /** One person's entries, as the rule reads them. */
  entriesOf(schoolId: string, userId: string): Promise<ClearanceRecord[]> {
    return clearanceEntries(this.tx.reader() as EntityManager, schoolId, userId);
  }

  /** Every entry of the school by person, in the order they take effect (one query for the people list). */
  async bySchool(schoolId: string): Promise<Map<string, ClearanceEntry[]>> {
    const rows = await this.tx
      .reader()
      .find(Clearance, { schoolId }, { orderBy: { date: 'asc', seq: 'asc' }, disableIdentityMap: true });
    const out = new Map<string, ClearanceEntry[]>();
    for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), entry(r)]);
    return out;
  }

  async record(
    schoolId: string,
    c: { userId: string; kind: ClearanceKind; date: string; note?: string; recordedBy: string },
    at: string,
  ): Promise<ClearanceEntry> {
    return this.insert(schoolId, c, at);
  }

  /** A revocation is a new entry (nothing recorded before is touched), effective from `date`, with its reason. */
  async revoke(
    schoolId: string,
    c: { userId: string; date: string; reason: string; recordedBy: string },
    at: string,
  ): Promise<ClearanceEntry> {
    return this.insert(schoolId, { ...c, kind: 'revocation', note: c.reason }, at);
  }

  private async insert(
    schoolId: string,
    c: { userId: string; kind: ClearanceEntryKind; date: string; note?: string; recordedBy: string },
    at: string,
  ): Promise<ClearanceEntry> {
    const row = new Clearance(randomUUID(), schoolId, c.userId, c.kind, c.date, c.recordedBy, at);
    row.note = c.note ?? null;
    // Two writers recording for the same person at once take the same next number: the loser numbers again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.tx.run((em) => insertClearance(em, row));
        return entry(row);
      } catch (err) {
        if (!(err instanceof UniqueConstraintViolationException) || attempt >= 5) throw err;
      }
    }
  }
}
