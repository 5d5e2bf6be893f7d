import { Actor, Role } from '@grif/domain';
import { PeopleRepository, SchoolsRepository, SessionsRepository } from '@grif/persistence';
import { GrifRuntime, RuntimeOptions } from '@grif/runtime';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { DEMO_PEOPLE, DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { createTestDatabase, TestDatabase, testQueuePrefix } from './test-database';

export interface Harness {
  db: TestDatabase;
  rt: GrifRuntime;
  identity: IdentityService;
  schoolId: string;
  ids: Record<string, string>;
  actor(username: string): Actor;
  close(): Promise<void>;
}

const ROLES_OF: Record<string, Role[]> = Object.fromEntries(DEMO_PEOPLE.map((p) => [p.username, p.roles.map((r) => r.role)]));

/** A migrated database with the demo school, and a runtime on a queue prefix of its own. */
export async function startHarness(opts: RuntimeOptions = {}): Promise<Harness> {
  const db = await createTestDatabase();
  const rt = await GrifRuntime.start({ ...opts, db: db.settings, queue: { prefix: testQueuePrefix(), ...opts.queue } });
  const identity = new IdentityService(new PeopleRepository(rt.transactions), new SessionsRepository(rt.transactions), new SchoolsRepository(rt.transactions), rt.clock);
  const { schoolId, users } = await identity.createSchool(DEMO_SCHOOL, DEMO_PEOPLE);
  return {
    db,
    rt,
    identity,
    schoolId,
    ids: users,
    actor: (u) => ({ userId: users[u], schoolId, roles: ROLES_OF[u], kind: 'user' }),
    close: async () => {
      await rt.close();
      await db.drop();
    },
  };
}

export const REGISTRATION = {
  direction: 'incoming',
  kind: 'letter',
  title: 'Билим берүү министрлигинин каты',
  correspondent: 'КР Билим берүү жана илим министрлиги',
  documentDate: '2026-11-20',
  pages: 3,
} as const;
