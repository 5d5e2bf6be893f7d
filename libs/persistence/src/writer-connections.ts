import type { Pool, PoolClient } from 'pg';

/**
 * PostgreSQL: the connections group commit's writers send a batch on when it needs no transaction of its own
 * (group-commit.ts): the read ahead, then the one batch statement. Kept apart from the ORM's pool because they plan
 * their prepared statements once for any batch (`plan_cache_mode = force_generic_plan`, for the session): left to
 * itself PostgreSQL planned the batch statement again on every execution, ~0.8 ms of its CPU (measured), and that
 * setting is no good for the ORM's queries. Inside a transaction the same is set for the transaction only
 * (step-reads.ts, GENERIC_PLANS).
 */
export class WriterConnections {
  private readonly pool: Pool;

  constructor(url: string, writers: number) {
    // Loaded here, on PostgreSQL only: a SQLite process never needs the client.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as said above
    const { Pool: Pools } = require('pg') as typeof import('pg');
    this.pool = new Pools({
      connectionString: url,
      max: writers,
      options: '-c plan_cache_mode=force_generic_plan',
      idleTimeoutMillis: 30_000,
      // A server that does not answer: the batch goes on in a transaction of the ORM's, which says why.
      connectionTimeoutMillis: 10_000,
      // A test's or a script's process ends without closing it.
      allowExitOnIdle: true,
    });
    // An idle connection the server dropped (a restart) is discarded, and another opened when asked; what the
    // outage means is reported by the ORM's connections, which every request uses.
    this.pool.on('error', () => undefined);
  }

  /** One connection for `work`; after a failure it is closed rather than reused, whatever state it was left in. */
  async use<T>(work: (connection: PoolClient) => Promise<T>): Promise<T> {
    const connection = await this.pool.connect();
    let failed = false;
    // Dropped between two statements (a server restart), the connection says so as an event: unheard, it would end
    // the process. The next statement then fails, and the batch goes on in a transaction of the ORM's.
    const dropped = () => (failed = true);
    connection.on('error', dropped);
    try {
      return await work(connection);
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      connection.off('error', dropped);
      connection.release(failed);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
