import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { type Actor, GrifError, type Role, ROLES } from '@grif/domain';
import {
  type AccountEventView,
  appointSchema,
  type AppointmentView,
  createUserSchema,
  disableUserSchema,
  endAppointmentSchema,
  type PasswordReset,
  type UserCreated,
  type UserView,
} from '@grif/contracts';
import { CLOCK, type Clock } from '@grif/engine';
import {
  type AppointmentEntry,
  PeopleRepository,
  SchoolsRepository,
  SessionsRepository,
  type UserAccount,
  UsersRepository,
} from '@grif/persistence';
import { parseBody } from '../http/zod-body';
import { hashPassword, oneTimePassword, oneTimePasswordUntil } from '../identity/password';

const notFound = () => new GrifError('not_found', 'NOT_FOUND');
const invalid = (field: string, message: string) =>
  new GrifError('invalid', 'VALIDATION_FAILED', { fields: [{ field, message }] });

/**
 * The administrator's work on accounts (issue 10). Every change that alters what a person may do ends that
 * person's sessions at once, so no session outlives the rights it was opened with: disabling, a password reset,
 * an appointment and the end of one. The roles themselves come only from appointments by order.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly people: PeopleRepository,
    private readonly schools: SchoolsRepository,
    private readonly sessions: SessionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private now(): string {
    return this.clock.now().toISOString();
  }

  /** Appointments run by school calendar days in Bishkek. */
  private today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: 'Asia/Bishkek' }).toISODate()!;
  }

  private async view(u: UserAccount, code: string | null, held?: string[]): Promise<UserView> {
    const roles = held ?? (await this.people.appointedRoles(u.id, this.today()));
    return {
      ...u,
      signInName: code ? `${u.username}@${code}` : u.username,
      // A role Grif no longer knows gives nothing, as at sign-in.
      roles: [...new Set(roles)].filter((r): r is Role => (ROLES as readonly string[]).includes(r)).sort(),
    };
  }

  private async account(actor: Actor, userId: string): Promise<UserAccount> {
    const u = await this.users.one(actor.schoolId, userId);
    // Another school's account is not found: its existence is not this school's business.
    if (!u) throw notFound();
    return u;
  }

  private async answer(actor: Actor, userId: string): Promise<UserView> {
    return this.view(await this.account(actor, userId), await this.schools.codeOf(actor.schoolId));
  }

  async list(actor: Actor): Promise<UserView[]> {
    const [accounts, code] = await Promise.all([this.users.list(actor.schoolId), this.schools.codeOf(actor.schoolId)]);
    return Promise.all(accounts.map((u) => this.view(u, code)));
  }

  /** A new account with no role (roles come by appointment) and a one-time password, shown once. */
  async create(actor: Actor, body: unknown): Promise<UserCreated> {
    const b = parseBody(createUserSchema, body);
    const password = oneTimePassword();
    const at = this.now();
    const id = await this.users.create(
      actor.schoolId,
      {
        // Sign-in lower-cases what is typed: the stored name is lower case too.
        username: b.username.toLowerCase(),
        displayName: b.displayName.trim(),
        email: b.email ?? null,
        locale: b.locale ?? 'ky',
        passwordHash: await hashPassword(password),
        oneTimePasswordUntil: oneTimePasswordUntil(at),
      },
      actor.userId,
      at,
    );
    return { user: await this.answer(actor, id), oneTimePassword: password };
  }

  /** Disabled with the reason; every session of the person ends at once. */
  async disable(actor: Actor, userId: string, body: unknown): Promise<UserView> {
    const b = parseBody(disableUserSchema, body);
    const u = await this.account(actor, userId);
    // The administrator would lock themselves out, possibly the last one: another administrator does it.
    if (userId === actor.userId) throw new GrifError('refused', 'CANNOT_DISABLE_SELF');
    // Disabled already: the first reason stands (a second one would rewrite why it happened).
    if (u.disabled) throw new GrifError('conflict', 'USER_DISABLED');
    const at = this.now();
    await this.users.setDisabled(actor.schoolId, userId, {
      disabled: true,
      reason: b.reason.trim(),
      by: actor.userId,
      at,
    });
    await this.sessions.revokeAllOf(userId, at);
    return this.answer(actor, userId);
  }

  /** Enabled again (the history keeps the disabling); enabling an enabled account changes and records nothing. */
  async enable(actor: Actor, userId: string): Promise<UserView> {
    const u = await this.account(actor, userId);
    if (!u.disabled) return this.answer(actor, userId);
    await this.users.setDisabled(actor.schoolId, userId, { disabled: false, by: actor.userId, at: this.now() });
    return this.answer(actor, userId);
  }

  /** A new one-time password; the old password and every session end, and the person must choose their own. */
  async resetPassword(actor: Actor, userId: string): Promise<PasswordReset> {
    const u = await this.account(actor, userId);
    if (u.disabled) throw new GrifError('conflict', 'USER_DISABLED');
    const password = oneTimePassword();
    const at = this.now();
    const hash = await hashPassword(password);
    await this.users.resetPassword(actor.schoolId, userId, hash, oneTimePasswordUntil(at), actor.userId, at);
    await this.sessions.revokeAllOf(userId, at);
    return { oneTimePassword: password };
  }

  async appointments(actor: Actor, userId: string): Promise<AppointmentView[]> {
    await this.account(actor, userId);
    const [entries, names] = await Promise.all([
      this.users.appointments(actor.schoolId, userId),
      this.people.namesOf(actor.schoolId),
    ]);
    return entries.map((e) => appointmentView(e, names));
  }

  /** Every change to the account, newest first, with who made it: a reason survives re-enabling. */
  async events(actor: Actor, userId: string): Promise<AccountEventView[]> {
    await this.account(actor, userId);
    const [events, names] = await Promise.all([
      this.users.events(actor.schoolId, userId),
      this.people.namesOf(actor.schoolId),
    ]);
    return events.map((e) => ({
      id: e.id,
      kind: e.kind,
      reason: e.reason,
      byName: names.get(e.actorId) ?? e.actorId,
      at: e.at,
    }));
  }

  /** a role only by a recorded order, dated today or earlier; the person's sessions end. */
  async appoint(actor: Actor, userId: string, body: unknown): Promise<AppointmentView> {
    const b = parseBody(appointSchema, body);
    const u = await this.account(actor, userId);
    const today = this.today();
    // the order exists before the role does.
    if (b.orderDate > today) throw invalid('orderDate', 'an order dated in the future');
    const validFrom = b.validFrom ?? today;
    if (validFrom < b.orderDate) throw invalid('validFrom', 'before the order date');
    if (u.disabled) throw new GrifError('conflict', 'USER_DISABLED');
    const at = this.now();
    const e = await this.users.appoint(
      actor.schoolId,
      userId,
      { role: b.role, orderNumber: b.orderNumber.trim(), orderDate: b.orderDate, validFrom },
      actor.userId,
      at,
    );
    // A role change: no session keeps the rights it was opened with.
    await this.sessions.revokeAllOf(userId, at);
    return appointmentView(e, await this.people.namesOf(actor.schoolId));
  }

  /**
   * an appointment ends by an order too; by default the role ends at once (its last day was
   * yesterday). Never earlier: who held a role on a past day is history and is not rewritten. Sessions end.
   */
  async endAppointment(actor: Actor, userId: string, appointmentId: string, body: unknown): Promise<AppointmentView> {
    const b = parseBody(endAppointmentSchema, body);
    const a = await this.users.appointment(actor.schoolId, userId, appointmentId);
    if (!a) throw notFound();
    const today = this.today();
    const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
    if (b.orderDate > today) throw invalid('orderDate', 'an order dated in the future');
    const validUntil = b.validUntil ?? yesterday;
    if (validUntil < yesterday) throw invalid('validUntil', 'before yesterday: the past is not rewritten');
    if (a.validUntil !== null || a.endedAt !== null) throw new GrifError('conflict', 'APPOINTMENT_ALREADY_ENDED');
    const at = this.now();
    const ended = await this.users.end(
      actor.schoolId,
      userId,
      appointmentId,
      { orderNumber: b.orderNumber.trim(), orderDate: b.orderDate, validUntil },
      actor.userId,
      at,
      // The school must keep someone who can administer it, or nobody could appoint the next administrator.
      { role: 'admin', day: today },
    );
    // Another administrator ended it a moment ago.
    if (!ended) throw new GrifError('conflict', 'APPOINTMENT_ALREADY_ENDED');
    await this.sessions.revokeAllOf(userId, at);
    const after = await this.users.appointment(actor.schoolId, userId, appointmentId);
    return appointmentView(after!, await this.people.namesOf(actor.schoolId));
  }
}

function appointmentView(e: AppointmentEntry, names: Map<string, string>): AppointmentView {
  return {
    id: e.id,
    role: e.role as Role,
    orderNumber: e.orderNumber,
    orderDate: e.orderDate,
    validFrom: e.validFrom,
    validUntil: e.validUntil,
    createdByName: names.get(e.createdBy) ?? e.createdBy,
    createdAt: e.createdAt,
    endedByName: e.endedBy ? (names.get(e.endedBy) ?? e.endedBy) : null,
    endOrderNumber: e.endOrderNumber,
    endOrderDate: e.endOrderDate,
  };
}
