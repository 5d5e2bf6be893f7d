import { EntitySchema } from '@mikro-orm/core';

export const LOGIN_OUTCOMES = ['success', 'bad_credentials', 'throttled', 'disabled', 'otp_expired'] as const;
export type LoginOutcome = (typeof LOGIN_OUTCOMES)[number];

/** One sign-in attempt, as the information-security officer reads it. */
export class LoginEvent {
  constructor(
    public id: string,
    /** Null when the name typed is nobody's: such rows are counted, never shown to a school. */
    public schoolId: string | null,
    public userId: string | null,
    /** As typed (trimmed, at most 100 characters). */
    public username: string,
    public outcome: LoginOutcome,
    /** The client's label (browser, system, masked address), as on the sessions. */
    public client: string,
    public at: string,
  ) {}
}

export const LoginEventSchema = new EntitySchema<LoginEvent>({
  class: LoginEvent,
  tableName: 'login_events',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36, nullable: true },
    userId: { type: 'string', length: 36, nullable: true },
    username: { type: 'string', length: 100 },
    outcome: { type: 'string', length: 20 },
    client: { type: 'string', length: 160 },
    at: { type: 'string', length: 24 },
  },
});
