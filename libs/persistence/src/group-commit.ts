import type { MikroORM } from '@mikro-orm/core';
import type { StepReads } from '@grif/engine';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { DatabaseKind } from './orm-config';
import { BatchPoisoned, BatchWrites, holdWritesOf, NeedsTransaction, type WriteMode } from './batch-writes';
import { forget, memoWithoutTransaction } from './transaction-memo';
import type { DriverConnection } from './prepared-statements';
import type { SqliteWriter } from './sqlite-writer';
import type { WriterConnections } from './writer-connections';

type Work = (em: SqlEntityManager) => Promise<unknown>;
interface Queued {
  work: Work;
  /** Its writes go through the batch's buffer (batch-writes.ts): the engine's. */
  held: boolean;
  /** What it reads first, for the batch to read ahead. */
  reads?: StepReads;
  /** Its batch failed on the SQLite writer thread: it runs again in a transaction on the main connection. */
  inTransaction?: boolean;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/** What group commit did since the process started: for the benchmarks and for tests that prove a path was taken. */
export interface BatchCounts {
  /** Batches committed or failed (one tried off the main connection and then run again in a transaction: once). */
  batches: number;
  /** Of those, sent as one statement with no transaction (PostgreSQL). */
  withoutTransaction: number;
  /** Of those, written on the writer thread while the main thread went on (SQLite). */
  onWriterThread: number;
  /** Tried without a transaction, then run again in one: nothing of the first try was written. */
  thenInTransaction: number;
}

/** A writer's queue: the units waiting for its next transaction, and whether one is running. */
interface Lane {
  queue: Queued[];
  busy: boolean;
  /**
   * The ORM context its batches with no transaction run in, cleared for each: a lane runs one such batch at a time,
   * and a fork per batch (a unit of work, a loader, a factory...) cost ~1.6 % of a step's main-thread CPU.
   */
  em?: SqlEntityManager;
}

/**
 * Group commit: write transactions that arrive while a writer is committing wait, and the writer then runs
 * them together in ONE transaction and commits once (as Zeebe batches its log, or PostgreSQL its WAL flushes).
 * Units run in arrival order, each seeing its predecessors' writes exactly as if they had committed before it;
 * a refused or conflicting unit's writes go and only its caller gets the error; its neighbours commit. The
 * engine's writes are held and written together at the batch's end (batch-writes.ts: one statement on
 * PostgreSQL), so a unit that wrote nothing else needs no savepoint; any other unit writes in a savepoint of its
 * own. When held rows cannot be written (a key or an instance taken by another process meanwhile), the batch
 * runs again with every unit in its savepoint, writing as it goes. Every caller is answered after the commit,
 * never before (a unit's effects are relayed only once they are durable). A lone unit runs as a plain
 * transaction.
 *
 * SQLite has one writer: one lane. PostgreSQL has `lanes` writers, each on its own connection; a unit given a
 * partition key (the instance it moves, the school it registers in) always goes to the same lane, so two
 * units of one instance never wait on each other's row locks from different batches.
 *
 * PostgreSQL, a batch of steps only (`withoutTransaction`): its writes are its one statement, atomic by itself, so it
 * is sent with no BEGIN and COMMIT, on a writer's connection (writer-connections.ts): two round trips fewer a batch,
 * which are most of what a batch costs the API. Its reads are what they would be in a transaction: READ COMMITTED
 * takes a snapshot per statement either way, and every move is version-checked in the statement. A batch that
 * comes to need more (a barrier, rows taking two statements, a lost race) has written nothing, and runs again in a
 * transaction.
 *
 * SQLite, a batch of steps only (`onWriterThread`): its units run on the main thread reading the main connection, and
 * its held rows are posted to the writer thread (sqlite-writer.ts), which writes and commits them while the main
 * thread runs the next batch (`MAX_POSTED` at most wait there). That next batch reads what is committed, so one that
 * reads an instance or an answer a posted batch writes waits for it first; one that reads something else sees what
 * it would see from a second PostgreSQL writer, and every move is version-checked on the thread. A batch that needs
 * more, or that the thread could not write, runs again in a transaction on the main connection once every posted
 * batch is answered.
 */
export class GroupCommit {
  private readonly lanes: Lane[];
  private next = 0;
  readonly counts: BatchCounts = { batches: 0, withoutTransaction: 0, onWriterThread: 0, thenInTransaction: 0 };
  /** SQLite: batches posted to the writer thread and not yet answered, with what each one's steps read first. */
  private readonly posted = new Map<Promise<void>, Set<string>>();

  constructor(
    private readonly orm: MikroORM,
    private readonly kind: DatabaseKind,
    lanes: number,
    /** PostgreSQL: the connections of batches sent without a transaction. */
    private readonly writers?: WriterConnections,
    /** SQLite: the thread batches of steps are written on. */
    private readonly thread?: SqliteWriter,
    private readonly maxBatch = 64,
  ) {
    this.lanes = Array.from({ length: kind === 'sqlite' ? 1 : Math.max(1, lanes) }, () => ({ queue: [], busy: false }));
  }

