import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, GrifError, Role, ROLES } from '@grif/domain';
import type { Me } from '@grif/contracts';
import { CLOCK, type Clock } from '@grif/engine';
import { Account, PeopleRepository, SchoolsRepository, SessionsRepository } from '@grif/persistence';
import { acceptablePassword, DUMMY_HASH, hashPassword, oneTimePassword, verifyPassword } from './password';

export const SESSION_TTL_HOURS = 12;
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
  ) {}

  private today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: 'Asia/Bishkek' }).toISODate()!;
  }

  /** The roles a person holds today by appointment; a role Grif no longer knows gives nothing. */
  async rolesOf(userId: string): Promise<Role[]> {
    const roles = await this.people.appointedRoles(userId, this.today());
    return [...new Set(roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r)).sort();
  }

  private async publicUser(u: Account): Promise<PublicUser> {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      schoolId: u.schoolId,
      roles: await this.rolesOf(u.id),
      locale: u.locale,
      mustChangePassword: u.mustChangePassword,
    };
  }

  async login(username: string, password: string): Promise<{ token: string; user: PublicUser; expiresAt: string }> {
    const user = await this.people.byUsername(username.trim().toLowerCase());
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3600_000).toISOString();
    await this.sessions.open({
      schoolId: user.schoolId,
      userId: user.id,
      tokenHash: sha256(token),
      at: now.toISOString(),
      expiresAt,
    });
    return { token, user: await this.publicUser(user), expiresAt };
  }

  async authenticate(token: string): Promise<Authenticated> {
    const session = await this.sessions.unrevoked(sha256(token));
    const now = this.clock.now().toISOString();
    if (!session || session.expiresAt <= now) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const user = await this.people.byId(session.userId);
    if (!user || user.disabled) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const pub = await this.publicUser(user);
    return {
      actor: { userId: user.id, schoolId: user.schoolId, roles: pub.roles, kind: 'user' },
      user: pub,
      sessionId: session.id,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.revoke(sessionId, this.clock.now().toISOString());
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.people.byId(userId);
    if (!user) throw new GrifError('not_found', 'NOT_FOUND');
    if (!(await verifyPassword(current, user.passwordHash))) throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    if (!acceptablePassword(next, user.username) || next === current)
      throw new GrifError('invalid', 'WEAK_PASSWORD', { fields: [{ field: 'newPassword', message: 'too weak' }] });
    await this.people.setPassword(userId, await hashPassword(next));
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
