import { MikroORM } from '@mikro-orm/core';
import { migratingOrmOptions } from '@grif/persistence';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * R-3, issue 12: migration DocumentMarkedAt20261209 gives every existing document the latest moment of its events
 * that may change whether it is a carrier, from its history — the latest instant, not the last event's, when the
 * clock was set back between two of them — and nothing to a document that had none.
 */
describe('migration DocumentMarkedAt20261209: existing documents get their marked_at (SQLite and PostgreSQL)', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    orm = await MikroORM.init(await migratingOrmOptions(db.settings));
    await orm.getMigrator().up({ to: 'OneTimePasswordUntil20261208' });
  });
  afterAll(async () => {
    await orm.close(true);
    await db.drop();
  });

  it('R-3: the latest CLASSIFY, RECLASSIFY, REPORT_LOSS, DISPATCH or DESTROY of each document; none without one', async () => {
    const c = orm.em.getConnection();
    const at = (hour: number) => new Date(Date.UTC(2026, 10, 1, hour)).toISOString();
    await c.execute('insert into schools (id, name, code, created_at) values (?, ?, ?, ?)', [
      's1',
      'Мектеп',
      'sch1',
      at(0),
    ]);
    const document = async (id: string, seq: number) => {
      await c.execute(
        `insert into workflow_instances (id, school_id, machine_id, machine_version, state, snapshot, version, last_seq,
           head_hash, created_at, updated_at) values (?, ?, 'document', 1, 'registered', '{}', 1, 1, 'h', ?, ?)`,
        [id, 's1', at(0), at(0)],
      );
      await c.execute(
        `insert into documents (id, school_id, reg_year, direction, reg_seq, reg_number, kind, title, correspondent,
           document_date, copy_number, state, created_at) values (?, 's1', 2026, 'incoming', ?, ?, 'letter', 'Кат', 'Министрлик',
           '2026-11-01', 0, 'registered', ?)`,
        [id, seq, `К-000${seq}/2026`, at(0)],
      );
    };
    let n = 0;
    const event = (instanceId: string, seq: number, type: string, hour: number) =>
      c.execute(
        `insert into workflow_events (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles, at, from_state,
           to_state, prev_hash, hash) values (?, 's1', ?, ?, ?, '{}', 'u1', 'records_clerk', ?, null, 'registered', 'p', 'h')`,
        [`e${++n}`, instanceId, seq, type, at(hour)],
      );
    await document('d1', 1);
    await event('d1', 1, 'CREATE', 0);
    await event('d1', 2, 'CLASSIFY', 3);
    // The clock set back: the last RECLASSIFY carries an instant before the CLASSIFY's.
    await event('d1', 3, 'RECLASSIFY', 2);
    await event('d1', 4, 'ISSUE', 5);
    await document('d2', 2);
    await event('d2', 1, 'CREATE', 0);
    await event('d2', 2, 'ISSUE', 1);
    await document('d3', 3);
    await event('d3', 1, 'CREATE', 0);
    await event('d3', 2, 'DISPATCH', 11);

    await orm.getMigrator().up();

    expect(await c.execute('select id, marked_at from documents order by id')).toEqual([
      { id: 'd1', marked_at: at(3) },
      { id: 'd2', marked_at: null },
      { id: 'd3', marked_at: at(11) },
    ]);
  });
});
