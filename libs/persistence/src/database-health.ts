import { ConnectionException, LockWaitTimeoutException, MikroORM } from '@mikro-orm/core';

/** Which machine versions the stored instances need (boot refuses to run without them). */
export async function storedMachineVersions(orm: MikroORM): Promise<{ machineId: string; machineVersion: number }[]> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ machine_id: string; machine_version: number }[]>(
      'select distinct machine_id, machine_version from workflow_instances',
    );
  return rows.map((r: { machine_id: string; machine_version: number }) => ({
    machineId: r.machine_id,
    machineVersion: Number(r.machine_version),
  }));
}

export function pingDatabase(orm: MikroORM): Promise<boolean> {
  return orm.em
    .fork()
    .getConnection()
    .execute('select 1')
    .then(
      () => true,
      () => false,
    );
}

// PostgreSQL: connection exceptions (08), shutting down / starting up (57P0x), too many connections (53300).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);
// "Transaction query already complete": knex ends a transaction whose connection died (PostgreSQL
// restarted under it), and the transaction's next query says so instead of naming the lost connection.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Timeout acquiring a connection|not currently accepting connections|database is locked|Client has encountered a connection error|connect ECONNREFUSED|Transaction query already complete/i;

/** The database cannot be reached or is locked past its busy timeout: try again later (503), not a bug (500). */
export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  if (err instanceof ConnectionException || err instanceof LockWaitTimeoutException) return true;
  const e = err as { code?: unknown; sqlState?: unknown; name?: unknown; message?: unknown; cause?: unknown };
  if ([e.code, e.sqlState].some((c) => typeof c === 'string' && (UNAVAILABLE_CODES.has(c) || c.startsWith('08'))))
    return true;
  if (e.name === 'KnexTimeoutError' || (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
