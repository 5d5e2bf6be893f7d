import { MikroORM } from '@mikro-orm/core';
import { migratingOrmOptions, PeopleRepository, WriteTransactions } from '@grif/persistence';
import { DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Issue 10: school-qualified usernames arrive by migration over a live install. The schools and people already
 * there survive: the demo school gets `sch35`, another school a code of its own, and an existing appointment
 * keeps running with no end order.
 */
describe('migration SchoolQualifiedUsers20261202: existing data survives (SQLite and PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    orm = await MikroORM.init(await migratingOrmOptions(db.settings));
    await orm.getMigrator().up({ to: 'SessionClients20261201' });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('gives the demo school sch35 and another school a generated code, and keeps every person and role', async () => {
    const c = orm.em.getConnection();
    const at = '2026-11-01T00:00:00.000Z';
    await c.execute('insert into schools (id, name, created_at) values (?, ?, ?), (?, ?, ?)', [
      's1',
      DEMO_SCHOOL,
      at,
      's2',
      'Айылдык мектеп',
      at,
    ]);
    await c.execute(
      `insert into users (id, school_id, username, display_name, password_hash, must_change_password, locale, disabled, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['u1', 's1', 'clerk', 'Иш кагаздары', 'scrypt$x', false, 'ky', false, at],
    );
    // A username from before school codes that holds an `@` (an e-mail address) must still sign in.
    await c.execute(
      `insert into users (id, school_id, username, display_name, password_hash, must_change_password, locale, disabled, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['u0', 's2', 'aida@mail.kg', 'Аида', 'scrypt$x', false, 'ky', false, at],
    );
    await c.execute(
      `insert into appointments (id, school_id, user_id, role, order_number, order_date, valid_from, created_by, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['a1', 's1', 'u1', 'records_clerk', '№2-к', '2026-09-01', '2026-09-01', 'system', at],
    );
    await orm.getMigrator().up();

    const schools = await c.execute('select id, code from schools order by id');
    expect(schools[0]).toEqual({ id: 's1', code: 'sch35' });
    expect(schools[1].code).toMatch(/^sch-[0-9a-f]{8}$/);
    const people = new PeopleRepository(new WriteTransactions(orm, db.settings.kind));
    expect((await people.byUsername('clerk'))?.id).toBe('u1');
    expect((await people.byUsername('clerk@sch35'))?.id).toBe('u1');
    expect(await people.appointedRoles('u1', '2026-11-20')).toEqual(['records_clerk']);
    expect((await people.byUsername('aida@mail.kg'))?.id).toBe('u0');
    const [a] = await c.execute('select end_order_number, ended_by, valid_until from appointments');
    expect(a).toEqual({ end_order_number: null, ended_by: null, valid_until: null });

    // Usernames are now unique per school, not per install; the school code is unique in the install.
    await c.execute(
      `insert into users (id, school_id, username, display_name, password_hash, must_change_password, locale, disabled, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['u2', 's2', 'clerk', 'Башка', 'scrypt$x', false, 'ky', false, at],
    );
    // Settled, not `rejects.toThrow()`: in a jest worker that ran another SQLite suite first, better-sqlite3 raises
    // its errors with that suite's Error class, which jest does not recognise as an error.
    const outcome = (p: Promise<unknown>) =>
      p.then(
        () => 'written',
        () => 'refused',
      );
    const duplicate = c.execute(
      `insert into users (id, school_id, username, display_name, password_hash, must_change_password, locale, disabled, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['u3', 's2', 'clerk', 'Дубль', 'scrypt$x', false, 'ky', false, at],
    );
    expect(await outcome(duplicate)).toBe('refused');
    expect(await outcome(c.execute('update schools set code = ? where id = ?', ['sch35', 's2']))).toBe('refused');
    expect(await people.byUsername('clerk')).toBeNull();
  });
});
