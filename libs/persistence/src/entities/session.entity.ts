import { EntitySchema } from '@mikro-orm/core';

/** Only the SHA-256 of the bearer token is kept: a stolen table cannot be replayed. */
export class Session {
  revokedAt: string | null = null;
  /** The client it was opened from, readable (browser, system, masked address); null before issue 9. */
  client: string | null = null;
  /** A hash of that client's whole User-Agent and address: two sessions from one client share it. */
  clientHash: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public tokenHash: string,
    public createdAt: string,
    public expiresAt: string,
    /** When a request last came on it, to the minute (written at most once a minute). */
    public lastSeenAt: string,
  ) {}
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    tokenHash: { type: 'string', length: 64, unique: true },
    createdAt: { type: 'string', length: 24 },
    expiresAt: { type: 'string', length: 24 },
    lastSeenAt: { type: 'string', length: 24 },
    revokedAt: { type: 'string', length: 24, nullable: true },
    client: { type: 'string', length: 160, nullable: true },
    clientHash: { type: 'string', length: 64, nullable: true },
  },
});
