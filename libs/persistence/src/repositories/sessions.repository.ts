import { randomUUID } from 'node:crypto';
import { Session } from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface LiveSession {
  id: string;
  userId: string;
  expiresAt: string;
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
  }): Promise<string> {
    const id = randomUUID();
    await this.tx.run(async (em) => {
      await em.insert(Session, new Session(id, s.schoolId, s.userId, s.tokenHash, s.at, s.expiresAt, s.at));
    });
    return id;
  }

  /** The session of that token unless it was revoked; its expiry is the caller's to judge. */
  async unrevoked(tokenHash: string): Promise<LiveSession | null> {
    const s = await this.tx.reader().findOne(Session, { tokenHash, revokedAt: null });
    return s ? { id: s.id, userId: s.userId, expiresAt: s.expiresAt } : null;
  }

  async revoke(sessionId: string, at: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.nativeUpdate(Session, { id: sessionId }, { revokedAt: at });
    });
  }
}
