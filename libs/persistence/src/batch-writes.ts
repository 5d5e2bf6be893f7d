import { DriverException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { InstanceRow, StepAnswer, StepReads, StoredResponse } from '@grif/engine';
import type { Fact } from '@grif/workflows';
import type { DatabaseKind } from './orm-config';
import { batchStatement, type PartName, type PartRows } from './batch-statement';
import { LOST_RACE_SQLSTATE } from './lost-race';
import type { DriverConnection } from './prepared-statements';
import { placeholders, RawSql } from './raw-sql';
import { rememberPolicy } from './school-policy';
import { SqliteWriter } from './sqlite-writer';
import { answerKey, inSchool, readPeople, readSteps, type StepsRead } from './step-reads';

/** One row written by the engine's hot path, held until the batch writes it. */
export interface HeldWrite {
  table: string;
  /** The row it writes: two writes of one row never share a statement. */
  key: string;
  /** The instance whose reads this write would change, when not `key` (a deadline's instance). */
  about?: string;
  /** One statement, `?` placeholders: how SQLite writes it, and how it is written alone. */
  sql: string;
  values: unknown[];
  /** Its part of the batch statement on PostgreSQL (batch-statement.ts), and its row there. */
  part?: PartName;
  row?: unknown[];
  /** The version-checked move of an instance: it must change exactly one row, or another writer moved it first. */
  mustChangeOne?: boolean;
  /** The instance as this write leaves it, for a later read in the batch. */
  instance?: InstanceRow;
  /** The idempotency record this write stores, for a later read in the batch. */
  answer?: StepAnswer;
}

/** A held insert of one row: `into` is `insert into t (columns) values`; on PostgreSQL its row goes to `part`. */
export const insertOf = (
  table: string,
  key: string,
  into: string,
  values: unknown[],
  extra: Partial<HeldWrite> = {},
): HeldWrite => ({ table, key, sql: insertText(into, values.length), values, ...extra });

/** `into` with one row's placeholders, built once per text: every step holds four or five inserts. */
function insertText(into: string, columns: number): string {
  let texts = insertTexts.get(into);
  if (!texts) insertTexts.set(into, (texts = []));
  return (texts[columns] ??= `${into} ${placeholders(1, columns)}`);
}
const insertTexts = new Map<string, string[]>();

/** A held version-checked move found its instance moved by another writer: the batch is run again, unit by unit. */
export class LostRace extends Error {
  constructor() {
    super('an instance was moved by another writer before this batch was written');
  }
}

/**
 * A batch run without a transaction of the main connection's (mode `autocommit`) came to need one: a barrier, ORM
 * changes, or (PostgreSQL) rows that take two statements. Nothing of it was written; group commit runs it again in a
 * transaction.
 */
export class NeedsTransaction extends Error {
  constructor() {
    super('the batch writes more than its one statement: it runs again in a transaction');
  }
}

/**
 * How a batch's writes go:
 * - `held`: held, and written at its end or at a barrier, inside its transaction;
 * - `autocommit`: held, and written at its end with no transaction of the main connection's: on PostgreSQL as its one
 *   statement (atomic by itself: two round trips a batch fewer), on SQLite in one transaction on the writer thread
 *   (sqlite-writer.ts); anything more throws NeedsTransaction;
 * - `immediate`: each written when asked (a read-only context, or a batch run again unit by unit).
 */
export type WriteMode = 'held' | 'autocommit' | 'immediate';

/** A statement failed where no savepoint could take back only its unit's part: the batch is run again, unit by unit. */
export class BatchPoisoned extends Error {
  constructor(cause: unknown) {
    super('a statement failed outside any savepoint', { cause });
  }
}

/**
 * The engine's writes of a group-commit batch (group-commit.ts), held in memory and written together: at the
 * batch's end, or when a unit reads or writes what the held rows would change (`barrier`). On PostgreSQL what is
 * held goes as ONE statement of array parameters (batch-statement.ts): a round trip for the batch instead of one
 * per row (a round trip costs the API more CPU than PostgreSQL's work for it). A read the held rows would answer
 * (an instance moved, an idempotency record saved earlier in the batch) is answered from them, and what every step
 * reads first (its idempotency record, its instance, its school's settings) is read for the whole batch at its
 * start (`readAhead`).
 *
 * A unit whose writes are all still held needs no savepoint: refused, it drops them. A unit that reaches a
 * barrier writes its predecessors' rows, then takes its savepoint and writes its own, so a refusal still takes
 * back only its own. A statement that fails outside a savepoint, or a held move that finds its instance moved
 * by another process, fails the whole transaction (`BatchPoisoned`, `LostRace`): group commit then runs the
 * batch again unit by unit in `immediate` mode, the way every write went before, where each unit hears its own
 * answer.
 */
export class BatchWrites {
  private held: HeldWrite[] = [];
  /** Where the running unit's own held writes start. */
  private unitStart = 0;
  private unitSavepoint = false;
  private poisoned: unknown;
  /** Autocommit: a unit reached what needs a transaction (NeedsTransaction), however it answered its caller. */
  private needsTransaction = false;
  /** What the batch's steps were going to read first, read for all of them at its start (until a barrier). */
  private known?: StepsRead;
  private readonly sql: RawSql;
  private readonly immediate: boolean;
  private readonly autocommit: boolean;
  /** SQLite, autocommit: the thread the held rows are written on. */
  private readonly thread?: SqliteWriter;

  constructor(
    private readonly em: EntityManager,
    private readonly kind: DatabaseKind,
    mode: WriteMode,
    /** Whether units share the transaction (savepoints keep them apart); a lone unit's failure is its transaction's. */
    private readonly shared: boolean,
    /**
     * Autocommit: on PostgreSQL the writer's connection the read ahead and the batch statement go on; on SQLite the
     * thread the held rows are written on (reads go to the main connection).
     */
    to?: DriverConnection | SqliteWriter,
  ) {
    this.immediate = mode === 'immediate';
    this.autocommit = mode === 'autocommit';
    if (to instanceof SqliteWriter) this.thread = to;
    this.sql = new RawSql(em, to instanceof SqliteWriter ? undefined : to);
  }

  /** Writes it now (immediate) or holds it; false only when an immediate version-checked move changed no row. */
  async write(w: HeldWrite): Promise<boolean> {
    if (!this.immediate) {
      this.held.push(w);
      return true;
    }
    const changed = await this.sql.run(w.sql, w.values);
    return !w.mustChangeOne || changed === 1;
  }

  /**
   * The batch's start: what its steps read first (their idempotency records and instances), in one statement.
   * Another process may change those rows before the batch is written: its held rows then fail their unique key
   * or version check, and the batch runs again reading as it goes.
   */
  async readAhead(reads: StepReads[]): Promise<void> {
    if (this.immediate || !reads.length) return;
    // Sent together: the connection runs them one after the other, with no turn of the event loop between.
    const [known, people] = await Promise.all([
      readSteps(this.sql, this.kind, reads),
      readPeople(this.sql, this.kind, reads),
    ]);
    this.known = { ...known, people };
    for (const [schoolId, rows] of known.settings) rememberPolicy(this.em, schoolId, rows);
  }

  /** The person as the batch read them ahead (null: none such); undefined when not read ahead. */
  knownPerson(schoolId: string, id: string): Fact | null | undefined {
    return this.known?.people?.get(inSchool(schoolId, id));
  }

  /** The instance as the batch read it ahead (null: none); undefined when not read ahead. */
  knownInstance(schoolId: string, id: string): InstanceRow | null | undefined {
    return this.known?.instances.get(inSchool(schoolId, id));
  }

  /** The stored answer as the batch read it ahead (null: none); undefined when not read ahead. */
  knownAnswer(schoolId: string, actorId: string, key: string): StoredResponse | null | undefined {
    return this.known?.answers.get(answerKey(schoolId, actorId, key));
  }

  /** The instance as a held write of this batch leaves it, if one does. */
  heldInstance(id: string): InstanceRow | undefined {
    for (let i = this.held.length - 1; i >= 0; i--) if (this.held[i].instance?.id === id) return this.held[i].instance;
    return undefined;
  }

  /** The answer a held idempotency record stores, if one does. */
  heldAnswer(schoolId: string, actorId: string, key: string): StoredResponse | undefined {
    return this.held.find(
      (w) => w.answer && w.answer.schoolId === schoolId && w.answer.actorId === actorId && w.answer.key === key,
    )?.answer?.response;
  }

  /** Whether a held write would change what a read of this table (and row or instance, when given) finds. */
  holds(table: string, key?: string): boolean {
    return this.held.some((w) => w.table === table && (key === undefined || (w.about ?? w.key) === key));
  }

  /** A read of rows nothing held changes: a failure outside a savepoint spoils the transaction (PostgreSQL). */
  async read<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      if (this.shared && !this.unitSavepoint && !this.immediate && !this.autocommit) this.poisoned ??= err;
      throw err;
    }
  }

  /**
   * Before a statement that is not held, or a read of what is held: everything held is written, the running
   * unit's own rows after its savepoint, so what it does next can still be taken back alone.
   */
  async barrier(): Promise<void> {
    if (this.immediate) return;
    if (this.autocommit) {
      this.needsTransaction = true;
      throw new NeedsTransaction();
    }
    // What comes next may change what was read ahead.
    this.known = undefined;
    const own = this.held.splice(this.unitStart);
    const before = this.held;
    this.held = [];
    this.unitStart = 0;
    try {
      await this.writeAll(before);
    } catch (err) {
      this.poisoned ??= err;
      throw err;
    }
    if (this.shared && !this.unitSavepoint) {
      await this.sql.run('savepoint grif_unit', []);
      this.unitSavepoint = true;
    }
    await this.writeAll(own);
  }

  /**
   * Group commit starts a unit of a shared transaction. `held`: its writes go through this buffer (the
   * engine's); any other unit, and every unit of a batch run again, starts with its savepoint.
   */
  async beginUnit(held: boolean): Promise<void> {
    this.unitStart = this.held.length;
    this.unitSavepoint = false;
    if (!this.immediate) {
      if (!held) await this.barrier();
      return;
    }
    await this.sql.run('savepoint grif_unit', []);
    this.unitSavepoint = true;
  }

  /**
   * The unit's work returned: its writes stand. A savepoint is released on SQLite only: it checks every open
   * savepoint on each page it changes (nested, a transition cost 25 % more), while on PostgreSQL a release is a
   * round trip, and the next unit's savepoint nests in this one harmlessly (a rollback undoes only the latest,
   * COMMIT ends them all).
   */
  async unitDone(): Promise<void> {
    if (this.needsTransaction) throw new NeedsTransaction();
    // A unit may have caught a database error outside its savepoint: on PostgreSQL the transaction is spoilt, and
    // its COMMIT would quietly roll everything back.
    if (this.poisoned !== undefined) throw new BatchPoisoned(this.poisoned);
    if (this.unitSavepoint && this.kind === 'sqlite') await this.sql.run('release savepoint grif_unit', []);
    this.unitSavepoint = false;
    this.unitStart = this.held.length;
  }

  /**
   * The unit failed: its writes go. True when it had written some (rolled back to its savepoint: what the
   * transaction kept may have been read from them). Throws BatchPoisoned when only running the batch again can
   * take them back.
   */
  async unitFailed(err: unknown): Promise<boolean> {
    this.held.length = this.unitStart;
    if (this.needsTransaction) throw new NeedsTransaction();
    // A database error outside a savepoint, however it reached the unit, may have spoilt the transaction.
    if (!this.unitSavepoint && !this.immediate && !this.autocommit && err instanceof DriverException)
      this.poisoned ??= err;
    if (this.poisoned !== undefined) throw new BatchPoisoned(this.poisoned);
    if (!this.unitSavepoint) return false;
    this.unitSavepoint = false;
    await this.sql.run('rollback to savepoint grif_unit', []);
    if (this.kind === 'sqlite') await this.sql.run('release savepoint grif_unit', []);
    return true;
  }

  /** The batch's end: everything still held is written before COMMIT. */
  async flush(): Promise<void> {
    const all = this.held;
    this.held = [];
    this.unitStart = 0;
    // With no transaction, what is held must be one statement (PostgreSQL); cut once, here and for the write.
    const statements = this.autocommit && this.kind === 'postgresql' ? statementsOf(all) : undefined;
    if (statements && (statements.length > 1 || all.some((w) => !w.part))) throw new NeedsTransaction();
    await this.writeAll(all, statements);
  }

  private async writeAll(writes: HeldWrite[], statements?: HeldWrite[][]): Promise<void> {
    if (!writes.length) return;
    if (this.thread) {
      const result = await this.thread.write(writes);
      if (!result.committed) throw new LostRace();
      return;
    }
    if (this.kind === 'sqlite') {
      // In process, a statement costs no round trip: each runs prepared, in order.
      await this.sql.runEach(writes, (changes, i) => {
        if (changes !== 1 && writes[i].mustChangeOne) throw new LostRace();
      });
      return;
    }
    for (const part of statements ?? statementsOf(writes)) {
      const rows: PartRows = {};
      let moves = 0;
      for (const w of part) {
        if (!w.part) {
          // Not on the hot path (an instance created): alone, before the part's batch statement it may precede.
          if ((await this.sql.run(w.sql, w.values)) !== 1 && w.mustChangeOne) throw new LostRace();
          continue;
        }
        (rows[w.part] ??= []).push(w.row ?? w.values);
        if (w.mustChangeOne) moves++;
      }
      if (!Object.keys(rows).length) continue;
      const { text, values } = batchStatement(rows, moves);
      try {
        await this.sql.rows(text, values);
      } catch (err) {
        throw (err as { code?: string }).code === LOST_RACE_SQLSTATE ? new LostRace() : err;
      }
    }
  }
}

/**
 * The held writes cut into statements: all parts of one statement see the same snapshot and none sees
 * another's rows, so a write to a row that an earlier write of the same statement touched (a second move of one
 * instance, the issue line updated after its insert) starts the next statement.
 */
function statementsOf(writes: HeldWrite[]): HeldWrite[][] {
  const parts: HeldWrite[][] = [];
  let part: HeldWrite[] = [];
  let rows = new Set<string>();
  for (const w of writes) {
    const row = `${w.table}\u0000${w.key}`;
    if (rows.has(row)) {
      parts.push(part);
      part = [];
      rows = new Set();
    }
    part.push(w);
    rows.add(row);
  }
  if (part.length) parts.push(part);
  return parts;
}

const buffers = new WeakMap<object, BatchWrites>();

/**
 * The batch's writes of the transaction `em` runs (or of `em` itself: a batch run with no transaction), set by group
 * commit.
 */
export function batchWritesOf(em: EntityManager): BatchWrites | undefined {
  return buffers.get(em.getTransactionContext<object>() ?? em);
}

export function holdWritesOf(em: EntityManager, writes: BatchWrites): void {
  buffers.set(em.getTransactionContext<object>() ?? em, writes);
}
