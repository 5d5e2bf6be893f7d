import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { Child, freePort, spawnChild } from '../../support/processes';

const run = promisify(execFile);
const PG_BIN = process.env.GRIF_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const REDIS_SERVER = process.env.GRIF_REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * A redis-server of the chaos suite's own, on a free port, keeping nothing on disk: FLUSHALL, kill -9
 * and a stop of 30 s hit only this suite, never the shared 127.0.0.1:6379 other people's tests use.
 */
export class ThrowawayRedis {
  private child?: Child;
  private constructor(readonly port: number) {}

  static async start(): Promise<ThrowawayRedis> {
    const r = new ThrowawayRedis(await freePort());
    await r.start();
    return r;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child?.alive() ?? false;
  }

  /** Starts (again) on the same port: clients that kept retrying reconnect by themselves. */
  async start(): Promise<void> {
    if (this.running) return;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.child = spawnChild(REDIS_SERVER, args);
    await this.child.waitFor(/Ready to accept connections/, 10_000);
  }

  /** A clean stop (SIGTERM); what Redis held in memory is gone, as after any restart without persistence. */
  async stop(): Promise<void> {
    await this.child?.stop(5000);
  }

  async kill9(): Promise<void> {
    if (!this.running) return;
    this.child!.proc.kill('SIGKILL');
    await this.child!.exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async flushall(): Promise<void> {
    const admin = new IORedis(this.url, { maxRetriesPerRequest: 1 });
    try {
      await admin.flushall();
    } finally {
      admin.disconnect();
    }
  }
}

/**
 * A PostgreSQL 15 cluster of the suite's own: initdb into a temporary directory owned by the `postgres`
 * OS user (we run as root, and PostgreSQL refuses to), trust authentication, a free port on 127.0.0.1.
 * It can be stopped (`fast`, or `immediate`: a crash, recovered from the WAL at the next start) and
 * started again on the same port while Grif's processes keep running.
 */
export class ThrowawayPostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** A new cluster: empty, or a copy of a stopped cluster's data directory (`template`). */
  static async start(template?: string): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'grif-chaos-pg-'));
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    chownSync(dir, uid, uid);
    const pg = new ThrowawayPostgres(await freePort(), dir);
    if (template) await run('cp', ['-a', template, pg.data]);
    else await pg.asPostgres('initdb', ['-D', pg.data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    await pg.start();
    return pg;
  }

  /** The data directory: after a clean stop, a template for other clusters. */
  get data(): string {
    return join(this.dir, 'data');
  }

  /** The URL of a database on this cluster. */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  private asPostgres(tool: string, args: string[]) {
    return run('runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args], { timeout: 60_000 });
  }

  async start(): Promise<void> {
    // fsync off: the machine does not crash here, only the server does (an immediate stop still
    // recovers from the WAL), and two shared cores should spend their time on Grif.
    const opts = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    await this.asPostgres('pg_ctl', ['-D', this.data, '-o', opts, '-l', join(this.dir, 'log'), '-w', 'start']);
  }

  /** `fast` ends every session cleanly; `immediate` is a crash (no checkpoint, WAL recovery at start). */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.asPostgres('pg_ctl', ['-D', this.data, '-m', mode, '-w', 'stop']).catch(() => undefined);
  }

  async createDatabase(name: string): Promise<string> {
    const c = new Client({ connectionString: this.url() });
    await c.connect();
    try {
      await c.query(`create database ${name}`);
    } finally {
      await c.end();
    }
    return this.url(name);
  }

  /** Stops the cluster and removes its files: afterAll calls it whatever happened. */
  async destroy(): Promise<void> {
    await this.stop('immediate');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
