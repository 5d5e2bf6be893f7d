import { MikroORM } from '@mikro-orm/core';
import { MikroOutboxSource, ormOptions, WriteTransactions } from '@grif/persistence';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * The relay marks what it handed to Redis as dispatched while group-commit batches settle some of the same rows
 * (a job that already ran). On PostgreSQL it must not wait for their row locks: waiting closed lock cycles with
 * batches that lock several rows in their own order (deadlocks under bench:deadlines).
 */
describe('outbox: marking rows dispatched never waits for a row a batch holds', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let tx: WriteTransactions;
  let source: MikroOutboxSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.settings));
    tx = new WriteTransactions(orm, db.settings.kind);
    source = new MikroOutboxSource(tx);
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  const at = '2026-11-27T06:00:00.000Z';
  const add = (id: string, kind: string) =>
    tx.run((em) =>
      em.execute(
        `insert into outbox (id, school_id, instance_id, kind, payload, created_at, dispatched_at, delivered_at, attempts)
         values (?, 's', 'i', ?, '{}', ?, null, null, 0)`,
        [id, kind, at],
      ),
    );
  const row = async (id: string) =>
    (
      await orm.em
        .fork()
        .getConnection()
        .execute<{ dispatched_at: string | null; delivered_at: string | null }[]>(
          'select dispatched_at, delivered_at from outbox where id = ?',
          [id],
        )
    )[0];

  it('marks an effect dispatched, an alarm dispatched and delivered', async () => {
    await add('effect-1', 'notify');
    await add('alarm-1', 'deadline.arm');
    await source.markDispatched(
      [
        { id: 'effect-1', kind: 'notify' },
        { id: 'alarm-1', kind: 'deadline.arm' },
      ],
      at,
    );
    expect(await row('effect-1')).toEqual({ dispatched_at: at, delivered_at: null });
    expect(await row('alarm-1')).toEqual({ dispatched_at: at, delivered_at: at });
  });

  it('skips a row whose settling transaction holds it, and that settle marks it dispatched', async () => {
    await add('held', 'notify');
    await add('free', 'notify');
    const settledAt = '2026-11-27T06:00:01.000Z';
    const settle = (em: Parameters<Parameters<WriteTransactions['run']>[0]>[0]) =>
      em.execute(
        'update outbox set delivered_at = ?, dispatched_at = coalesce(dispatched_at, ?) where id = ? and delivered_at is null',
        [settledAt, settledAt, 'held'],
      );
    const rows = [
      { id: 'held', kind: 'notify' as const },
      { id: 'free', kind: 'notify' as const },
    ];
    if (db.settings.kind === 'postgresql') {
      // A job settling the row, its batch still open while the relay marks.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const lockTaken = new Promise<void>((r) => (locked = r));
      const settling = tx.run(async (em) => {
        await settle(em);
        locked();
        await held;
      }, 'settling');
      await lockTaken;
      // Returns while the lock is held (waiting would never end: the holder waits for this test).
      await source.markDispatched(rows, at);
      expect((await row('free')).dispatched_at).toBe(at);
      release();
      await settling;
    } else {
      // One writer, no row locks: the settle commits first, and the relay leaves what it wrote.
      await tx.run(settle);
      await source.markDispatched(rows, at);
    }
    expect(await row('free')).toEqual({ dispatched_at: at, delivered_at: null });
    expect(await row('held')).toEqual({ dispatched_at: settledAt, delivered_at: settledAt });
    expect(await source.pending(10)).toEqual([]);
  });
});
