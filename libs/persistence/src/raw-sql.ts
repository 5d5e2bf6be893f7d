import type { EntityManager, Knex } from '@mikro-orm/knex';
import { runPrepared, type DriverConnection, type StatementResult } from './prepared-statements';

/**
 * Parameterised statements on an entity manager's connection (inside its transaction when it runs one),
 * without MikroORM's query builder. For the statements every event runs: building each through the ORM's
 * criteria and knex's compiler took more CPU than the database took to run it (bench/deadlines); inside a
 * transaction they skip knex too and go to the driver as prepared statements (prepared-statements.ts).
 * Placeholders are `?`; values never enter the SQL text. Errors come out as the ORM's (a unique key
 * taken is a UniqueConstraintViolationException), so the engine tells a lost race as before.
 */
export class RawSql {
  private readonly trx: Knex.Transaction | undefined;
  private readonly knex: Knex;
  /** The transaction's connection, once asked for: it is the same for the transaction's whole life. */
  private connection?: DriverConnection;

  /** `on`: a connection of its own to run on (a group-commit writer's, outside any transaction of the ORM's). */
  constructor(
    private readonly em: EntityManager,
    private readonly on?: DriverConnection,
  ) {
    this.trx = em.getTransactionContext<Knex.Transaction>();
    this.knex = em.getKnex();
  }

  /** The transaction's own connection: a knex transaction hands it out without touching the pool. */
  private async transactionConnection(): Promise<DriverConnection> {
    return (this.connection ??= (await this.trx!.client.acquireConnection()) as DriverConnection);
  }

  private async raw(sql: string, params: readonly unknown[], options: StatementOptions = {}): Promise<StatementResult> {
    const values = nullForUndefined(params);
    try {
      if (this.on) return await runPrepared(this.on, sql, values, options.oneOff);
      if (this.trx) return await runPrepared(await this.transactionConnection(), sql, values, options.oneOff);
      // A connection of the pool for the one statement: prepared once per connection as well (knex would parse and
      // plan it again on every call; the sign-in read of every request is one of these).
      const client = this.knex.client;
      const connection = (await client.acquireConnection()) as DriverConnection;
      try {
        return await runPrepared(connection, sql, values, options.oneOff);
      } finally {
        await client.releaseConnection(connection);
      }
    } catch (err) {
      throw this.em.getDriver().convertException(err as Error);
    }
  }

  /** The rows a select answers. */
  async rows<T>(sql: string, params: readonly unknown[], options?: StatementOptions): Promise<T[]> {
    return ((await this.raw(sql, params, options)).rows ?? []) as T[];
  }

  /** How many rows an insert, update or delete changed. */
  async run(sql: string, params: readonly unknown[]): Promise<number> {
    return (await this.raw(sql, params)).changes;
  }

  /**
   * Statements in order inside the transaction; `check` sees how many rows each changed, before the next runs,
   * and stops them by throwing. On SQLite nothing is awaited between them (a batch's held rows: four a transition).
   */
  async runEach(
    statements: readonly { sql: string; values: readonly unknown[] }[],
    check: (changes: number, index: number) => void,
  ): Promise<void> {
    if (!this.trx) throw new Error('RawSql.runEach runs inside a transaction');
    const connection = await this.transactionConnection();
    if (!('prepare' in connection)) {
      for (const [i, s] of statements.entries()) check(await this.run(s.sql, s.values), i);
      return;
    }
    for (const [i, s] of statements.entries()) {
      let changes: number;
      try {
        changes = (runPrepared(connection, s.sql, nullForUndefined(s.values)) as StatementResult).changes;
      } catch (err) {
        throw this.em.getDriver().convertException(err as Error);
      }
      check(changes, i);
    }
  }
}

const nullForUndefined = (params: readonly unknown[]) => params.map((v) => (v === undefined ? null : v));

interface StatementOptions {
  /** A text built for one use (a batch's writes): not kept as a named statement. */
  oneOff?: boolean;
}

/** `(?, ?, ?), (?, ?, ?)`: the values of a multi-row insert. */
export const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/** `(?, ?, ?)`: the list of an `in` with `n` values. */
export const inList = (n: number) => placeholders(1, n);
