import { IdentityService } from './identity/identity.service';
import type { WriteTransactions } from '@grif/persistence';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SCHOOL } from './identity/demo-school';
import { seedDemoRecordsOffice } from './identity/demo-records-office';

/**
 * An empty database gets its first people: the demo school in demo mode, or one
 * administrator whose one-time password is printed this once and must be changed.
 */
export async function seedIfEmpty(identity: IdentityService, tx: WriteTransactions, now: Date, demo: boolean, print: (line: string) => void): Promise<void> {
  if (await identity.hasAnySchool()) return;
  if (demo) {
    const { schoolId, users } = await identity.createSchool(DEMO_SCHOOL, DEMO_PEOPLE);
    await seedDemoRecordsOffice(tx, schoolId, users, now.toISOString());
    print(`grif: DEMO MODE — seeded "${DEMO_SCHOOL}"; every user's password is ${DEMO_PASSWORD}`);
    for (const p of DEMO_PEOPLE) print(`grif:   ${p.username.padEnd(9)} ${p.roles.map((r) => r.role).join(', ')}`);
    return;
  }
  const admin = await identity.createFirstAdministrator(process.env.GRIF_SCHOOL_NAME ?? DEMO_SCHOOL);
  print(`grif: first start — administrator "${admin.username}", one-time password: ${admin.password}`);
  print('grif: it is shown only now; change it at first login (POST /api/auth/password).');
}
