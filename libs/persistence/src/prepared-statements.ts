import { createHash } from 'node:crypto';

/** better-sqlite3's Database or pg's Client: the connection a knex transaction holds. */
export type DriverConnection = SqliteConnection | PgConnection;

interface SqliteStatement {
  reader: boolean;
  all(params: unknown[]): unknown[];
  run(params: unknown[]): { changes: number };
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface PgConnection {
  query(config: {
    name?: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

export interface StatementResult {
  rows?: unknown[];
  changes: number;
}

/**
 * One statement of the hot path, prepared once per connection and run straight on the driver: better-sqlite3
 * keeps the compiled statement (knex prepares it again on every call), PostgreSQL keeps the named statement's
 * plan for the session. Placeholders are `?`, as everywhere in Grif's plain SQL. `oneOff`: a text built for one
 * use (a batch's writes together) goes unnamed. better-sqlite3 answers at once, so SQLite's result is not a
 * promise: a transition runs a dozen statements, and every promise costs the async hooks' bookkeeping too.
 */
export function runPrepared(
  connection: DriverConnection,
  sql: string,
  values: unknown[],
  oneOff = false,
): StatementResult | Promise<StatementResult> {
  if ('prepare' in connection) {
    let cache = sqliteStatements.get(connection);
    if (!cache) sqliteStatements.set(connection, (cache = new Map()));
    let statement = cache.get(sql);
    if (!statement) cache.set(sql, (statement = connection.prepare(sql)));
    const bound = values.map(sqliteValue);
    if (statement.reader) {
      const rows = statement.all(bound);
      return { rows, changes: rows.length };
    }
    return { changes: statement.run(bound).changes };
  }
  return connection
    .query({ ...pgText(sql, oneOff), values })
    .then((r) => ({ rows: r.rows, changes: Number(r.rowCount ?? 0) }));
}

const sqliteStatements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
const pgTexts = new Map<string, { name: string; text: string }>();

/**
 * `?` → `$n` (as knex's PostgreSQL dialect numbers them), named by the statement's hash. Past the first
 * PG_NAMED texts (a multi-row insert is a text per row count) the rest go unnamed: each session keeps what it named.
 */
function pgText(sql: string, oneOff: boolean): { name?: string; text: string } {
  const known = pgTexts.get(sql);
  if (known) return known;
  let n = 0;
  const text = sql.replace(/\?/g, () => `$${++n}`);
  if (oneOff || pgTexts.size >= PG_NAMED) return { text };
  const named = { name: `grif_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`, text };
  pgTexts.set(sql, named);
  return named;
}
const PG_NAMED = 500;

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; knex turned booleans and dates into numbers. */
export function sqliteValue(v: unknown): unknown {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Date) return v.valueOf();
  return v;
}
