import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { SqliteWriter } from '@grif/persistence';
import { startHarness, Harness } from '../support/harness';
import { key, storedDocument } from '../support/documents';

// better-sqlite3 ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3');
const onSqlite = (process.env.DATABASE_URL ?? 'sqlite:').startsWith('sqlite:');
const sqliteOnly = onSqlite ? describe : describe.skip; // PostgreSQL has no writer thread: its writers are connections

/**
 * SQLite's writer thread (libs/persistence/src/sqlite-writer.ts): a batch's held rows are written there in one
 * transaction of its own connection, while the main thread runs the next batch (group-commit.ts).
 */
sqliteOnly('SQLite: the writer thread', () => {
  describe('the thread alone', () => {
    let dir: string;
    let file: string;
    let writer: SqliteWriter;

    let db: any;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'grif-writer-thread-'));
      file = join(dir, 'w.sqlite');
      db = new Database(file);
      db.pragma('journal_mode = WAL');
      db.exec('create table t (id integer primary key, v integer not null)');
      db.exec('insert into t (id, v) values (1, 0)');
      writer = new SqliteWriter(file);
    });
    afterAll(async () => {
      await writer.stop();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    });
    const rows = () => db.prepare('select id, v from t order by id').all();

    it('writes a batch in order in one transaction, and it is committed when answered', async () => {
      const result = await writer.write([
        { sql: 'insert into t (id, v) values (?, ?)', values: [2, 20] },
        { sql: 'update t set v = ? where id = ? and v = ?', values: [21, 2, 20], mustChangeOne: true },
        { sql: 'insert into t (id, v) values (?, ?)', values: [3, true] },
      ]);
      expect(result).toEqual({ committed: true });
      expect(rows()).toEqual([
        { id: 1, v: 0 },
        { id: 2, v: 21 },
        { id: 3, v: 1 },
      ]);
    });

    it('a version-checked write that changes no row rolls the whole batch back', async () => {
      const result = await writer.write([
        { sql: 'insert into t (id, v) values (?, ?)', values: [4, 40] },
        { sql: 'update t set v = ? where id = ? and v = ?', values: [1, 1, 99], mustChangeOne: true },
      ]);
      expect(result).toEqual({ committed: false, lostRace: 1 });
      expect(rows().map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
    });

    it('a failing statement rejects, and nothing of its batch is written', async () => {
      await expect(
        writer.write([
          { sql: 'insert into t (id, v) values (?, ?)', values: [5, 50] },
          { sql: 'insert into t (id, v) values (?, ?)', values: [1, 10] },
        ]),
      ).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' });
      expect(rows().map((r: { id: number }) => r.id)).toEqual([1, 2, 3]);
      expect(writer.usable).toBe(true);
    });

    it('a stopped thread refuses, and says it cannot be used', async () => {
      const other = new SqliteWriter(file);
      await other.stop();
      expect(other.usable).toBe(false);
      await expect(other.write([{ sql: 'insert into t (id, v) values (?, ?)', values: [6, 60] }])).rejects.toThrow(
        /stopped/,
      );
    });
  });

  describe('group commit with the thread', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness();
    });
    afterAll(() => h.close());
    const clerk = () => h.actor('clerk');
    const engine = () => h.rt.engine;
    const events = async (id: string) => (await engine().history(clerk(), id)).map((e) => `${e.seq} ${e.type}`);

    it('a step of an instance whose batch is still on the thread waits for it, and sees its state', async () => {
      const [a, b] = [await storedDocument(engine(), clerk()), await storedDocument(engine(), clerk())];
      // Another connection holds the file's write lock, so the thread cannot write the first batch until it lets go.
      const blocker = new Database(h.db.settings.target);
      blocker.exec('begin immediate');
      const before = { ...h.rt.transactions.batches };
      const issue = (id: string) =>
        engine().send(id, 'ISSUE', { holderId: h.ids.teacher, purpose: 'сабак' }, clerk(), { idempotencyKey: key() });
      // Three queued at once: the idle thread takes the first two ([ISSUE a, ISSUE b]), and ACKNOWLEDGE a comes next,
      // while they wait on the thread. Read before they commit, `a` would still be stored, and the holder refused.
      const queued = [
        issue(a),
        issue(b),
        engine().send(a, 'ACKNOWLEDGE', {}, h.actor('teacher'), { idempotencyKey: key() }),
      ];
      // Long enough for the main thread to run the next batch, had it not waited.
      await new Promise((resolve) => setTimeout(resolve, 300));
      blocker.exec('commit');
      blocker.close();
      const answers = await Promise.allSettled(queued);
      expect(answers.map((o) => o.status === 'fulfilled' && o.value.status)).toEqual([200, 200, 200]);
      const after = h.rt.transactions.batches;
      expect(after.onWriterThread - before.onWriterThread).toBe(2);
      expect(after.thenInTransaction - before.thenInTransaction).toBe(0);
      expect(await events(a)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE', '5 ACKNOWLEDGE']);
      expect(await events(b)).toEqual(['1 CREATE', '2 CLASSIFY', '3 STORE', '4 ISSUE']);
    });
  });
});
