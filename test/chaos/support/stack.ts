import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { Child, freePort, spawnNode } from '../../support/processes';
import { RemoteApi } from './client';
import { say } from './report';
import { ThrowawayPostgres, ThrowawayRedis } from './services';

/**
 * The data directory of a stopped cluster holding the migrated demo school, made once per jest process
 * (--runInBand: every scenario file runs in it) and copied by each scenario: seeding the demo school
 * (its signing certificates) takes 10–20 s on two busy cores, and every scenario would pay it again.
 */
async function demoTemplate(): Promise<string> {
  // Named by the jest process (jest gives each file its own process.env, not its own pid); removed by
  // test/chaos/support/global-teardown.js.
  const known = join(tmpdir(), `grif-chaos-template-${process.pid}`, 'data');
  if (existsSync(known)) return known;
  const maker = new ChaosStack();
  maker.pg = await ThrowawayPostgres.start();
  maker.redis = await ThrowawayRedis.start();
  try {
    maker.databaseUrl = await maker.pg.createDatabase('grif');
    await maker.seed();
    await maker.pg.stop('fast');
    mkdirSync(dirname(known), { recursive: true });
    await promisify(execFile)('cp', ['-a', maker.pg.data, known]);
    say('made the template cluster: migrated, demo school seeded (copied by every scenario)');
    return known;
  } finally {
    await maker.close();
  }
}

/** The chaos form: `CHAOS_SHORT=1` (CI) shortens loads and outages; the full form is the default. */
export const SHORT = process.env.CHAOS_SHORT === '1';
/** Picks the short or the full figure. */
export const sized = (short: number, full: number) => (SHORT ? short : full);

export interface StackOptions {
  apis?: number;
  workers?: number;
  /** Extra environment of every worker process. */
  workerEnv?: Record<string, string>;
}

/**
 * One Grif install of the chaos suite's own: a throw-away PostgreSQL cluster and redis-server, the
 * committed migrations, API processes (the first seeds the demo school) and worker processes, all from
 * dist/ as production runs them. `close()` removes everything, whatever state a scenario left it in.
 */
export class ChaosStack {
  readonly apis: Child[] = [];
  readonly workers: Child[] = [];
  readonly bases: string[] = [];
  readonly prefix = `grif-chaos-${randomBytes(4).toString('hex')}`;
  api!: RemoteApi;
  databaseUrl = '';
  pg?: ThrowawayPostgres;
  redis?: ThrowawayRedis;

  /** Migrates the empty database and lets the first API process seed the demo school in it. */
  async seed(): Promise<void> {
    const migrate = spawnNode('tools/migrate.js', this.env());
    const { code } = await migrate.exited;
    if (code !== 0) throw new Error(`migration failed:\n${migrate.output()}`);
    await (await this.startApi(true)).stop();
  }

  /** Env of every Grif process: the reconciler runs every 2 s (production: 60 s) so a scenario waits seconds, not minutes. */
  private env(): Record<string, string | undefined> {
    return {
      DATABASE_URL: this.databaseUrl,
      DATABASE_OWNER_URL: undefined,
      REDIS_URL: this.redis!.url,
      GRIF_QUEUE_PREFIX: this.prefix,
      GRIF_RECONCILE_MS: '2000',
      GRIF_RELAY_POLL_MS: '500',
      GRIF_DIGEST_MS: '0',
      GRIF_SMTP_URL: undefined,
      GRIF_TEST_HOLD_AFTER_FIRE_MS: undefined,
      GRIF_DATA_DIR: '/nonexistent',
    };
  }

  async start(o: StackOptions = {}): Promise<this> {
    this.pg = await ThrowawayPostgres.start(await demoTemplate());
    this.redis = await ThrowawayRedis.start();
    this.databaseUrl = this.pg.url('grif');
    say(
      `started PostgreSQL on port ${this.pg.port} (a copy of the migrated demo school) and redis-server on port ${this.redis.port}`,
    );
    const workers = Array.from({ length: o.workers ?? 1 }, () => this.startWorker(o.workerEnv));
    await this.startApi(true);
    for (let i = 1; i < (o.apis ?? 1); i++) await this.startApi();
    await Promise.all(workers);
    this.api = new RemoteApi(this.bases);
    await this.api.signIn();
    say(`started ${this.apis.length} API and ${this.workers.length} worker process(es) from dist/, demo school seeded`);
    return this;
  }

  async startApi(seedDemo = false): Promise<Child> {
    const port = await freePort();
    const api = spawnNode('apps/api/src/main.js', {
      ...this.env(),
      PORT: String(port),
      GRIF_DEMO: seedDemo ? '1' : '0',
    });
    this.apis.push(api);
    await api.waitFor(/API on http/, 120_000);
    this.bases.push(`http://127.0.0.1:${port}`);
    return api;
  }

  async startWorker(env: Record<string, string> = {}): Promise<Child> {
    const w = spawnNode('apps/worker/src/main.js', { ...this.env(), ...env });
    this.workers.push(w);
    await w.waitFor(/grif-worker: started/, 120_000);
    return w;
  }

  /** The workers still running. */
  liveWorkers(): Child[] {
    return this.workers.filter((w) => w.alive());
  }

  /** One query on the install's database, on a connection of its own (it may have been restarted). */
  async sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
    const c = new Client({ connectionString: this.databaseUrl });
    await c.connect();
    try {
      return (await c.query(text, params)).rows as T[];
    } finally {
      await c.end();
    }
  }

  /** The errors the Grif processes logged (with their stacks), for a failed scenario's message. */
  errorLog(): string {
    return [...this.apis, ...this.workers]
      .map((c, i) => {
        const lines = c.output().split('\n');
        const at = lines.flatMap((l, j) => (/ERROR|Error:/.test(l) ? [j] : []));
        return at.length ? `--- process ${i}\n${at.map((j) => lines.slice(j, j + 12).join('\n')).join('\n')}` : '';
      })
      .filter(Boolean)
      .join('\n')
      .slice(0, 20_000);
  }

  async close(): Promise<void> {
    // A failed scenario leaves its load running: its loops end at their next call.
    if (this.api) this.api.closed = true;
    const all = [...this.apis, ...this.workers];
    await Promise.all(all.map((c) => c.stop(5000).catch(() => undefined)));
    await this.redis?.kill9().catch(() => undefined);
    await this.pg?.destroy().catch(() => undefined);
  }
}
