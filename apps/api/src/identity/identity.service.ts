import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { Actor, GrifError, Role, ROLES } from '@grif/domain';
import type { Me } from '@grif/contracts';
import type { Clock } from '@grif/engine';
import { Appointment, School, Session, User, WriteTransactions } from '@grif/persistence';
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
  roles: { role: Role; orderNumber: string; orderDate: string }[];
}

/** People, their appointments (roles by order, R-2.3 / R-4.3) and their sessions. */
export class IdentityService {
  constructor(
    private readonly tx: WriteTransactions,
    private readonly clock: Clock,
  ) {}

  private today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: 'Asia/Bishkek' }).toISODate()!;
  }

  async rolesOf(em: EntityManager, userId: string): Promise<Role[]> {
    const today = this.today();
    const rows = await em.find(Appointment, { userId, validFrom: { $lte: today }, $or: [{ validUntil: null }, { validUntil: { $gte: today } }] });
    return [...new Set(rows.map((a) => a.role))].filter((r) => (ROLES as readonly string[]).includes(r)).sort();
  }

  private async publicUser(em: EntityManager, u: User): Promise<PublicUser> {
    return { id: u.id, username: u.username, displayName: u.displayName, schoolId: u.schoolId, roles: await this.rolesOf(em, u.id), locale: u.locale, mustChangePassword: u.mustChangePassword };
  }

  async login(username: string, password: string): Promise<{ token: string; user: PublicUser; expiresAt: string }> {
    const em = this.tx.reader();
    const user = await em.findOne(User, { username: username.trim().toLowerCase() });
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3600_000).toISOString();
    await this.tx.run(async (w) => {
      await w.insert(Session, new Session(randomUUID(), user.schoolId, user.id, sha256(token), now.toISOString(), expiresAt, now.toISOString()));
    });
    return { token, user: await this.publicUser(em, user), expiresAt };
  }

  async authenticate(token: string): Promise<Authenticated> {
    const em = this.tx.reader();
    const session = await em.findOne(Session, { tokenHash: sha256(token), revokedAt: null });
    const now = this.clock.now().toISOString();
    if (!session || session.expiresAt <= now) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const user = await em.findOne(User, { id: session.userId });
    if (!user || user.disabled) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    const pub = await this.publicUser(em, user);
    return { actor: { userId: user.id, schoolId: user.schoolId, roles: pub.roles, kind: 'user' }, user: pub, sessionId: session.id };
  }

  async logout(sessionId: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.nativeUpdate(Session, { id: sessionId }, { revokedAt: this.clock.now().toISOString() });
    });
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const user = await this.tx.reader().findOneOrFail(User, { id: userId });
    if (!(await verifyPassword(current, user.passwordHash))) throw new GrifError('unauthenticated', 'BAD_CREDENTIALS');
    if (!acceptablePassword(next, user.username) || next === current) throw new GrifError('invalid', 'WEAK_PASSWORD', { fields: [{ field: 'newPassword', message: 'too weak' }] });
    const hash = await hashPassword(next);
    await this.tx.run(async (em) => {
      await em.nativeUpdate(User, { id: userId }, { passwordHash: hash, mustChangePassword: false });
    });
  }

  async hasAnySchool(): Promise<boolean> {
    return (await this.tx.reader().count(School, {})) > 0;
  }

  async createSchool(name: string, people: NewUser[]): Promise<{ schoolId: string; users: Record<string, string> }> {
    const hashes = await Promise.all(people.map((p) => hashPassword(p.password)));
    const now = this.clock.now().toISOString();
    const schoolId = randomUUID();
    const users: Record<string, string> = {};
    await this.tx.run(async (em) => {
      await em.insert(School, new School(schoolId, name, now));
      for (const [i, p] of people.entries()) {
        const u = new User(randomUUID(), schoolId, p.username.toLowerCase(), p.displayName, hashes[i], now);
        u.mustChangePassword = p.mustChangePassword ?? false;
        await em.insert(User, u);
        users[p.username] = u.id;
        for (const r of p.roles) {
          await em.insert(Appointment, new Appointment(randomUUID(), schoolId, u.id, r.role, r.orderNumber, r.orderDate, r.orderDate, 'system', now));
        }
      }
    });
    return { schoolId, users };
  }

  /** First start without demo data: one administrator with a one-time password, shown once. */
  async createFirstAdministrator(schoolName: string): Promise<{ username: string; password: string }> {
    const password = oneTimePassword();
    const today = this.today();
    await this.createSchool(schoolName, [
      { username: 'admin', displayName: 'Administrator', password, mustChangePassword: true, roles: [{ role: 'admin', orderNumber: 'install', orderDate: today }] },
    ]);
    return { username: 'admin', password };
  }
}