  /** Units queued behind a running batch. */
  waiting(): number {
    return this.lanes.reduce((n, lane) => n + lane.queue.length, 0);
  }

  run<T>(work: (em: SqlEntityManager) => Promise<T>, partition?: string, held = false, reads?: StepReads): Promise<T> {
    const lane =
      this.lanes[partition === undefined ? this.next++ % this.lanes.length : laneOf(partition, this.lanes.length)];
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({ work, held, reads, resolve: resolve as (v: unknown) => void, reject });
      if (lane.busy) return;
      lane.busy = true;
      void this.drain(lane);
    });
  }

  private async drain(lane: Lane): Promise<void> {
    try {
      do {
        // One turn of the event loop first: the callers answered by the last commit send their next units now,
        // and they join this batch instead of waiting for the next (a batch's cost is mostly its own).
        await new Promise<void>((resolve) => setImmediate(resolve));
        const batch = lane.queue.splice(0, this.maxBatch);
        if (this.thread?.usable && batch.every((unit) => unit.held && unit.reads && !unit.inTransaction)) {
          // The thread idle: half of the batch, so the thread writes it while this thread runs the other half (whole,
          // every caller would wait on both threads in turn; halved, the two halves alternate).
          if (!this.posted.size) lane.queue.unshift(...batch.splice(Math.ceil(batch.length / 2)));
          await this.onWriterThread(lane, batch);
        } else {
          // The main connection writes only when the thread does not: it would wait for the thread's lock.
          while (this.posted.size) await Promise.all(this.posted.keys());
          await this.commit(lane, batch);
        }
      } while (lane.queue.length);
    } finally {
      lane.busy = false;
    }
  }

  /**
   * SQLite, a batch of the engine's steps: its units run here with no transaction, and its held rows are posted to
   * the writer thread; returns once posted, and its callers are answered once the thread committed. A batch that
   * needs a transaction, or that the thread did not write, goes back to the head of the queue to run in one.
   */
  private async onWriterThread(lane: Lane, batch: Queued[]): Promise<void> {
    const reads = new Set(batch.flatMap((unit) => readKeys(unit.reads!)));
    const overlaps = () => [...this.posted.values()].some((keys) => [...reads].some((k) => keys.has(k)));
    while (this.posted.size >= MAX_POSTED || overlaps()) await Promise.race(this.posted.keys());
    const outcomes: Outcome[] = [];
    let writes: BatchWrites;
    try {
      writes = await this.unitsWithoutTransaction(lane, batch, outcomes, this.thread);
    } catch {
      // A read failed, or a unit needs a transaction: nothing was written.
      this.runAgain(lane, batch);
      return;
    }
    const written: Promise<void> = writes.flush().then(
      () => {
        // Counted once written: a batch the thread did not write is counted where it runs again.
        this.counts.batches++;
        this.counts.onWriterThread++;
        answer(batch, outcomes);
      },
      () => this.runAgain(lane, batch),
    );
    this.posted.set(written, reads);
    void written.finally(() => this.posted.delete(written));
  }

  /** The batch to the head of its lane's queue, each unit to run in a transaction on the main connection. */
  private runAgain(lane: Lane, batch: Queued[]): void {
    this.counts.thenInTransaction++;
    for (const unit of batch) unit.inTransaction = true;
    lane.queue.unshift(...batch);
    if (lane.busy) return;
    lane.busy = true;
    void this.drain(lane);
  }

  /** One transaction for the batch; each caller is answered once it committed (or failed). */
  private async commit(lane: Lane, batch: Queued[]): Promise<void> {
    let outcomes: Outcome[] = [];
    this.counts.batches++;
    try {
      if (!(await this.withoutTransaction(lane, batch, outcomes)))
        try {
          outcomes = [];
          await this.attempt(batch, outcomes, false);
        } catch (err) {
          if (batch.length === 1 || !(err instanceof BatchPoisoned)) throw err;
          // What was held could not be written, or a statement failed where no savepoint kept it to its unit: the
          // same units again, each writing as it goes inside its own savepoint, so each hears its own answer.
          outcomes = [];
          await this.attempt(batch, outcomes, true);
        }
    } catch (err) {
      // The transaction failed as a whole (its lone unit threw, or the commit did): nobody's writes stand.
      batch.forEach((unit, i) =>
        unit.reject(outcomes[i] && !outcomes[i].ok ? (outcomes[i] as { err: unknown }).err : err),
      );
      return;
    }
    answer(batch, outcomes);
  }

  /**
   * PostgreSQL, a batch of the engine's steps: run with no transaction, its writes sent as one statement. False when
   * it needs a transaction after all: nothing of it was written.
   */
  private async withoutTransaction(lane: Lane, batch: Queued[], outcomes: Outcome[]): Promise<boolean> {
    if (!this.writers || !batch.every((unit) => unit.held && unit.reads)) return false;
    try {
      return await this.writers.use(async (connection) => {
        try {
          await (await this.unitsWithoutTransaction(lane, batch, outcomes, connection)).flush();
          this.counts.withoutTransaction++;
          return true;
        } catch (err) {
          if (err instanceof NeedsTransaction) return this.again();
          throw err;
        }
      });
    } catch {
      // The statement failed as a whole (a lost race, a key another process took, the connection): whatever it
      // was, the transaction tells each unit its own answer.
      return this.again();
    }
  }

  /**
   * A batch of steps with no transaction of the main connection's: read ahead, then its units, their writes held in
   * what it returns, for the caller to write (PostgreSQL: on the writer's `to` connection; SQLite: on the thread).
   */
  private async unitsWithoutTransaction(
    lane: Lane,
    batch: Queued[],
    outcomes: Outcome[],
    to: DriverConnection | SqliteWriter | undefined,
  ): Promise<BatchWrites> {
    const em = (lane.em ??= this.contextWithoutTransaction());
    // Nothing of the last batch's: what it loaded, and what it kept of its reads (its school's settings).
    em.clear();
    forget(em);
    const writes = new BatchWrites(em, this.kind, 'autocommit', batch.length > 1, to);
    holdWritesOf(em, writes);
    await writes.readAhead(batch.map((unit) => unit.reads!));
    await this.runUnits(batch, em, writes, outcomes, 'autocommit');
    return writes;
  }

  /** A lane's context for its batches with no transaction: it keeps a memo of its reads as a transaction does. */
  private contextWithoutTransaction(): SqlEntityManager {
    const em = this.orm.em.fork() as SqlEntityManager;
    memoWithoutTransaction(em);
    return em;
  }

  private again(): false {
    this.counts.thenInTransaction++;
    return false;
  }

  /** The batch in one transaction: the engine's writes held and written together, or (`immediate`) as they come. */
  private async attempt(batch: Queued[], outcomes: Outcome[], immediate: boolean): Promise<void> {
    await (this.orm.em.fork() as SqlEntityManager).transactional(async (em) => {
      // SQLite: take the file's write lock now, so another process's writer waits here, not halfway through.
      if (this.kind === 'sqlite') await em.execute('update write_gate set n = n + 1 where id = 1');
      const writes = new BatchWrites(em, this.kind, immediate ? 'immediate' : 'held', batch.length > 1);
      holdWritesOf(em, writes);
      try {
        await writes.readAhead(batch.flatMap((unit) => (unit.reads ? [unit.reads] : [])));
      } catch (err) {
        throw batch.length > 1 ? new BatchPoisoned(err) : err;
      }
      if (batch.length === 1) {
        outcomes.push({ ok: true, value: await batch[0].work(em) });
        await em.flush();
        await writes.flush();
        return;
      }
      await this.runUnits(batch, em, writes, outcomes, immediate ? 'immediate' : 'held');
      try {
        await writes.flush();
      } catch (err) {
        // Whose row failed is not known here (a key taken by another process, an instance it moved).
        throw new BatchPoisoned(err);
      }
    });
  }

  /** Each unit in arrival order, sharing the batch's writes: a failing one takes back only its own. */
  private async runUnits(
    batch: Queued[],
    em: SqlEntityManager,
    writes: BatchWrites,
    outcomes: Outcome[],
    mode: WriteMode,
  ): Promise<void> {
    for (const unit of batch) {
      try {
        await writes.beginUnit(unit.held);
        const value = await unit.work(em);
        // What the unit persisted without flushing is written now, inside its savepoint (alone, the
        // transaction's own flush would have written it); with no transaction, it needs one.
        if (mode !== 'autocommit') await em.flush();
        else if (hasChanges(em)) throw new NeedsTransaction();
        await writes.unitDone();
        outcomes.push({ ok: true, value });
      } catch (err) {
        if (err instanceof NeedsTransaction) throw err;
        // The unit's own writes go (held ones dropped, written ones rolled back to its savepoint); the next unit
        // starts from what its predecessors left. What the transaction kept for its units may have been read
        // from the unit's undone writes.
        if (await writes.unitFailed(err)) forget(em);
        outcomes.push({ ok: false, err });
      }
      // What the unit loaded or changed through the ORM is not the next unit's to find in the identity map.
      em.clear();
    }
  }
}

/** SQLite: batches posted to the writer thread at most, unanswered: one written while the next is computed, and one ready. */
const MAX_POSTED = 2;

/** What a step reads first (its instance, its stored answer), as keys: a batch waits for a posted one that writes them. */
const readKeys = (r: StepReads) => [
  `i:${r.schoolId}:${r.instanceId}`,
  ...(r.key === undefined ? [] : [`a:${r.schoolId}:${r.actorId}:${r.key}`]),
];

/** Each caller hears its unit's outcome. */
function answer(batch: Queued[], outcomes: Outcome[]): void {
  batch.forEach((unit, i) => {
    const o = outcomes[i];
    if (o.ok) unit.resolve(o.value);
    else unit.reject(o.err);
  });
}

/** Whether the ORM's unit of work has something to flush. */
function hasChanges(em: SqlEntityManager): boolean {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  return uow.getChangeSets().length > 0;
}

/** A stable lane for a partition key (FNV-1a of its text). */
function laneOf(key: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}
