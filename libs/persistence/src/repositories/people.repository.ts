import { SYSTEM_USER_ID } from '@grif/domain';
import { Appointment, School, User } from '../entities';
import type { WriteTransactions } from '../write-transactions';

/** A person's sign-in record. */
export interface Account {
  id: string;
  schoolId: string;
  username: string;
  displayName: string;
  passwordHash: string;
  locale: string;
  mustChangePassword: boolean;
  /** Until when a one-time password an administrator gave signs in; null: the person's own password. */
  oneTimePasswordUntil: string | null;
  disabled: boolean;
}

export interface Member {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
}

const account = (u: User): Account => ({
  id: u.id,
  schoolId: u.schoolId,
  username: u.username,
  displayName: u.displayName,
  passwordHash: u.passwordHash,
  locale: u.locale,
  mustChangePassword: u.mustChangePassword,
  oneTimePasswordUntil: u.oneTimePasswordUntil,
  disabled: u.disabled,
});

/** The people of a school: who they are, what they are called, which roles their appointments give. */
export class PeopleRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /**
   * The account a sign-in names: `name@code` in the school of that code, or a bare `name` when exactly one school
   * of the install has it. Ambiguous or unknown: null, so the caller answers exactly as for a wrong password.
   */
  async byUsername(username: string): Promise<Account | null> {
    const em = this.tx.reader();
    const at = username.lastIndexOf('@');
    const school = at >= 0 ? await em.findOne(School, { code: username.slice(at + 1) }, { fields: ['id'] }) : null;
    if (school) {
      const u = await em.findOne(User, { schoolId: school.id, username: username.slice(0, at) });
      return u ? account(u) : null;
    }
    // No school has that code: a username from before school codes may hold an `@` itself (an e-mail address).
    const found = await em.find(User, { username }, { limit: 2 });
    return found.length === 1 ? account(found[0]) : null;
  }

  async byId(userId: string): Promise<Account | null> {
    const u = await this.tx.reader().findOne(User, { id: userId });
    return u ? account(u) : null;
  }

  /** The roles of the appointments in force on that day, as recorded; `day` is a school calendar date. */
  async appointedRoles(userId: string, day: string): Promise<string[]> {
    const rows = await this.tx.reader().find(Appointment, {
      userId,
      validFrom: { $lte: day },
      $or: [{ validUntil: null }, { validUntil: { $gte: day } }],
    });
    return rows.map((a) => a.role);
  }

  /** A new password hash; the one-time password (if any) is then spent. */
  async setPassword(userId: string, passwordHash: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.nativeUpdate(
        User,
        { id: userId },
        { passwordHash, mustChangePassword: false, oneTimePasswordUntil: null },
      );
    });
  }

  /**
   * The same password hashed again with today's parameters (at a sign-in): only if the stored hash is still
   * the one that was checked, so a password changed meanwhile is never overwritten; nothing else changes.
   */
  async rehashPassword(userId: string, checkedHash: string, passwordHash: string): Promise<boolean> {
    const n = await this.tx.run((em) =>
      em.nativeUpdate(User, { id: userId, passwordHash: checkedHash }, { passwordHash }),
    );
    return n > 0;
  }

  /** Display names by id, for everyone who can appear in the school's history, Grif's own system actor included. */
  async namesOf(schoolId: string): Promise<Map<string, string>> {
    const users = await this.tx.reader().find(User, { schoolId }, { fields: ['id', 'displayName'] });
    return new Map([...users.map((u) => [u.id, u.displayName] as [string, string]), [SYSTEM_USER_ID, 'Grif']]);
  }

  async nameOf(schoolId: string, userId: string): Promise<string | null> {
    const u = await this.tx.reader().findOne(User, { id: userId, schoolId }, { fields: ['displayName'] });
    return u?.displayName ?? null;
  }

  /** Everyone who may still sign in, by display name. */
  async activeMembers(schoolId: string): Promise<Member[]> {
    const users = await this.tx.reader().find(User, { schoolId, disabled: false }, { orderBy: { displayName: 'asc' } });
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, email: u.email }));
  }

  /** Where the person's notifications are also e-mailed; null stops the e-mails. False when no such active member. */
  async setEmail(schoolId: string, userId: string, email: string | null): Promise<boolean> {
    const n = await this.tx.run((em) => em.nativeUpdate(User, { id: userId, schoolId, disabled: false }, { email }));
    return n > 0;
  }

  async isMember(schoolId: string, userId: string): Promise<boolean> {
    return (await this.tx.reader().count(User, { id: userId, schoolId })) > 0;
  }
}
