import { Client } from 'pg';
import { WriterConnections } from '@grif/persistence';

const server = process.env.DATABASE_URL;
const onPostgres = !!server && /^postgres/.test(server);

// The writers' own connections are PostgreSQL's; SQLite's one writer is the ORM's connection.
(onPostgres ? describe : describe.skip)('group commit: the writers’ own connections (PostgreSQL)', () => {
  it('a connection the server drops between two statements fails its batch, not the process; the next gets a new one', async () => {
    const writers = new WriterConnections(server!, 1);
    const admin = new Client({ connectionString: server });
    await admin.connect();
    try {
      let dropped: number | undefined;
      await expect(
        writers.use(async (connection) => {
          dropped = (await connection.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid;
          await admin.query('select pg_terminate_backend($1)', [dropped]);
          // The server's word that it closed the connection arrives while no statement runs (a batch's units).
          await new Promise((resolve) => setTimeout(resolve, 200));
          await connection.query('select 1');
        }),
      ).rejects.toThrow();
      const next = await writers.use(
        async (connection) => (await connection.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0].pid,
      );
      expect(next).not.toBe(dropped);
      // The batch statement is planned once for any batch on these connections.
      const mode = await writers.use(async (c) => (await c.query('show plan_cache_mode')).rows[0].plan_cache_mode);
      expect(mode).toBe('force_generic_plan');
    } finally {
      await admin.end();
      await writers.close();
    }
  });
});
