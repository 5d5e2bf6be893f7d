import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import { type AccountEventKind, GrifError, type Role } from '@grif/domain';
import { AccountEvent, Appointment, Session, User } from '../entities';
import { RawSql } from '../raw-sql';
import type { WriteTransactions } from '../write-transactions';

/** An account as the administrator sees it: no password hash, ever. */
export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  locale: string;
  disabled: boolean;
  disabledReason: string | null;
  mustChangePassword: boolean;
  /** Until when the one-time password an administrator gave signs in; null: none that expires. */
  oneTimePasswordUntil: string | null;
  /** When the person last signed in (a session opened); null: never. */
  lastLoginAt: string | null;
}

/** One appointment: the order that gave the role and, once ended, the order that ended it. */
export interface AppointmentEntry {
  id: string;
  role: string;
  orderNumber: string;
  orderDate: string;
  validFrom: string;
  validUntil: string | null;
  createdBy: string;
  createdAt: string;
  endedBy: string | null;
  endedAt: string | null;
  endOrderNumber: string | null;
  endOrderDate: string | null;
}

/** One change to an account (created, disabled with the reason, enabled, password reset). */
export interface AccountEventEntry {
  id: string;
  kind: AccountEventKind;
  reason: string | null;
  actorId: string;
  at: string;
}

export interface NewAccount {
  username: string;
  displayName: string;
  email: string | null;
  locale: string;
  passwordHash: string;
  /** Until when its one-time password signs in. */
  oneTimePasswordUntil: string;
}

const entry = (a: Appointment): AppointmentEntry => ({
  id: a.id,
  role: a.role,
  orderNumber: a.orderNumber,
  orderDate: a.orderDate,
  validFrom: a.validFrom,
  validUntil: a.validUntil,
  createdBy: a.createdBy,
  createdAt: a.createdAt,
  endedBy: a.endedBy,
  endedAt: a.endedAt,
  endOrderNumber: a.endOrderNumber,
  endOrderDate: a.endOrderDate,
});

/**
 * The accounts of a school as its administrator keeps them: created with a one-time password, disabled with a
 * reason, re-enabled, and appointed to roles (and ended) only by recorded orders. Every query names the school:
 * another school's account is simply not found.
 */
export class UsersRepository {
  constructor(private readonly tx: WriteTransactions) {}

  async list(schoolId: string): Promise<UserAccount[]> {
    const em = this.tx.reader();
    const users = await em.find(User, { schoolId }, { orderBy: { displayName: 'asc', id: 'asc' } });
    const logins = await new RawSql(em as SqlEntityManager).rows<{ user_id: string; at: string }>(
      'select user_id, max(created_at) as at from sessions where school_id = ? group by user_id',
      [schoolId],
    );
    const last = new Map(logins.map((r) => [r.user_id, r.at]));
    return users.map((u) => this.view(u, last.get(u.id) ?? null));
  }

  async one(schoolId: string, userId: string): Promise<UserAccount | null> {
    const em = this.tx.reader();
    const u = await em.findOne(User, { id: userId, schoolId });
    if (!u) return null;
    const [latest] = await em.find(
      Session,
      { userId },
      { fields: ['createdAt'], orderBy: { createdAt: 'desc' }, limit: 1 },
    );
    return this.view(u, latest?.createdAt ?? null);
  }

  private view(u: User, lastLoginAt: string | null): UserAccount {
    return {
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      email: u.email,
      locale: u.locale,
      disabled: u.disabled,
      disabledReason: u.disabledReason,
      mustChangePassword: u.mustChangePassword,
      oneTimePasswordUntil: u.mustChangePassword ? u.oneTimePasswordUntil : null,
      lastLoginAt,
    };
  }

