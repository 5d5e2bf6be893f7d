import { randomUUID } from 'node:crypto';
import type { Role } from '@grif/domain';
import { SHARING_TEMPLATE } from '../notification-facts';
import { appointees } from '../notifications';
import { placeholders, RawSql } from '../raw-sql';
import type { WriteTransactions } from '../write-transactions';

/** Who is told that an account seems shared: the information-security officer. */
export const SHARING_RECIPIENT_ROLES: readonly Role[] = ['security_officer'];

export interface SharingSuspected {
  schoolId: string;
  userId: string;
  username: string;
  /** The clients' labels, as the officer reads them. */
  clients: string[];
  at: Date;
  /** The start of the window: a signal raised for that person since then makes this one a no-op. */
  since: Date;
}

export interface SignalRaised {
  signalId: string;
  notified: number;
}

/**
 * the signals that one account was active from two clients at once. Like the end-of-day list,
 * a signal is a row of its own and its notifications (no outbox effect: it is about no instance) are
 * written in ONE transaction with it.
 */
export class SharingSignals {
  constructor(private readonly tx: WriteTransactions) {}

  /**
   * Raises the signal and tells every officer, unless one was raised for that person within the window:
   * then nothing is written and the answer is null. Two requests that race for the same person queue on
   * the person's row (PostgreSQL) or on the single writer (SQLite): only the first writes.
   */
  async raise(s: SharingSuspected): Promise<SignalRaised | null> {
    return this.tx.run(async (em) => {
      const sql = new RawSql(em);
      if (this.tx.kind === 'postgresql') await sql.rows('select id from users where id = ? for update', [s.userId]);
      const recent = await sql.rows<{ id: string }>(
        'select id from sharing_signals where user_id = ? and raised_at >= ? limit 1',
        [s.userId, s.since.toISOString()],
      );
      if (recent.length) return null;
      const signalId = randomUUID();
      const at = s.at.toISOString();
      await sql.run('insert into sharing_signals (id, school_id, user_id, clients, raised_at) values (?, ?, ?, ?, ?)', [
        signalId,
        s.schoolId,
        s.userId,
        JSON.stringify(s.clients),
        at,
      ]);
      const officers = await appointees(em, s.schoolId, [...SHARING_RECIPIENT_ROLES], s.at);
      const data = JSON.stringify({ userId: s.userId, username: s.username, clients: s.clients });
      const notified = officers.length
        ? await sql.run(
            `insert into notifications (id, school_id, user_id, template, data, created_at)
             values ${placeholders(officers.length, 6)}`,
            officers.flatMap((userId) => [randomUUID(), s.schoolId, userId, SHARING_TEMPLATE, data, at]),
          )
        : 0;
      return { signalId, notified };
    });
  }
}
