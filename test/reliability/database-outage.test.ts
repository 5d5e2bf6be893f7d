import { Client } from 'pg';
import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';

/**
 * While the database cannot answer (PostgreSQL refusing connections, SQLite locked past
 * its busy timeout) a request gets 503 with Retry-After and a code that says so — never
 * "500 Internal error" — and the same request succeeds once the database is back.
 */
describe('a database outage answers 503 with Retry-After', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ busyTimeoutMs: 300 });
  });
  afterAll(() => api?.close());

  /** Takes the database away in its own way per engine; returns how to bring it back. */
  async function outage(): Promise<() => Promise<void>> {
    const { kind, target } = api.db.settings;
    if (kind === 'sqlite') {
      // A second connection of its own (better-sqlite3 ships no types): it holds the write lock.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const holder: { exec(sql: string): void; close(): void } = new (require('better-sqlite3'))(target);
      holder.exec('BEGIN EXCLUSIVE');
      return async () => {
        holder.exec('ROLLBACK');
        holder.close();
      };
    }
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    const name = new URL(target).pathname.slice(1);
    await admin.query(`alter database ${name} allow_connections false`);
    await admin.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    return async () => {
      await admin.query(`alter database ${name} allow_connections true`);
      await admin.end();
    };
  }

  it("refuses with 503 DATABASE_UNAVAILABLE in the reader's language, then works again", async () => {
    const restore = await outage();
    let refused;
    try {
      refused = await api.call('clerk', 'POST', '/api/documents', REGISTRATION, {
        'accept-language': 'ru',
        'idempotency-key': 'outage-1',
      });
    } finally {
      await restore();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'База данных временно недоступна. Повторите попытку чуть позже.',
    });
    const again = await api.call('clerk', 'POST', '/api/documents', REGISTRATION, { 'idempotency-key': 'outage-1' });
    expect(again.status).toBe(201);
    expect(again.body.state).toBe('registered');
  });
});
