import 'reflect-metadata';
import { cpus, loadavg } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@grif/core';
import type { Actor } from '@grif/domain';
import { WorkflowEngine } from '@grif/engine';
import { databaseSettings, WriteTransactions } from '@grif/persistence';
import { ApiModule } from '../apps/api/src/api.module';
import { configureHttp } from '../apps/api/src/bootstrap';
import { IdentityService } from '../apps/api/src/identity/identity.service';
import { dropKeys } from './redis-prefix';
import { scratchDatabase } from './scratch-database';
import { closedLoop, Measured } from './transitions/closed-loop';
import { cycleStep, foundSchool, stepTaken, storedDocuments, Walked } from './transitions/document-cycle';
import { HttpClient } from './transitions/http-client';
import { Pgbench, pgbenchDatabase } from './transitions/pgbench';
import { rawSqlitePerSecond } from './transitions/sqlite-loop';

/**
 * Transitions per second of the engine's send(), in process, at several client counts, each beside what the
 * database itself commits at the same client count in the same run:
 *  - PostgreSQL: `pgbench -b simple-update` on a scratch database initialised by `pgbench -i`;
 *  - SQLite: a raw better-sqlite3 loop, one insert and one update per transaction, with Grif's settings.
 * Each client walks documents of its own round ISSUE → ACKNOWLEDGE → RETURN, one at a time, so versions never
 * conflict. Prints `grif <database> <clients> <transitions/s> <p50 ms> <p99 ms>`, the baseline, and
 * `R <clients> <Grif ÷ baseline>`; then the same over HTTP (`grif-http …`, `R-http …`): the real API on a
 * loopback port, its clients in this same process. Lines starting with `#` are comments.
 * Run: `npm run bench:transitions` (SQLite) or `DATABASE_URL=postgres://… npm run bench:transitions`.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLIENTS = (process.env.BENCH_TRANSITIONS_CLIENTS ?? '1,8,32,64')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SECONDS = env('BENCH_TRANSITIONS_SECONDS', 10);
const WARMUP_SECONDS = env('BENCH_TRANSITIONS_WARMUP_SECONDS', 1);
const DOCS_PER_CLIENT = env('BENCH_TRANSITIONS_DOCS_PER_CLIENT', 4);
const PGBENCH_SCALE = env('BENCH_TRANSITIONS_PGBENCH_SCALE', 1);
/** 0 skips the run over HTTP. */
const HTTP = env('BENCH_TRANSITIONS_HTTP', 1) !== 0;

const fixed = (x: number, digits: number) => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');
const load = () => loadavg()[0].toFixed(1);

