import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { loadConfig } from '@grif/core';
import { databaseSettings, DatabaseSettings, migrateDatabase, RegisterSnapshots } from '@grif/persistence';
import { MIGRATIONS } from '../libs/persistence/src/migrations';
import {
  REGISTER_SNAPSHOT_EVENTS,
  REGISTER_SNAPSHOT_LAG_MS,
} from '../apps/worker/src/processors/maintenance.processor';
import { ApiModule } from '../apps/api/src/api.module';
import { configureHttp } from '../apps/api/src/bootstrap';
import { dropKeys } from './redis-prefix';
import { scratchDatabase } from './scratch-database';
import { foundDistrict, type SchoolCast } from './scale/district';
import { formatMeasured, measure, PROBES, random, type Measured, type Pick } from './scale/measure';
import { seedDistrict } from './scale/seed';
import { walkTemplates } from './scale/templates';

/**
 * Issue 12, "Scale": a district on PostgreSQL with BENCH_SCALE_DOCS documents and BENCH_SCALE_EVENTS history events,
 * generated server-side from documents made through the engine; then each list, filter and search query and the
 * history pages through the real API over HTTP, p50/p95/p99 — first on the schema as it was before the scale
 * migrations ("before"), then after them ("after"). The scratch database is dropped at the end
 * (BENCH_SCALE_KEEP=1 keeps it and prints its URL). docs/performance-scale.md has the figures.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SMALL = process.env.BENCH_SCALE_SMALL === '1';
const DOCS = env('BENCH_SCALE_DOCS', SMALL ? 20_000 : 1_000_000);
const EVENTS = env('BENCH_SCALE_EVENTS', SMALL ? 200_000 : 10_000_000);
const SCHOOLS = env('BENCH_SCALE_SCHOOLS', SMALL ? 10 : 50);
const REQUESTS = env('BENCH_SCALE_REQUESTS', 200);
/** Schools whose readers sign in and ask (each sign-in costs a scrypt). */
const ASKING = Math.min(SCHOOLS, env('BENCH_SCALE_ASKING_SCHOOLS', 10));
/**
 * 1: seed on the schema before the scale indexes and measure it too ("before"), then migrate. Off by default: the
 * district is founded through this build's entities, which need that schema's later columns (a one-time password's
 * expiry, OneTimePasswordUntil20261208); "before" now takes the build of its day.
 */
const BEFORE = env('BENCH_SCALE_BEFORE', 0) !== 0;
/** 0: no register snapshots are taken (their first run is ~12 min at full size) and the "as at" probes are skipped. */
const SNAPSHOTS = env('BENCH_SCALE_SNAPSHOTS', 1) !== 0;
/** The last migration of the schema "before". */
const BEFORE_SCHEMA = 'AppendOnlyHistory20261203';
/**
 * all: seed, measure, drop. seed: seed and keep (prints the URL). measure: only measure the kept database
 * BENCH_SCALE_URL (BENCH_SCALE_MIGRATE=1 applies pending migrations first; BENCH_SCALE_LABEL names the run).
 */
const PHASE = process.env.BENCH_SCALE_PHASE ?? 'all';

const log = (line: string) => console.log(line);

async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  return body.token;
}

/** A document of each asking school, drawn at random (the history pages), by primary key order of a random uuid. */
async function someDocuments(url: string, schools: SchoolCast[]): Promise<Map<string, string[]>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const out = new Map<string, string[]>();
    for (const s of schools) {
      const r = await c.query<{ id: string }>(
        `select id from documents where school_id = $1 and id > $2 order by id limit 50`,
        [
          s.schoolId,
          randomBytes(16)
            .toString('hex')
            .replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'),
        ],
      );
      out.set(
        s.schoolId,
        r.rows.map((x) => x.id),
      );
    }
    return out;
  } finally {
    await c.end();
  }
}

/** The district's cast and password, kept in the scratch database so a later run can measure it again. */
async function saveCast(url: string, schools: SchoolCast[], password: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('create table bench_scale_cast (cast_json text not null, password text not null)');
  await c.query('insert into bench_scale_cast values ($1, $2)', [JSON.stringify(schools), password]);
  await c.end();
}

async function loadCast(url: string): Promise<{ schools: SchoolCast[]; password: string }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const r = await c.query<{ cast_json: string; password: string }>('select * from bench_scale_cast');
  await c.end();
  return { schools: JSON.parse(r.rows[0].cast_json), password: r.rows[0].password };
}

