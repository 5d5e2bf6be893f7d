import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, GrifError, Role, ROLES } from '@grif/domain';
import type { Install, Me } from '@grif/contracts';
import { GRIF_CONFIG, type GrifConfig } from '@grif/core';
import { CLOCK, type Clock } from '@grif/engine';
import {
  Account,
  type LiveSession,
  LoginEvents,
  type LoginOutcome,
  PeopleRepository,
  SchoolsRepository,
  SessionClient,
  SessionsRepository,
} from '@grif/persistence';
import { HashingGate } from './hashing-gate';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH, hashPassword, needsRehash, oneTimePassword, verifyPassword } from './password';
import { passwordProblems } from './password-policy';
import { SharingWatch } from './sharing-watch';

/** ASVS 7.3.2: a session ends 12 hours after sign-in, however active. */
export const SESSION_TTL_HOURS = 12;
/** ASVS 7.3.1: a session unused this long ends (GRIF_SESSION_IDLE_MINUTES). */
export const DEFAULT_IDLE_MINUTES = 30;
/** A session's last-seen time moves at most this often: one write a minute, not one per request. */
export const LAST_SEEN_EVERY_MS = 60_000;

/** Where a sign-in comes from: the session's client label and hash, and the address the throttle counts. */
export interface SignInClient extends SessionClient {
  address: string;
}
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export type PublicUser = Me;

export interface Authenticated {
  actor: Actor;
  user: PublicUser;
  sessionId: string;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  mustChangePassword?: boolean;
  /** Where notifications are also e-mailed, if SMTP is configured. */
  email?: string | null;
  roles: { role: Role; orderNumber: string; orderDate: string }[];
}

