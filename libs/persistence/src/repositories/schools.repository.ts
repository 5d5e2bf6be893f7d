import { randomUUID } from 'node:crypto';
import type { Role } from '@grif/domain';
import { Appointment, School, User } from '../entities';
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

  async ids(): Promise<string[]> {
    return (await this.tx.reader().find(School, {}, { fields: ['id'] })).map((s) => s.id);
  }

  /** A school with its first people and their appointments, all at once; answers the new ids (users by username). */
  async found(
    name: string,
    founders: Founder[],
    at: string,
  ): Promise<{ schoolId: string; users: Record<string, string> }> {
    const schoolId = randomUUID();
    const users: Record<string, string> = {};
    await this.tx.run(async (em) => {
      await em.insert(School, new School(schoolId, name, at));
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
