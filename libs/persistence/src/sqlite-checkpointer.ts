import { Worker } from 'node:worker_threads';

/**
 * The pages a writer leaves in SQLite's write-ahead log before it copies them into the database itself, when
 * the checkpointer thread has fallen behind (or died): only a fallback, ~40 MB.
 */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

/** What one background checkpoint reported: the log's frames, and how many of them are now in the database. */
export interface CheckpointReport {
  log: number;
  checkpointed: number;
}

export interface SqliteCheckpointerOptions {
  /** How often the thread copies the log into the database (default 100 ms). */
  intervalMs?: number;
  /** Told after each checkpoint that copied something (tests, diagnostics). */
  onCheckpoint?: (report: CheckpointReport) => void;
  /** Told when the thread fails: the writers then checkpoint themselves (FALLBACK_AUTOCHECKPOINT_PAGES). */
  onError?: (err: Error) => void;
}

// Plain JavaScript: the thread runs it as is, from the build or from the TypeScript sources under jest.
const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
// A PASSIVE checkpoint never waits for a lock, but opening the log after another process's crash may.
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  // PASSIVE: copies what no reader still needs, never waits for a lock, never blocks the writer.
  const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
  if (checkpointed > 0) parentPort.postMessage({ log, checkpointed });
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints a SQLite database in WAL mode from a thread of its own. By default a checkpoint runs inside the
 * COMMIT that fills the log past 1,000 pages: it copies the pages into the database and fsyncs both files, and
 * with better-sqlite3 that blocks the only JavaScript thread for 5–20 ms (a tenth of the commits at 32 clients,
 * two thirds of all COMMIT time). SQLite's documentation names this way out: turn the writers' automatic
 * checkpoints (almost) off and checkpoint from another thread (https://www.sqlite.org/wal.html#ckpt).
 * Durability does not change: a committed transaction is in the log, and the log is the database until copied.
 */
export class SqliteCheckpointer {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;

  constructor(file: string, options: SqliteCheckpointerOptions = {}) {
    this.worker = new Worker(THREAD, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3'), intervalMs: options.intervalMs ?? 100 },
    });
    // The process's shutdown stops it; it never keeps a process alive by itself.
    this.worker.unref();
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (report: CheckpointReport) => options.onCheckpoint?.(report));
    this.worker.on('error', (err) => options.onError?.(err));
  }

  /** Stops the thread after the checkpoint in hand; resolves once it has closed its connection. */
  stop(): Promise<void> {
    this.worker.postMessage('stop');
    return this.exited;
  }
}