/** People, their appointments (roles by order, R-2.3 / R-4.3) and their sessions. */
@Injectable()
export class IdentityService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly sessions: SessionsRepository,
    private readonly schools: SchoolsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    /** the sharing signal (absent where no HTTP client signs in, e.g. the core test harness). */
    @Optional() private readonly sharing?: SharingWatch,
    /** Failed sign-ins per account and client (absent in the core test harness: no throttling there). */
    @Optional() private readonly throttle?: LoginThrottle,
    @Optional() gate?: HashingGate,
    @Optional() private readonly loginLog?: LoginEvents,
    @Optional() @Inject(GRIF_CONFIG) config?: GrifConfig,
  ) {
    this.gate = gate ?? new HashingGate();
    this.idleMs = (config?.sessionIdleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000;
  }

  private readonly log = new Logger('identity');
  private readonly gate: HashingGate;
  private readonly idleMs: number;
  /** Today's date and the clock's minute it was worked out for. */
  private day?: { minute: number; date: string };

  /** Today in Bishkek, worked out once a minute (every request asks; the date only turns on a whole minute). */
  private today(): string {
    const minute = Math.floor(this.clock.now().getTime() / 60_000);
    if (this.day?.minute !== minute)
      this.day = { minute, date: DateTime.fromMillis(minute * 60_000, { zone: 'Asia/Bishkek' }).toISODate()! };
    return this.day.date;
  }

  /** The roles a person holds today by appointment. */
  async rolesOf(userId: string): Promise<Role[]> {
    return knownRoles(await this.people.appointedRoles(userId, this.today()));
  }

  private async publicUser(u: Account): Promise<PublicUser> {
    return this.shown(u, await this.rolesOf(u.id));
  }

  /** What the API shows of a person holding these roles today. */
  private async shown(u: Shown, roles: Role[]): Promise<PublicUser> {
    return publicUser(u, roles, await this.schoolName(u.schoolId), await this.runsInstall(u.schoolId, roles));
  }

  /** The install's first school, and each school's name, never change once founded (no route renames one). */
  private installSchool?: string;
  private readonly schoolNames = new Map<string, string>();

  private async schoolName(schoolId: string): Promise<string> {
    let name = this.schoolNames.get(schoolId);
    if (name === undefined) this.schoolNames.set(schoolId, (name = (await this.schools.nameOf(schoolId)) ?? ''));
    return name;
  }

  /** What the sign-in page names: the school the install was set up for, once founded. */
  async install(): Promise<Install> {
    const schoolId = await this.installSchoolId();
    return { schoolName: schoolId === undefined ? null : await this.schoolName(schoolId) };
  }

  private async installSchoolId(): Promise<string | undefined> {
    return (this.installSchool ??= (await this.schools.firstFounded()) ?? undefined);
  }

  /**
   * Whether one of the school's administrators runs the whole install: an administrator of the school it was set up
   * for. The job queues hold every school's jobs, so a school's own administrator may not open them.
   */
  private async runsInstall(schoolId: string, roles: Role[]): Promise<boolean> {
    return roles.includes('admin') && schoolId === (await this.installSchoolId());
  }

  /**
   * Opens a session; `client` is where the request came from (the throttle counts its address, the
   * sharing signal compares clients, R-5.2.1). The order matters: a throttled attempt is refused before
   * any hashing, so it costs no scrypt; the hashing waits for a slot of the gate. Every attempt is logged.
   */
  async login(
    username: string,
    password: string,
    client?: SignInClient,
  ): Promise<{ token: string; user: PublicUser; expiresAt: string }> {
    const typed = username.trim().slice(0, 100);
    const user = await this.people.byUsername(typed.toLowerCase());
    const attempt = {
      account: user ? `user:${user.id}` : `name:${typed.toLowerCase()}`,
      address: client?.address ?? '',
    };
    const logged = (outcome: LoginOutcome) =>
      this.loginLog?.record({
        schoolId: user?.schoolId ?? null,
        userId: user?.id ?? null,
        username: typed,
        outcome,
        client: client?.label ?? '?',
        at: this.clock.now().toISOString(),
      });
    const refuseIfThrottled = async () => {
      const verdict = (await this.throttle?.verdict(attempt)) ?? { throttled: false };
      if (verdict.throttled) throw new GrifError('throttled', 'LOGIN_THROTTLED', { retryAfterS: verdict.retryAfterS });
    };
    let ok: boolean;
    try {
      await refuseIfThrottled();
      // Asked again once a hashing slot is ours: attempts that queued together must not all slip past the count.
      ok = await this.gate.run(async () => {
        await refuseIfThrottled();
        return verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      });
    } catch (err) {
      if (err instanceof GrifError && err.kind === 'throttled') await logged('throttled');
      throw err;
    }
    if (!user || !ok || user.disabled) {
      await this.throttle?.failed(attempt);
      await logged(user && ok ? 'disabled' : 'bad_credentials');
      throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    }
    await this.throttle?.succeeded(attempt);
    const now = this.clock.now();
    // ASVS 2.3.1: the right one-time password, given too long ago; only one who knows it learns it has expired.
    if (user.oneTimePasswordUntil && user.oneTimePasswordUntil <= now.toISOString()) {
      await logged('otp_expired');
      throw new GrifError('unauthenticated', 'ONE_TIME_PASSWORD_EXPIRED');
    }
    if (needsRehash(user.passwordHash)) await this.rehash(user, password);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3600_000).toISOString();
    await this.sessions.open({
      schoolId: user.schoolId,
      userId: user.id,
      tokenHash: sha256(token),
      at: now.toISOString(),
      expiresAt,
      client: client && { label: client.label, hash: client.hash },
    });
    await logged('success');
    await this.sharing?.opened(user);
    return { token, user: await this.publicUser(user), expiresAt };
  }

  /** ASVS 11.4.2: a hash of older parameters is replaced while the password is at hand; a failure only logs. */
  private async rehash(user: Account, password: string): Promise<void> {
    try {
      const fresh = await this.gate.run(() => hashPassword(password));
      await this.people.rehashPassword(user.id, user.passwordHash, fresh);
    } catch (err) {
      this.log.warn(`user ${user.id}: password not rehashed: ${(err as Error).message}`);
    }
  }

  /**
   * The session of a token, unless it was revoked, is over 12 hours old, or was unused for the idle time:
   * those are all 401 UNAUTHENTICATED. Its last-seen time moves at most once a minute; the request that
   * moved it lets the sharing watch look at the person.
   */
  async authenticate(token: string): Promise<Authenticated> {
    const found = await this.sessions.signedIn(sha256(token), this.today());
    const now = this.clock.now();
    if (!found || found.session.expiresAt <= now.toISOString() || this.idle(found.session, now))
      throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const { session, user } = found;
    if (user.disabled) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const roles = knownRoles(found.roles);
    if (await this.touch(session, now)) await this.sharing?.seen(user, now);
    return {
      actor: { userId: user.id, schoolId: user.schoolId, roles, kind: 'user' },
      user: await this.shown(user, roles),
      sessionId: session.id,
    };
  }

  private idle(session: LiveSession, now: Date): boolean {
    // last-seen is kept to the minute: the idle time is measured from it, up to a minute generously.
    return now.getTime() - Date.parse(session.lastSeenAt) >= this.idleMs + LAST_SEEN_EVERY_MS;
  }

  /** True for the one request (of those racing on the session) that moved its last-seen time. */
  private async touch(session: LiveSession, now: Date): Promise<boolean> {
    if (now.getTime() - Date.parse(session.lastSeenAt) < LAST_SEEN_EVERY_MS) return false;
    try {
      return await this.sessions.touch(session.id, session.lastSeenAt, now.toISOString());
    } catch (err) {
      this.log.warn(`session ${session.id}: last-seen time not recorded: ${(err as Error).message}`);
      return false;
    }
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now().toISOString());
  }

  /** "Sign out everywhere": every session of the person ends, this one too; answers how many. */
  async logoutEverywhere(userId: string): Promise<number> {
    return this.sessions.revokeAllOf(userId, this.clock.now().toISOString());
  }

  /**
   * A new password (ASVS 6.2.3 needs the current one): 12..128 characters, not the username, not a common
   * password, not the current one; every other session of the person ends (ASVS 7.4.3), this one stays.
   */
  async changePassword(userId: string, current: string, next: string, sessionId?: string): Promise<void> {
    const user = await this.people.byId(userId);
    if (!user) throw new GrifError('not_found', 'NOT_FOUND');
    if (!(await this.gate.run(() => verifyPassword(current, user.passwordHash))))
      throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    const problems = passwordProblems(next, user.username);
    if (next === current) problems.push({ field: 'newPassword', message: 'must differ from the current password' });
    if (problems.length) throw new GrifError('invalid', 'WEAK_PASSWORD', { fields: problems });
    await this.people.setPassword(userId, await this.gate.run(() => hashPassword(next)));
    await this.sessions.revokeAllOf(userId, this.clock.now().toISOString(), sessionId);
  }

  async hasAnySchool(): Promise<boolean> {
    return this.schools.any();
  }

  async createSchool(name: string, people: NewUser[]): Promise<{ schoolId: string; users: Record<string, string> }> {
    const hashes = await Promise.all(people.map((p) => hashPassword(p.password)));
    const founders = people.map((p, i) => ({
      username: p.username,
      displayName: p.displayName,
      passwordHash: hashes[i],
      mustChangePassword: p.mustChangePassword ?? false,
      email: p.email ?? null,
      roles: p.roles,
    }));
    return this.schools.found(name, founders, this.clock.now().toISOString());
  }

  /** First start without demo data: one administrator with a one-time password, shown once. */
  async createFirstAdministrator(schoolName: string): Promise<{ username: string; password: string }> {
    const password = oneTimePassword();
    const today = this.today();
    await this.createSchool(schoolName, [
      {
        username: 'admin',
        displayName: 'Administrator',
        password,
        mustChangePassword: true,
        roles: [{ role: 'admin', orderNumber: 'install', orderDate: today }],
      },
    ]);
    return { username: 'admin', password };
  }
}

/** Each role once, in order; a role Grif no longer knows gives nothing. */
function knownRoles(roles: string[]): Role[] {
  return [...new Set(roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r)).sort();
}

type Shown = Pick<Account, 'id' | 'username' | 'displayName' | 'schoolId' | 'locale' | 'mustChangePassword'>;

/** What the API shows of a person. */
function publicUser(u: Shown, roles: Role[], schoolName: string, runsInstall: boolean): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    schoolId: u.schoolId,
    schoolName,
    roles,
    locale: u.locale,
    mustChangePassword: u.mustChangePassword,
    runsInstall,
  };
}
