import { Worker } from 'node:worker_threads';
import { sqliteValue } from './prepared-statements';
import { sqlitePragmas } from './orm-config';

/** One held write as the thread runs it: its statement, its values, and whether it must change exactly one row. */
export interface ThreadWrite {
  sql: string;
  values: readonly unknown[];
  mustChangeOne?: boolean;
}

/** How a batch went on the thread: committed, or rolled back because a version-checked write changed no row. */
export type ThreadResult = { committed: true } | { committed: false; lostRace: number };

// Plain JavaScript: the thread runs it as is, from the build or from the TypeScript sources under jest.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
for (const pragma of workerData.pragmas) db.pragma(pragma);
// The statements by number, in the order the main thread first sent their texts; one that does not prepare fails
// each batch that runs it, and keeps its number.
const prepared = [];
const prepare = (sql) => {
  try {
    return db.prepare(sql);
  } catch (err) {
    return { run: () => { throw err; } };
  }
};
// IMMEDIATE: the file's write lock from the start, as the main connection's write gate takes it.
const begin = db.prepare('begin immediate');
const commit = db.prepare('commit');
const rollback = db.prepare('rollback');
const write = (writes) => {
  begin.run();
  try {
    for (let i = 0; i < writes.length; i++) {
      const [text, values, mustChangeOne] = writes[i];
      if (prepared[text].run(values).changes !== 1 && mustChangeOne) {
        rollback.run();
        return { committed: false, lostRace: i };
      }
    }
    commit.run();
    return { committed: true };
  } catch (err) {
    if (db.inTransaction) rollback.run();
    throw err;
  }
};
parentPort.on('message', (message) => {
  if (message === 'stop') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    for (const sql of message.texts) prepared.push(prepare(sql));
    parentPort.postMessage({ id: message.id, result: write(message.writes) });
  } catch (err) {
    parentPort.postMessage({ id: message.id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

export interface SqliteWriterOptions {
  /** How long the thread waits for another process's lock, as the main connection does (default 10 s). */
  busyTimeoutMs?: number;
  /** A SqliteCheckpointer checkpoints the database from its own thread, so this one need not (orm-config.ts). */
  checkpointsElsewhere?: boolean;
}

interface Waiting {
  resolve(result: ThreadResult): void;
  reject(err: Error): void;
}

/**
 * SQLite: the thread a batch of the engine's steps is written on (group-commit.ts). better-sqlite3 is synchronous,
 * so on the main thread a batch's statements and its COMMIT stop every other request; on this thread they run while
 * the main one computes the next batch, on a connection of the thread's own. Batches are written in the order they
 * are posted, each in one transaction: all of it, or (a failed statement, a version-checked write that changed no
 * row) none of it, and the batch is then run again in a transaction on the main connection. A thread that failed
 * or exited takes nothing with it: every batch after it goes the main connection's way.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;
  /** Each statement's text is sent once, then by number (the texts are the engine's: a few dozen). */
  private readonly texts = new Map<string, number>();
  private failed?: Error;
  private readonly exited: Promise<void>;

  constructor(file: string, options: SqliteWriterOptions = {}) {
    this.worker = new Worker(THREAD, {
      eval: true,
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        // The main connection's settings. Left to SQLite, a COMMIT that fills the log past 1,000 pages copies it into
        // the database and fsyncs: on this thread, that held every batch behind it (measured: 2,240 against 1,860
        // transitions/s at 32 clients), so with a checkpointer the thread leaves it to it.
        pragmas: sqlitePragmas(options.busyTimeoutMs, options.checkpointsElsewhere),
      },
    });
    // Idle, it never keeps a process alive; a batch being written does (`write`).
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (m: { id: number; result?: ThreadResult; error?: { message: string; code?: string } }) =>
      this.answer(m.id, m.error ? Object.assign(new Error(m.error.message), { code: m.error.code }) : m.result!),
    );
    this.worker.on('error', (err) => this.fail(err));
    this.worker.once('exit', () => this.fail(new Error('the SQLite writer thread exited')));
  }

  /** False once the thread failed or stopped: batches then go the main connection's way. */
  get usable(): boolean {
    return this.failed === undefined;
  }

  /** Writes the statements in order in one transaction; resolves once committed (or rolled back for a lost race). */
  write(writes: readonly ThreadWrite[]): Promise<ThreadResult> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    const posted = new Promise<ThreadResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    if (this.waiting.size === 1) this.worker.ref();
    const texts: string[] = [];
    const numbered = writes.map((w) => {
      let text = this.texts.get(w.sql);
      if (text === undefined) {
        this.texts.set(w.sql, (text = this.texts.size));
        texts.push(w.sql);
      }
      return [text, w.values.map((v) => (v === undefined ? null : sqliteValue(v))), !!w.mustChangeOne];
    });
    this.worker.postMessage({ id, texts, writes: numbered });
    return posted;
  }

  /** Stops the thread once what was posted is written; resolves when its connection is closed. */
  async stop(): Promise<void> {
    if (this.failed) return;
    this.failed = new Error('the SQLite writer thread is stopped');
    this.worker.postMessage('stop');
    await this.exited;
  }

  private answer(id: number, outcome: ThreadResult | Error): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (!this.waiting.size) this.worker.unref();
    if (outcome instanceof Error) waiting.reject(outcome);
    else waiting.resolve(outcome);
  }

  private fail(err: Error): void {
    this.failed ??= err;
    for (const waiting of this.waiting.values()) waiting.reject(err);
    this.waiting.clear();
  }
}