  /** A new account that must change its one-time password at first sign-in; the username taken → 409. */
  async create(schoolId: string, a: NewAccount, by: string, at: string): Promise<string> {
    const u = new User(randomUUID(), schoolId, a.username, a.displayName, a.passwordHash, at);
    u.mustChangePassword = true;
    u.oneTimePasswordUntil = a.oneTimePasswordUntil;
    u.email = a.email;
    u.locale = a.locale;
    await this.tx
      .run(async (em) => {
        // Checked first for a clear answer; the unique key (school, username) still decides a race.
        if ((await em.count(User, { schoolId, username: a.username })) > 0)
          throw new GrifError('conflict', 'USERNAME_TAKEN', { fields: [{ field: 'username', message: 'taken' }] });
        await em.insert(User, u);
        await em.insert(AccountEvent, new AccountEvent(randomUUID(), schoolId, u.id, 'created', null, by, at));
      })
      .catch((err: unknown) => {
        if (err instanceof UniqueConstraintViolationException)
          throw new GrifError(
            'conflict',
            'USERNAME_TAKEN',
            { fields: [{ field: 'username', message: 'taken' }] },
            { cause: err },
          );
        throw err;
      });
    return u.id;
  }

  /** Disables (with the reason) or enables the account, and records it; false when the school has no such account. */
  async setDisabled(
    schoolId: string,
    userId: string,
    change: { disabled: true; reason: string; by: string; at: string } | { disabled: false; by: string; at: string },
  ): Promise<boolean> {
    return this.tx.run(async (em) => {
      const n = await em.nativeUpdate(
        User,
        { id: userId, schoolId },
        change.disabled
          ? { disabled: true, disabledReason: change.reason, disabledBy: change.by, disabledAt: change.at }
          : { disabled: false, disabledReason: null, disabledBy: null, disabledAt: null },
      );
      if (n === 0) return false;
      const reason = change.disabled ? change.reason : null;
      const kind = change.disabled ? 'disabled' : 'enabled';
      await em.insert(
        AccountEvent,
        new AccountEvent(randomUUID(), schoolId, userId, kind, reason, change.by, change.at),
      );
      return true;
    });
  }

  /** A new one-time password: the old one stops working and the person must choose their own at next sign-in. */
  async resetPassword(
    schoolId: string,
    userId: string,
    passwordHash: string,
    until: string,
    by: string,
    at: string,
  ): Promise<boolean> {
    return this.tx.run(async (em) => {
      const n = await em.nativeUpdate(
        User,
        { id: userId, schoolId },
        { passwordHash, mustChangePassword: true, oneTimePasswordUntil: until },
      );
      if (n === 0) return false;
      await em.insert(AccountEvent, new AccountEvent(randomUUID(), schoolId, userId, 'password_reset', null, by, at));
      return true;
    });
  }

  /** Every change to the account, newest first. */
  async events(schoolId: string, userId: string): Promise<AccountEventEntry[]> {
    const rows = await this.tx
      .reader()
      .find(AccountEvent, { schoolId, userId }, { orderBy: { at: 'desc', id: 'desc' } });
    return rows.map((e) => ({ id: e.id, kind: e.kind, reason: e.reason, actorId: e.actorId, at: e.at }));
  }

  /** The roles each person of the school holds by an appointment in force on that school calendar day. */
  async rolesInForce(schoolId: string, day: string): Promise<Map<string, string[]>> {
    const rows = await this.tx
      .reader()
      .find(
        Appointment,
        { schoolId, validFrom: { $lte: day }, $or: [{ validUntil: null }, { validUntil: { $gte: day } }] },
        { fields: ['userId', 'role'] },
      );
    const roles = new Map<string, string[]>();
    for (const a of rows) roles.set(a.userId, [...(roles.get(a.userId) ?? []), a.role]);
    return roles;
  }

  /** Every appointment of the person, newest first (by when it takes effect, then when it was recorded). */
  async appointments(schoolId: string, userId: string): Promise<AppointmentEntry[]> {
    const rows = await this.tx
      .reader()
      .find(Appointment, { schoolId, userId }, { orderBy: { validFrom: 'desc', createdAt: 'desc', id: 'desc' } });
    return rows.map(entry);
  }

