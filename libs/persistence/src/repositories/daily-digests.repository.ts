import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { OfficialUseOutItem } from '@grif/contracts';
import type { Role } from '@grif/domain';
import { DailyDigest, DocumentRecord, User } from '../entities';
import { DIGEST_TEMPLATE, DOCUMENT_OUT_STATES } from '../notification-facts';
import { appointees } from '../notifications';
import type { WriteTransactions } from '../write-transactions';

/** Who receives the end-of-day list: the records clerk and the information-security officer. */
export const DIGEST_RECIPIENT_ROLES: readonly Role[] = ['records_clerk', 'security_officer'];

export interface DigestWritten {
  digestId: string;
  /** How many items were out; 0 still makes a digest ("nothing is out"). */
  items: number;
  notified: number;
}

const affected = (r: unknown) => Number((r as { affectedRows?: number }).affectedRows ?? 0);

/** The end-of-day lists of For Official Use items not back in storage, one per school and working day. */
export class DailyDigests {
  constructor(private readonly tx: WriteTransactions) {}

  async has(schoolId: string, date: string): Promise<boolean> {
    return (await this.tx.reader().count(DailyDigest, { schoolId, date })) > 0;
  }

  /**
   * Lists every For Official Use item (originals and copies) out of storage and tells each clerk and
   * officer, all in ONE transaction with the digest row: the (school, date) key lets only the first run
   * of the day write anything, so a repeated, retried or concurrent run sends nothing twice. Null when
   * that day's digest was already made.
   */
  async write(schoolId: string, date: string, at: Date): Promise<DigestWritten | null> {
    return this.tx.run(async (em) => {
      const items = await officialUseOut(em, schoolId);
      const digestId = randomUUID();
      const listedAt = at.toISOString();
      const made = await em.execute(
        `insert into daily_digests (id, school_id, date, items, created_at) values (?, ?, ?, ?, ?)
         on conflict (school_id, date) do nothing`,
        [digestId, schoolId, date, items.length, listedAt],
        'run',
      );
      if (affected(made) === 0) return null;
      const data = JSON.stringify({ date, listedAt, items });
      let notified = 0;
      for (const userId of await appointees(em, schoolId, [...DIGEST_RECIPIENT_ROLES], at)) {
        const row = await em.execute(
          `insert into notifications (id, school_id, user_id, digest_id, template, data, created_at)
           values (?, ?, ?, ?, ?, ?, ?) on conflict (digest_id, user_id) do nothing`,
          [randomUUID(), schoolId, userId, digestId, DIGEST_TEMPLATE, data, listedAt],
          'run',
        );
        notified += affected(row);
      }
      return { digestId, items: items.length, notified };
    });
  }
}

/** For Official Use items come back the same working day; these have not (yet), due first. */
async function officialUseOut(em: EntityManager, schoolId: string): Promise<OfficialUseOutItem[]> {
  const docs = await em.find(
    DocumentRecord,
    { schoolId, classification: 'official_use', state: { $in: [...DOCUMENT_OUT_STATES] } },
    { orderBy: { dueAt: 'asc', regNumber: 'asc', id: 'asc' }, disableIdentityMap: true },
  );
  const holderIds = [...new Set(docs.map((d) => d.holderId).filter((id): id is string => id !== null))];
  const names = new Map(
    holderIds.length
      ? (await em.find(User, { id: { $in: holderIds } }, { fields: ['id', 'displayName'] })).map((u) => [
          u.id,
          u.displayName,
        ])
      : [],
  );
  return docs.map((d) => ({
    documentId: d.id,
    regNumber: d.regNumber,
    title: d.title,
    holderName: d.holderId ? (names.get(d.holderId) ?? null) : null,
    dueAt: d.dueAt,
    state: d.state,
  }));
}