async function main(): Promise<void> {
  const kind = databaseSettings().kind;
  const config = loadConfig();
  const prefix = `grif-bench-transitions-${process.pid}`;
  const scratch = await scratchDatabase('bench_transitions');
  let pgbench: Pgbench | null = null;
  let app: INestApplication | undefined;
  try {
    if (kind === 'postgresql') pgbench = await pgbenchDatabase(databaseSettings().target, PGBENCH_SCALE);
    // The API as main.ts serves it (without the worker): in process, send() is called on its engine; over HTTP,
    // the same app answers on a loopback port.
    app = configureHttp(
      await NestFactory.create(
        ApiModule.forRoot({
          useFactory: () => ({ ...config, db: { ...config.db, ...scratch.db }, queue: { ...config.queue, prefix } }),
        }),
        { logger: ['error', 'warn'], abortOnError: false },
      ),
    );
    await app.init();
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const engine: WorkflowEngine = app.get(WorkflowEngine);
    const password = randomBytes(18).toString('base64url');
    const cast = await foundSchool(app.get(IdentityService), password);
    const http = new Map<string, HttpClient>([
      [cast.clerk.userId, await HttpClient.signIn(base, 'clerk', password)],
      [cast.holder.userId, await HttpClient.signIn(base, 'teacher', password)],
    ]);
    const docs = await storedDocuments(engine, cast, Math.max(...CLIENTS) * DOCS_PER_CLIENT);
    /** Round the client's own documents: one instance of it in flight at a time. */
    const nextOf = (client: number): Walked =>
      docs
        .slice(client * DOCS_PER_CLIENT, (client + 1) * DOCS_PER_CLIENT)
        .reduce((a, b) => (b.version < a.version ? b : a));
    let key = 0;
    const inProcess = async (doc: Walked, type: string, payload: object, actor: Actor) => {
      const out = await engine.send(doc.id, type, payload, actor, {
        idempotencyKey: `bench-${process.pid}-${++key}`,
        expectedVersion: doc.version,
      });
      if (out.status !== 200) throw new Error(`${type}: ${out.status} ${JSON.stringify(out.body)}`);
      return out.body.version;
    };
    const overHttp = (doc: Walked, type: string, payload: object, actor: Actor) =>
      http.get(actor.userId)!.send(doc.id, type, payload, `bench-${process.pid}-${++key}`, doc.version);
    const transactions = app.get(WriteTransactions);
    /** The closed loop, and how group commit wrote it: batches, and of those sent with no transaction. */
    const measure = async (clients: number, via: typeof inProcess) => {
      const before = { ...transactions.batches };
      const measured = await closedLoop(clients, SECONDS, WARMUP_SECONDS, async (client) => {
        const doc = nextOf(client);
        const { type, payload, actor } = cycleStep(cast, doc);
        stepTaken(doc, await via(doc, type, payload, actor));
      });
      const after = transactions.batches;
      const batches = after.batches - before.batches;
      const without = after.withoutTransaction - before.withoutTransaction;
      const threaded = after.onWriterThread - before.onWriterThread;
      const again = after.thenInTransaction - before.thenInTransaction;
      const how = kind === 'postgresql' ? `${without} with no transaction` : `${threaded} on the writer thread`;
      return { ...measured, batches: `${batches} batches, ${how}, ${again} run again in a transaction` };
    };
    const baselineName = kind === 'postgresql' ? 'pgbench' : 'sqlite-raw';
    console.log(
      `# bench:transitions on ${kind}: ISSUE → ACKNOWLEDGE → RETURN, ${DOCS_PER_CLIENT} documents per client, ` +
        `${SECONDS} s per point after ${WARMUP_SECONDS} s warm-up; baseline ${
          kind === 'postgresql'
            ? `pgbench -b simple-update, scale ${PGBENCH_SCALE}, -j ≤ ${cpus().length}`
            : 'raw better-sqlite3, insert + update per transaction'
        }; ${cpus().length} cores, load ${load()}`,
    );
    const report = (
      label: string,
      clients: number,
      baseline: number,
      grif: Measured & { batches: string },
      loadBefore: string,
    ) => {
      console.log(
        `${label} ${kind} ${clients} ${fixed(grif.perSecond, 1)} ${fixed(grif.p50Ms, 1)} ${fixed(grif.p99Ms, 1)}`,
      );
      console.log(`${label === 'grif' ? 'R' : 'R-http'} ${clients} ${fixed(grif.perSecond / baseline, 3)}`);
      console.log(
        `# ${label} ${clients} clients: ${grif.n} transitions counted, ${grif.errors} failed${
          grif.errors ? ` (first: ${String(grif.firstError)})` : ''
        }; ${fixed(grif.cpuUsPerStep, 0)} µs of this process's CPU per transition${
          grif.mainThreadUsPerStep === undefined ? '' : ` (${fixed(grif.mainThreadUsPerStep, 0)} on its main thread)`
        }; ${grif.batches}; load ${loadBefore} → ${load()}`,
      );
    };
    for (const clients of CLIENTS) {
      let loadBefore = load();
      const baseline = pgbench ? await pgbench.tps(clients, SECONDS, cpus().length) : await rawSqlitePerSecond(SECONDS);
      console.log(`${baselineName} ${clients} ${fixed(baseline, 1)}`);
      report('grif', clients, baseline, await measure(clients, inProcess), loadBefore);
      if (!HTTP) continue;
      loadBefore = load();
      report('grif-http', clients, baseline, await measure(clients, overHttp), loadBefore);
    }
  } finally {
    await app?.close();
    await dropKeys(config.queue.redisUrl, prefix);
    await scratch.drop();
    await pgbench?.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
