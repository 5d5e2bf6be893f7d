import { MikroORM, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import { ormOptions, readPolicy, WriteTransactions, writePolicy } from '@grif/persistence';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Group commit (libs/persistence/src/group-commit.ts) on the real database: units that queue while a transaction
 * runs share the next one, each in a savepoint, and every caller is answered after the commit.
 */
describe('group commit: write transactions that wait share one commit', () => {
  let db: TestDatabase;
  let orm: MikroORM;
  let tx: WriteTransactions;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init(ormOptions(db.settings));
    tx = new WriteTransactions(orm, db.settings.kind);
    await orm.em.fork().getConnection().execute('create table probe (id varchar(20) primary key, n integer not null)');
  });
  afterAll(async () => {
    await orm.close();
    await db.drop();
  });

  const rows = async (): Promise<string[]> =>
    (await orm.em.fork().getConnection().execute<{ id: string }[]>('select id from probe order by id')).map(
      (r: { id: string }) => r.id,
    );
  const insert = (em: EntityManager, id: string, n = 0) =>
    em.execute('insert into probe (id, n) values (?, ?)', [id, n]);
  /** What tells one transaction from another: PostgreSQL's transaction id; SQLite's write gate, bumped once per transaction. */
  const transactionOf = async (em: EntityManager) =>
    db.settings.kind === 'postgresql'
      ? String((await em.execute<{ t: string }[]>('select txid_current() as t'))[0].t)
      : String((await em.execute<{ n: number }[]>('select n from write_gate where id = 1'))[0].n);
  /** Holds the writer in a first transaction until released, so what comes next queues behind it. */
  const holdWriter = (partition: string) => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = tx.run(async (em) => {
      await insert(em, `${partition}-0`);
      await held;
    }, partition);
    return { release, first };
  };

  it('the units queued behind a transaction commit together, in order, each answered once committed', async () => {
    const { release, first } = holdWriter('a');
    const seen: { id: string; transaction: string; before: number }[] = [];
    const queued = Array.from({ length: 10 }, (_, i) =>
      tx
        .run(async (em) => {
          await insert(em, `a-${i + 1}`);
          const before = (await em.execute<{ c: number }[]>(`select count(*) as c from probe where id like 'a-%'`))[0]
            .c;
          seen.push({ id: `a-${i + 1}`, transaction: await transactionOf(em), before: Number(before) });
          return `a-${i + 1}`;
        }, 'a')
        // Answered only after the commit: another connection already sees the row.
        .then(async (id) => ({ id, visible: (await rows()).includes(id) })),
    );
    release();
    await first;
    const answers = await Promise.all(queued);
    expect(answers.every((a) => a.visible)).toBe(true);
    expect(new Set(seen.map((s) => s.transaction)).size).toBe(1);
    // Each unit saw its predecessors' writes, as if they had committed before it.
    expect(seen.map((s) => s.before)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it("a unit that fails takes back only its own writes; its neighbours' commit and each caller gets its own answer", async () => {
    const { release, first } = holdWriter('b');
    const ok1 = tx.run((em) => insert(em, 'b-1'), 'b');
    const refused = tx.run(async (em) => {
      await insert(em, 'b-2');
      throw new Error('refused after writing');
    }, 'b');
    // A unique key taken: on PostgreSQL the statement aborts the transaction until its savepoint is rolled back.
    const duplicate = tx.run((em) => insert(em, 'b-1'), 'b');
    const ok3 = tx.run((em) => insert(em, 'b-3'), 'b');
    release();
    await first;
    await expect(ok1).resolves.toBeDefined();
    await expect(refused).rejects.toThrow('refused after writing');
    await expect(duplicate).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    await expect(ok3).resolves.toBeDefined();
    expect((await rows()).filter((id) => id.startsWith('b-'))).toEqual(['b-0', 'b-1', 'b-3']);
  });

  it('a lone unit that fails leaves nothing behind', async () => {
    await expect(
      tx.run(async (em) => {
        await insert(em, 'c-1');
        throw new Error('no');
      }, 'c'),
    ).rejects.toThrow('no');
    expect((await rows()).filter((id) => id.startsWith('c-'))).toEqual([]);
  });

  it("a school's settings are read once per transaction; a unit that changed them and failed leaves the old ones to the next", async () => {
    const school = 'school-memo';
    const ladder = (days: number) => ({
      reminderBefore: 'PT30M',
      directorAfter: 'next_working_day',
      defaultReturnDays: days,
    });
    await tx.run((em) => writePolicy(em, school, 'deadlines', ladder(5), 'u', '2026-11-27T08:00:00.000Z'));
    const { release, first } = holdWriter('m');
    const read = () => tx.run(async (em) => (await readPolicy(em, school)).deadlines.defaultReturnDays, 'm');
    const before = read();
    const undone = tx.run(async (em) => {
      await writePolicy(em, school, 'deadlines', ladder(9), 'u', '2026-11-27T08:00:01.000Z');
      expect((await readPolicy(em, school)).deadlines.defaultReturnDays).toBe(9);
      throw new Error('refused after changing the settings');
    }, 'm');
    const afterUndone = read();
    const changed = tx.run(
      (em) => writePolicy(em, school, 'deadlines', ladder(7), 'u', '2026-11-27T08:00:02.000Z'),
      'm',
    );
    const afterChange = read();
    release();
    await first;
    await expect(undone).rejects.toThrow('refused after changing the settings');
    await changed;
    expect([await before, await afterUndone, await afterChange]).toEqual([5, 5, 7]);
  });
});
