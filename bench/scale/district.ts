import type { INestApplicationContext } from '@nestjs/common';
import type { Role } from '@grif/domain';
import { RecordsOfficeSetup, SchoolsRepository, WriteTransactions } from '@grif/persistence';
import { hashPassword } from '../../apps/api/src/identity/password';

/** Staff per school: the people documents are issued to, each cleared. */
export const STAFF_PER_SCHOOL = 20;

export interface SchoolCast {
  index: number;
  schoolId: string;
  code: string;
  clerk: string;
  auditor: string;
  staff: string[];
  cabinetId: string;
}

const staffName = (i: number) => `staff${String(i + 1).padStart(2, '0')}`;

/**
 * A district: `n` schools founded as the application founds them (users, appointments by order, a secure
 * archive room with a cabinet, every staff member cleared with an NDA and a briefing). One password hash for
 * everybody, computed once: scrypt at 128 MiB a hash would otherwise take minutes for a thousand people.
 */
export async function foundDistrict(app: INestApplicationContext, n: number, password: string): Promise<SchoolCast[]> {
  const schools = app.get(SchoolsRepository);
  const office = app.get(RecordsOfficeSetup);
  const tx = app.get(WriteTransactions);
  const passwordHash = await hashPassword(password);
  const since = '2018-09-01';
  const person = (username: string, role: Role) => ({
    username,
    displayName: username,
    passwordHash,
    mustChangePassword: false,
    roles: [{ role, orderNumber: `scale-${username}`, orderDate: since }],
  });
  const at = new Date().toISOString();
  const out: SchoolCast[] = [];
  for (let i = 0; i < n; i++) {
    const founders = [
      person('clerk', 'records_clerk'),
      person('security', 'security_officer'),
      person('director', 'director'),
      person('auditor', 'auditor'),
      ...Array.from({ length: STAFF_PER_SCHOOL }, (_, k) => person(staffName(k), 'staff')),
    ];
    const code = `d${String(i + 1).padStart(3, '0')}`;
    const { schoolId, users } = await schools.found(`District school ${i + 1}`, founders, at, code);
    const staff = Array.from({ length: STAFF_PER_SCHOOL }, (_, k) => users[staffName(k)]);
    await office.furnish(
      schoolId,
      {
        rooms: [{ name: 'Архив', secure: true, cabinets: ['Шкаф 1'] }],
        files: [],
        clearances: staff.flatMap((userId) =>
          (['nda', 'briefing'] as const).map((kind) => ({ userId, kind, date: since, recordedBy: users.security })),
        ),
      },
      at,
    );
    const [cabinet] = await tx
      .reader()
      .getConnection()
      .execute<{ id: string }[]>('select id from cabinets where school_id = ?', [schoolId]);
    out.push({ index: i, schoolId, code, clerk: users.clerk, auditor: users.auditor, staff, cabinetId: cabinet.id });
  }
  return out;
}
