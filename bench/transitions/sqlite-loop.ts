import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The part of better-sqlite3 used here (the package ships no types). */
interface Statement {
  run(...params: unknown[]): unknown;
}
interface Connection {
  pragma(s: string): unknown;
  exec(sql: string): void;
  prepare(sql: string): Statement;
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void;
  close(): void;
}

const ROWS = 100_000;

/**
 * The SQLite baseline: a raw better-sqlite3 loop, one insert and one update per transaction, prepared, with
 * Grif's own connection settings (WAL, synchronous = NORMAL, busy_timeout), on a file of its own.
 * better-sqlite3 is synchronous and SQLite has one writer, so the loop is the limit whatever the number of
 * clients; it yields to the event loop every `chunk` transactions only so timers keep running.
 */
export async function rawSqlitePerSecond(seconds: number, chunk = 500): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'grif-bench-sqlite-raw-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const db: Connection = new (require('better-sqlite3'))(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = NORMAL');
    db.exec(
      'create table accounts (id integer primary key, balance integer not null);' +
        'create table history (id integer primary key, account integer not null, delta integer not null, at text not null)',
    );
    const insertAccount = db.prepare('insert into accounts (id, balance) values (?, 0)');
    db.transaction(() => {
      for (let i = 1; i <= ROWS; i++) insertAccount.run(i);
    })();
    const update = db.prepare('update accounts set balance = balance + ? where id = ?');
    const insert = db.prepare('insert into history (account, delta, at) values (?, ?, ?)');
    const one = db.transaction((account: number, delta: number) => {
      update.run(delta, account);
      insert.run(account, delta, new Date().toISOString());
    });
    let n = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < chunk; i++) one(1 + Math.floor(Math.random() * ROWS), 1 + (i % 1000));
      n += chunk;
      await new Promise((r) => setImmediate(r));
    }
    return n / ((performance.now() - started) / 1000);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