  async appointment(schoolId: string, userId: string, appointmentId: string): Promise<AppointmentEntry | null> {
    const a = await this.tx.reader().findOne(Appointment, { id: appointmentId, schoolId, userId });
    return a ? entry(a) : null;
  }

  /**
   * a role is given only by a recorded order. A second appointment to a role the person already
   * holds (or will hold) with no end is refused: one order, one running appointment per role.
   */
  async appoint(
    schoolId: string,
    userId: string,
    a: { role: Role; orderNumber: string; orderDate: string; validFrom: string },
    by: string,
    at: string,
  ): Promise<AppointmentEntry> {
    const row = new Appointment(
      randomUUID(),
      schoolId,
      userId,
      a.role,
      a.orderNumber,
      a.orderDate,
      a.validFrom,
      by,
      at,
    );
    await this.tx.run(async (em) => {
      await this.lockSchool(em, schoolId);
      const running = await em.count(Appointment, {
        schoolId,
        userId,
        role: a.role,
        $or: [{ validUntil: null }, { validUntil: { $gte: a.validFrom } }],
      });
      if (running > 0) throw new GrifError('conflict', 'ROLE_ALREADY_HELD');
      await em.insert(Appointment, row);
    });
    return entry(row);
  }

  /**
   * PostgreSQL: one appointment change at a time per school, so two administrators cannot both pass the checks
   * (the role already held, the last administrator) and both write. SQLite has one writer anyway.
   */
  private async lockSchool(em: SqlEntityManager, schoolId: string): Promise<void> {
    if (this.tx.kind === 'postgresql')
      await new RawSql(em).rows('select id from schools where id = ? for update', [schoolId]);
  }

  /** How many enabled people of the school hold `role` on that day by an appointment other than `except`. */
  private async othersHolding(
    em: SqlEntityManager,
    schoolId: string,
    role: Role,
    day: string,
    except: string,
  ): Promise<number> {
    const rows = await em.find(
      Appointment,
      {
        schoolId,
        role,
        id: { $ne: except },
        validFrom: { $lte: day },
        $or: [{ validUntil: null }, { validUntil: { $gte: day } }],
      },
      { fields: ['userId'] },
    );
    if (rows.length === 0) return 0;
    return em.count(User, { schoolId, id: { $in: [...new Set(rows.map((r) => r.userId))] }, disabled: false });
  }

  /**
   * an appointment ends by an order too; `validUntil` is its last day. Only a running one ends
   * (false otherwise): the history keeps both orders and is never rewritten.
   */
  async end(
    schoolId: string,
    userId: string,
    appointmentId: string,
    e: { orderNumber: string; orderDate: string; validUntil: string },
    by: string,
    at: string,
    /** A role the school must keep someone in (its administrator): ending the last one is refused. */
    keep?: { role: Role; day: string },
  ): Promise<boolean> {
    const n = await this.tx.run(async (em) => {
      await this.lockSchool(em, schoolId);
      const a = await em.findOne(Appointment, { id: appointmentId, schoolId, userId }, { fields: ['role'] });
      if (
        a &&
        keep &&
        a.role === keep.role &&
        (await this.othersHolding(em, schoolId, keep.role, keep.day, a.id)) === 0
      )
        throw new GrifError('conflict', 'LAST_ADMINISTRATOR');
      return em.nativeUpdate(
        Appointment,
        // Ended already (by an order, or by a custody-transfer act, R-4.2.6): nothing to end.
        { id: appointmentId, schoolId, userId, validUntil: null, endedAt: null },
        {
          validUntil: e.validUntil,
          endOrderNumber: e.orderNumber,
          endOrderDate: e.orderDate,
          endedBy: by,
          endedAt: at,
        },
      );
    });
    return n > 0;
  }
}
