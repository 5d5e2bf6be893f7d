import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { ormOptions } from './orm-config';
import { CheckpointReport, FALLBACK_AUTOCHECKPOINT_PAGES, SqliteCheckpointer } from './sqlite-checkpointer';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Database = require('better-sqlite3');

describe('SQLite checkpoints from a thread of their own', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grif-checkpoints-'));
    file = join(dir, 'grif.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies what a writer that never checkpoints leaves in the log into the database, then stops', async () => {
    const writer = new Database(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('create table pages (id integer primary key, body blob not null)');
    const insert = writer.prepare('insert into pages (body) values (?)');
    const body = Buffer.alloc(2000, 7);
    for (let i = 0; i < 20; i++) writer.transaction(() => Array.from({ length: 50 }, () => insert.run(body)))();
    const before = statSync(file).size;

    const reports: CheckpointReport[] = [];
    const checkpointer = new SqliteCheckpointer(file, { intervalMs: 10, onCheckpoint: (r) => reports.push(r) });
    for (let waited = 0; !reports.some((r) => r.checkpointed === r.log) && waited < 10_000; waited += 20)
      await new Promise((settle) => setTimeout(settle, 20));
    await checkpointer.stop();

    expect(reports.at(-1)).toEqual({ log: expect.any(Number), checkpointed: reports.at(-1)?.log });
    // 1,000 rows of 2 kB: the pages are in the database file now, not only in the log.
    expect(statSync(file).size - before).toBeGreaterThan(1_000 * 2000);
    expect(writer.prepare('select count(*) as n from pages').get().n).toBe(1000);
    writer.close();
  });

  it('stops once, however often it is asked', async () => {
    new Database(file).close();
    const checkpointer = new SqliteCheckpointer(file);
    await Promise.all([checkpointer.stop(), checkpointer.stop()]);
    await expect(checkpointer.stop()).resolves.toBeUndefined();
  });

  it("leaves the writers' own checkpoints only as a fallback when a checkpointer runs", async () => {
    const pragma = async (checkpointsElsewhere: boolean) => {
      const orm = await MikroORM.init(ormOptions({ kind: 'sqlite', target: file }, { checkpointsElsewhere }));
      try {
        const [row] = await orm.em.getConnection().execute('pragma wal_autocheckpoint');
        return row.wal_autocheckpoint;
      } finally {
        await orm.close(true);
      }
    };
    expect(await pragma(true)).toBe(FALLBACK_AUTOCHECKPOINT_PAGES);
    expect(await pragma(false)).toBe(1000);
  });
});
