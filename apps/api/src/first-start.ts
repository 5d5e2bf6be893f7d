import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '@grif/engine';
import { RecordsOfficeSetup } from '@grif/persistence';
import { IdentityService } from './identity/identity.service';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SCHOOL } from './identity/demo-school';
import { demoRecordsOffice } from './identity/demo-records-office';
import { DemoActs } from './identity/demo-acts';

/**
 * An empty database gets its first people: the demo school in demo mode, or one
 * administrator whose one-time password is printed this once and must be changed.
 */
@Injectable()
export class FirstStart {
  constructor(
    private readonly identity: IdentityService,
    private readonly office: RecordsOfficeSetup,
    private readonly demoActs: DemoActs,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async seedIfEmpty(demo: boolean, print: (line: string) => void): Promise<void> {
    if (await this.identity.hasAnySchool()) return;
    if (demo) {
      const { schoolId, users } = await this.identity.createSchool(DEMO_SCHOOL, DEMO_PEOPLE);
      await this.office.furnish(schoolId, demoRecordsOffice(users), this.clock.now().toISOString());
      await this.demoActs.seed(schoolId, users);
      print(`grif: DEMO MODE — seeded "${DEMO_SCHOOL}"; every user's password is ${DEMO_PASSWORD}`);
      for (const p of DEMO_PEOPLE)
        print(`grif:   ${p.username.padEnd(9)} ${p.roles.map((r) => r.role).join(', ') || '(no role yet)'}`);
      print(
        `grif:   signing certificates enrolled for the commission, the director and clerk2 (passphrase: ${DEMO_PASSWORD})`,
      );
      return;
    }
    const admin = await this.identity.createFirstAdministrator(process.env.GRIF_SCHOOL_NAME ?? DEMO_SCHOOL);
    print(`grif: first start — administrator "${admin.username}", one-time password: ${admin.password}`);
    print('grif: it is shown only now; change it at first login (POST /api/auth/password).');
  }
}
