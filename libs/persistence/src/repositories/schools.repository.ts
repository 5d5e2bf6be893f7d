import { randomUUID } from 'node:crypto';
import type { Role } from '@grif/domain';
import { Appointment, School, User } from '../entities';
import { SCHOOL_CODE_PATTERN, schoolCodeFor } from '../school-code';
import type { WriteTransactions } from '../write-transactions';

/** A first member of a new school, password already hashed, with the orders that appoint them. */
export interface Founder {
  username: string;
  displayName: string;
  passwordHash: string;
  mustChangePassword: boolean;
  email?: string | null;
  roles: { role: Role; orderNumber: string; orderDate: string }[];
}

/** The schools (tenants) of this installation. */
export class SchoolsRepository {
  constructor(private readonly tx: WriteTransactions) {}

  async any(): Promise<boolean> {
    return (await this.tx.reader().count(School, {})) > 0;
  }

  /** The school's name, as its acts and printed journals head it. */
  async nameOf(schoolId: string): Promise<string | null> {
    return (await this.tx.reader().findOne(School, { id: schoolId }, { fields: ['name'] }))?.name ?? null;
  }

  async ids(): Promise<string[]> {
    return (await this.tx.reader().find(School, {}, { fields: ['id'] })).map((s) => s.id);
  }

  /**
   * The school the install was set up for: the first founded (at first start). Its administrators run the install,
   * which every school shares (the job queues).
   */
  async firstFounded(): Promise<string | null> {
    const [first] = await this.tx
      .reader()
      .find(School, {}, { orderBy: { createdAt: 'asc', id: 'asc' }, fields: ['id'], limit: 1 });
    return first?.id ?? null;
  }

  /** The school's short code, as its people sign in (`name@code`). */
  async codeOf(schoolId: string): Promise<string | null> {
    return (await this.tx.reader().findOne(School, { id: schoolId }, { fields: ['code'] }))?.code ?? null;
  }

  /**
   * A school with its first people and their appointments, all at once; answers the new ids (users by username).
   * `code` (unique in the install) defaults to one made from the name (`…№35…` → `sch35`).
   */
  async found(
    name: string,
    founders: Founder[],
    at: string,
    code?: string,
  ): Promise<{ schoolId: string; users: Record<string, string> }> {
    // A code with `@` or capitals could never be typed at sign-in (`name@code`, lower-cased): a caller's mistake.
    if (code !== undefined && !SCHOOL_CODE_PATTERN.test(code)) throw new Error(`not a school code: "${code}"`);
    const schoolId = randomUUID();
    const users: Record<string, string> = {};
    await this.tx.run(async (em) => {
      const taken = new Set((await em.find(School, {}, { fields: ['code'] })).map((s) => s.code));
      await em.insert(School, new School(schoolId, name, at, code ?? schoolCodeFor(name, taken)));
      for (const p of founders) {
        const u = new User(randomUUID(), schoolId, p.username.toLowerCase(), p.displayName, p.passwordHash, at);
        u.mustChangePassword = p.mustChangePassword;
        u.email = p.email ?? null;
        await em.insert(User, u);
        users[p.username] = u.id;
        for (const r of p.roles) {
          await em.insert(
            Appointment,
            new Appointment(
              randomUUID(),
              schoolId,
              u.id,
              r.role,
              r.orderNumber,
              r.orderDate,
              r.orderDate,
              'system',
              at,
            ),
          );
        }
      }
    });
    return { schoolId, users };
  }
}
