import type { EntityManager, Knex } from '@mikro-orm/knex';

/**
 * Parameterised statements on an entity manager's connection (inside its transaction when it runs one),
 * without MikroORM's query builder. For the statements every event runs: building each through the ORM's
 * criteria and knex's compiler took more CPU than the database took to run it (bench/deadlines).
 * Placeholders are `?`; values never enter the SQL text. Errors come out as the ORM's (a unique key
 * taken is a UniqueConstraintViolationException), so the engine tells a lost race as before.
 */
export class RawSql {
  private readonly k: Knex | Knex.Transaction;

  constructor(private readonly em: EntityManager) {
    this.k = em.getTransactionContext<Knex.Transaction>() ?? em.getKnex();
  }

  private async raw(sql: string, params: readonly unknown[]) {
    try {
      return await this.k.raw(
        sql,
        params.map((v) => (v === undefined ? null : (v as Knex.Value))),
      );
    } catch (err) {
      throw this.em.getDriver().convertException(err as Error);
    }
  }

  /** The rows a select answers. */
  async rows<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const r = await this.raw(sql, params);
    // better-sqlite3 answers the rows, pg a result that holds them.
    return (Array.isArray(r) ? r : r.rows) as T[];
  }

  /** How many rows an insert, update or delete changed. */
  async run(sql: string, params: readonly unknown[]): Promise<number> {
    const r = await this.raw(sql, params);
    return Number(r.changes ?? r.rowCount ?? 0);
  }
}

/** `(?, ?, ?), (?, ?, ?)`: the values of a multi-row insert. */
export const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');
