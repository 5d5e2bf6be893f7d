import { randomUUID } from 'node:crypto';
import { Session } from '../entities';
import { RawSql } from '../raw-sql';
import type { WriteTransactions } from '../write-transactions';

export interface LiveSession {
  id: string;
  userId: string;
  expiresAt: string;
  /** When a request last came on it (kept to the minute). */
  lastSeenAt: string;
}

/** The client a session was opened from: a readable label, and a hash that tells two clients apart. */
export interface SessionClient {
  label: string;
  hash: string;
}

/** Sign-in sessions, known only by the hash of their bearer token. */
export class SessionsRepository {
  constructor(private readonly tx: WriteTransactions) {}

  async open(s: {
    schoolId: string;
    userId: string;
    tokenHash: string;
    at: string;
    expiresAt: string;
    client?: SessionClient | null;
  }): Promise<string> {
    const id = randomUUID();
    const session = new Session(id, s.schoolId, s.userId, s.tokenHash, s.at, s.expiresAt, s.at);
    session.client = s.client?.label ?? null;
    session.clientHash = s.client?.hash ?? null;
    await this.tx.run(async (em) => {
      await em.insert(Session, session);
    });
    return id;
  }

  /** The session of that token unless it was revoked; its expiry is the caller's to judge. */
  async unrevoked(tokenHash: string): Promise<LiveSession | null> {
    const s = await this.tx.reader().findOne(Session, { tokenHash, revokedAt: null });
    return s ? { id: s.id, userId: s.userId, expiresAt: s.expiresAt, lastSeenAt: s.lastSeenAt } : null;
  }

  /**
   * Moves its last-seen time from `seenAt` (what the caller read) to `at`. Of two requests that race,
   * only one moves it: true for that one, false for the other (and for a revoked session).
   */
  async touch(sessionId: string, seenAt: string, at: string): Promise<boolean> {
    const changed = await this.tx.run((em) =>
      new RawSql(em).run(
        'update sessions set last_seen_at = ? where id = ? and last_seen_at = ? and revoked_at is null',
        [at, sessionId, seenAt],
      ),
    );
    return changed > 0;
  }

  /** The clients of one person's live sessions (not revoked, not expired) seen since `since`, most recent first. */
  async clientsSeenSince(userId: string, since: string, now: string): Promise<SessionClient[]> {
    const rows = await this.tx
      .reader()
      .find(
        Session,
        { userId, revokedAt: null, expiresAt: { $gt: now }, lastSeenAt: { $gte: since }, clientHash: { $ne: null } },
        { fields: ['client', 'clientHash', 'lastSeenAt'], orderBy: { lastSeenAt: 'desc', id: 'asc' } },
      );
    const seen = new Map<string, SessionClient>();
    for (const r of rows)
      if (!seen.has(r.clientHash!)) seen.set(r.clientHash!, { hash: r.clientHash!, label: r.client ?? '?' });
    return [...seen.values()];
  }

  async revoke(sessionId: string, at: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.nativeUpdate(Session, { id: sessionId }, { revokedAt: at });
    });
  }

  /**
   * Ends every live session of one person (a password change keeps `exceptSessionId`, the one that changed it);
   * answers how many ended. Disabling, a role change, "sign out everywhere" and breach containment all come here.
   */
  async revokeAllOf(userId: string, at: string, exceptSessionId?: string): Promise<number> {
    return this.tx.run((em) =>
      em.nativeUpdate(
        Session,
        exceptSessionId ? { userId, revokedAt: null, id: { $ne: exceptSessionId } } : { userId, revokedAt: null },
        { revokedAt: at },
      ),
    );
  }
}