async function startApi(db: DatabaseSettings, prefix: string): Promise<{ app: INestApplication; base: string }> {
  const config = loadConfig();
  const app = configureHttp(
    await NestFactory.create(
      ApiModule.forRoot({ useFactory: () => ({ ...config, db, queue: { ...config.queue, prefix } }) }),
      { logger: ['error', 'warn'], abortOnError: false },
    ),
  );
  await app.init();
  await app.listen(0, '127.0.0.1');
  return { app, base: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

/** Every probe once over, printed one line each. */
async function measureAll(base: string, url: string, schools: SchoolCast[], password: string, label: string) {
  const asking = schools.slice(0, ASKING);
  const tokens = new Map<string, string>();
  for (const s of asking)
    for (const who of ['clerk', 'auditor'])
      tokens.set(`${who}@${s.code}`, await signIn(base, `${who}@${s.code}`, password));
  const docs = await someDocuments(url, asking);
  const pickFor = (seed: number) => {
    const r = random(seed * 7919 + 17);
    return (i: number): Pick => {
      const school = asking[(i + r(ASKING)) % ASKING];
      const ids = docs.get(school.schoolId)!;
      return { school, documentId: ids[r(ids.length)], staffId: school.staff[r(school.staff.length)], int: r };
    };
  };
  const only = process.env.BENCH_SCALE_ONLY;
  for (const [k, probe] of PROBES.entries()) {
    if (only && !probe.name.includes(only)) continue;
    // This branch's code on the schema before it (`all`, "before") has no snapshot table: measure main's build for those.
    if (probe.snapshots && (label === 'before' || !SNAPSHOTS)) continue;
    const m: Measured = await measure(base, probe, tokens, pickFor(k), REQUESTS);
    log(formatMeasured(label, m));
  }
  log(`# ${label}: load ${loadavg()[0].toFixed(1)}`);
}

async function main(): Promise<void> {
  if (databaseSettings().kind !== 'postgresql') throw new Error('bench:scale needs DATABASE_URL=postgres://…');
  const config = loadConfig();
  const prefix = `grif-bench-scale-${process.pid}`;
  const header = () =>
    `# bench:scale ${new Date().toISOString()}: ${cpus().length} × ${cpus()[0]?.model}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB, load ${loadavg()[0].toFixed(1)}`;
  if (PHASE === 'measure') {
    const url = process.env.BENCH_SCALE_URL;
    if (!url) throw new Error('BENCH_SCALE_PHASE=measure needs BENCH_SCALE_URL (printed by BENCH_SCALE_PHASE=seed)');
    const db: DatabaseSettings = { kind: 'postgresql', target: url };
    log(header());
    if (process.env.BENCH_SCALE_MIGRATE === '1') {
      const t1 = Date.now();
      const applied = await migrateDatabase(db);
      await analyze(url);
      log(`migrate: ${applied.join(', ') || 'nothing pending'} in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    const { schools, password } = await loadCast(url);
    const { app, base } = await startApi(db, prefix);
    try {
      if (process.env.BENCH_SCALE_MIGRATE === '1' && SNAPSHOTS) await takeSnapshots(app);
      await measureAll(base, url, schools, password, process.env.BENCH_SCALE_LABEL ?? 'now');
    } finally {
      await app.close();
      await dropKeys(config.queue.redisUrl, prefix);
    }
    return;
  }
  const scratch = await scratchDatabase('bench_scale', BEFORE ? { to: BEFORE_SCHEMA } : {});
  const url = scratch.db.target;
  let app: INestApplication | undefined;
  let keep = PHASE === 'seed' || process.env.BENCH_SCALE_KEEP === '1';
  try {
    log(`${header()}; ${DOCS} documents, ~${EVENTS} events, ${SCHOOLS} schools`);
    const started = await startApi(scratch.db, prefix);
    app = started.app;
    const password = randomBytes(18).toString('base64url');
    const t0 = Date.now();
    const schools = await foundDistrict(app, SCHOOLS, password);
    const length = 2 * Math.round(EVENTS / DOCS) - 1;
    const templates = await walkTemplates(app, schools[0], length);
    log(
      `seed: ${SCHOOLS} schools and ${templates.length} template documents in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    const seeded = await seedDistrict(url, { docs: DOCS, events: EVENTS }, schools, templates, log);
    log(
      `seed: done in ${seeded.seconds.toFixed(0)} s (templates included: ${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    await saveCast(url, schools, password);
    if (PHASE === 'seed') return;
    if (BEFORE) {
      await measureAll(started.base, url, schools, password, 'before');
      const t1 = Date.now();
      const applied = await migrateDatabase(scratch.db);
      await analyze(url);
      log(`migrate: ${applied.join(', ')} in ${((Date.now() - t1) / 1000).toFixed(1)} s`);
    }
    if (SNAPSHOTS) await takeSnapshots(app);
    await measureAll(started.base, url, schools, password, 'after');
    log(`# after: ${MIGRATIONS.length} migrations`);
  } catch (err) {
    keep = false;
    throw err;
  } finally {
    await app?.close();
    await dropKeys(config.queue.redisUrl, prefix);
    if (keep) log(`# kept: ${url} (drop it: psql -c 'drop database …')`);
    else await scratch.drop();
  }
}

/** The register snapshots the worker's periodic job would have taken by now (its first run on an old database). */
async function takeSnapshots(app: INestApplication): Promise<void> {
  const t0 = Date.now();
  const now = new Date();
  const upTo = new Date(now.getTime() - REGISTER_SNAPSHOT_LAG_MS).toISOString();
  const taken = await app.get(RegisterSnapshots).takeAll(upTo, REGISTER_SNAPSHOT_EVENTS, now.toISOString());
  log(
    `snapshots: ${taken} per kind, every ${REGISTER_SNAPSHOT_EVENTS} events, in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
  );
}

/**
 * VACUUM ANALYZE, as autovacuum leaves a database that has lived a while: a bare ANALYZE left a seeded district's
 * visibility map behind its writes, and the planner read the school's 20,000 instances row by row for the audit
 * total (60 ms) rather than from the index it reads after a vacuum (3 ms).
 */
async function analyze(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  await c.query('vacuum analyze');
  await c.end();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
