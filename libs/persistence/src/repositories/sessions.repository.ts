import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
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

/** Who a live session's token belongs to, as every request needs it (the password hash is not read). */
export interface SignedIn {
  session: LiveSession;
  user: {
    id: string;
    schoolId: string;
    username: string;
    displayName: string;
    locale: string;
    mustChangePassword: boolean;
    disabled: boolean;
  };
  /** The roles of the person's appointments in force on the day asked, as recorded. */
  roles: string[];
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

  /**
   * The session of that token unless it was revoked, its person, and the roles their appointments give on `day`
   * (a school calendar date): one statement, as every request asks it. Through the ORM it was three queries and
   * ~1.5 ms of this process's CPU a request (bench:transitions over HTTP, docs/performance.md).
   */
  async signedIn(tokenHash: string, day: string): Promise<SignedIn | null> {
    const rows = await new RawSql(this.tx.reader() as EntityManager).rows<{
      session_id: string;
      user_id: string;
      expires_at: string;
      last_seen_at: string;
      school_id: string;
      username: string;
      display_name: string;
      locale: string;
      must_change_password: boolean | number;
      disabled: boolean | number;
      role: string | null;
    }>(
      `select s.id as session_id, s.user_id, s.expires_at, s.last_seen_at, u.school_id, u.username, u.display_name,
         u.locale, u.must_change_password, u.disabled, a.role
       from sessions s
         join users u on u.id = s.user_id
         left join appointments a on a.school_id = u.school_id and a.user_id = u.id
           and a.valid_from <= ? and (a.valid_until is null or a.valid_until >= ?)
       where s.token_hash = ? and s.revoked_at is null`,
      [day, day, tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      session: { id: r.session_id, userId: r.user_id, expiresAt: r.expires_at, lastSeenAt: r.last_seen_at },
      user: {
        id: r.user_id,
        schoolId: r.school_id,
        username: r.username,
        displayName: r.display_name,
        locale: r.locale,
        // SQLite answers 0 or 1.
        mustChangePassword: Boolean(r.must_change_password),
        disabled: Boolean(r.disabled),
      },
      roles: rows.flatMap((x) => (x.role == null ? [] : [x.role])),
    };
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
