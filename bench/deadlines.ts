import { cpus, loadavg } from 'node:os';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GrifConfig, loadConfig } from '@grif/core';
import { WriteTransactions } from '@grif/persistence';
import { OutboxRelay } from '@grif/queue';
import { DeadlineProcessor, jobWorkerOptions, WorkerModule } from '@grif/worker';
import { alarmMemory } from './deadlines/alarm-memory';
import { startExtraWorkers } from './deadlines/extra-workers';
import { cloneIssued, issueTemplate } from './deadlines/issued-documents';
import { dueTimes, lateness, Lateness, seconds, shown, waitFor } from './deadlines/lateness';
import { plainDelayedJobs } from './deadlines/plain-bullmq';
import { dropKeys } from './redis-prefix';
import { scratchDatabase } from './scratch-database';

/**
 * How late Grif's deadlines fire when many fall due in the same minute, beside plain BullMQ delayed
 * jobs of the same number on the same Redis in the same run; and the Redis memory of pending alarms.
 * Run: `npm run bench:deadlines` (SQLite) or `DATABASE_URL=postgres://… npm run bench:deadlines`.
 */
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const N = env('BENCH_DEADLINES_N', 10_000);
/** The first due time, this far after the alarms start being armed. */
const LEAD_MS = env('BENCH_DEADLINES_LEAD_MS', 30_000);
/** Due times evenly over this window; 0 puts them all at one instant. */
const SPREAD_MS = env('BENCH_DEADLINES_SPREAD_MS', 60_000);
/** How long after the last due time a run may take before it counts as unfinished. */
const WAIT_MS = env('BENCH_DEADLINES_WAIT_MS', 60_000);
const MEMORY_N = env('BENCH_DEADLINES_MEMORY_N', 100_000);
/** Grif worker processes: this one, and as many more as asked (PostgreSQL scales out this way). */
const WORKERS = Math.max(1, env('BENCH_DEADLINES_WORKERS', 1));
const GOAL_P99_MS = 1000;
const GOAL_MEMORY_BYTES = 100 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const row = (label: string, l: Lateness) =>
  console.log(
    `${label.padEnd(50)} ${shown(l.p50).padStart(10)} ${shown(l.p99).padStart(10)} ${shown(l.max).padStart(10)}   ` +
      `n ${l.n}${l.unfinished ? ` (${l.unfinished} not yet)` : ''}`,
  );
const ratio = (a: Lateness['p50'], b: Lateness['p50']) => `${a.atLeast ? '≥' : ''}${(a.ms / b.ms).toFixed(1)}`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
const count = async (tx: WriteTransactions, sql: string) =>
  Number(((await tx.reader().getConnection().execute(sql)) as { n: number | string }[])[0].n);

/** Lateness of N deadlines through Grif, and of N plain delayed jobs, on a scratch database. */
async function latenessRun(config: GrifConfig, prefix: string): Promise<void> {
  const scratch = await scratchDatabase('bench_deadlines');
  const redisUrl = config.queue.redisUrl;
  let dueById = new Map<string, number>();
  const committed = new Map<string, number>();
  const pickedUp = new Map<string, number>();
  // Called by the deadline processor once the engine's transaction (event DEADLINE_PASSED, snapshot,
  // deadline settled, effects in the outbox) committed, before the job completes.
  const afterFire = async (id: string) => {
    const due = dueById.get(id);
    if (due !== undefined && !committed.has(id)) committed.set(id, Date.now() - due);
  };
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(
      { useFactory: () => ({ ...config, db: scratch.db, queue: { ...config.queue, prefix } }) },
      { deadlineHooks: { afterFire } },
    ),
    { logger: ['error', 'warn'] },
  );
  const extra = await startExtraWorkers(WORKERS - 1, scratch.db, prefix).catch(async (err: unknown) => {
    await app.close();
    await scratch.drop();
    throw err;
  });
  // The machine may be shared: its load says how much of it this run had.
  const load0 = loadavg()[0].toFixed(1);
  try {
    const options = jobWorkerOptions();
    console.log(
      `bench:deadlines on ${scratch.db.kind}: ${N} deadlines due ${SPREAD_MS ? `evenly over ${SPREAD_MS / 1000} s` : 'at one instant'}, ` +
        `${LEAD_MS / 1000} s ahead; worker concurrency ${options.concurrency}, lock ${options.lockDuration} ms, ` +
        `stalled check ${options.stalledInterval} ms; ${WORKERS} worker process${WORKERS > 1 ? 'es' : ''}`,
    );
    const worker = app.get(DeadlineProcessor).worker;
    worker.on('active', (job) => {
      const due = dueById.get(job.data.deadlineId);
      if (due !== undefined && !pickedUp.has(job.data.deadlineId)) pickedUp.set(job.data.deadlineId, Date.now() - due);
    });
    const tx = app.get(WriteTransactions);
    const template = await issueTemplate(app, 5000);

    // 1. The baseline: plain delayed jobs, alone on their own queue.
    const plain = await plainDelayedJobs(
      redisUrl,
      `${prefix}-plain`,
      options,
      dueTimes(Date.now() + LEAD_MS, N, SPREAD_MS),
      WAIT_MS,
    );
    console.log(`plain BullMQ: ${N} delayed jobs added in ${seconds(plain.armMs)}`);

    // 2. Grif: issued documents whose deadlines the relay arms and the worker fires through the engine.
    const due = dueTimes(Date.now() + LEAD_MS, N, SPREAD_MS);
    const cloneStarted = Date.now();
    dueById = await cloneIssued(tx, template, due);
    const cloneMs = Date.now() - cloneStarted;
    app.get(OutboxRelay).kick();
    const unarmed = () => count(tx, 'select count(*) as n from outbox where dispatched_at is null');
    while ((await unarmed()) > 0 && Date.now() < due[0]) await new Promise((r) => setTimeout(r, 200));
    const armedAt = Date.now();
    console.log(
      `Grif: ${N} issued documents cloned in ${seconds(cloneMs)}; the outbox relay armed their alarms ` +
        `${armedAt < due[0] ? `in ${seconds(armedAt - cloneStarted - cloneMs)}` : 'NOT before the first due time'}`,
    );
    // The deadlines table knows what every worker fired; the hook only what this process's worker did.
    const firedRows = async () =>
      (await tx
        .reader()
        .getConnection()
        .execute(
          `select id, settled_at from deadlines where event_type = 'DEADLINE_PASSED' and status = 'fired'
           and instance_id <> ?`,
          [template.instanceId],
        )) as { id: string; settled_at: string }[];
    let firedSoFar = 0;
    const complete = await waitFor(
      async () => (WORKERS > 1 ? (firedSoFar = (await firedRows()).length) : committed.size),
      N,
      Math.max(...due) - Date.now() + WAIT_MS,
      WORKERS > 1 ? 500 : 100,
    );
    // What had committed by the end of the wait; one still waiting counts with how late it was by then.
    const stoppedAt = Date.now();
    const waiting = (done: Map<string, number>) =>
      [...dueById].filter(([id]) => !done.has(id)).map(([, dueAt]) => stoppedAt - dueAt);
    const eventAt = new Map((await firedRows()).map((r) => [r.id, Date.parse(r.settled_at) - dueById.get(r.id)!]));
    const picked = lateness([...pickedUp.values()], waiting(pickedUp));
    const mine = lateness([...committed.values()], waiting(committed));
    const all = lateness([...eventAt.values()], waiting(eventAt));
    // One worker: the commit as its processor saw it. Several: the event's time in the table, for all of them.
    const g = WORKERS > 1 ? all : mine;
    const doneAt = WORKERS > 1 ? eventAt : committed;
    const lastDue = Math.max(...due);
    const lastCommit = Math.max(...[...doneAt].map(([id, late]) => dueById.get(id)! + late));
    console.log(
      complete
        ? `Grif: last DEADLINE_PASSED committed ${seconds(lastCommit - lastDue)} after the last due time ` +
            `(${Math.round(N / ((lastCommit - due[0]) / 1000))} deadlines/s from the first due time)`
        : `Grif: only ${g.n} of ${N} DEADLINE_PASSED committed ${seconds(WAIT_MS)} after the last due time` +
            (WORKERS > 1 ? ` (${firedSoFar} by the last count)` : ''),
    );
    // The follow-on work each event asked for: notifications delivered, escalation alarms armed.
    const undelivered = () => count(tx, 'select count(*) as n from outbox where delivered_at is null');
    const followOnUntil = Date.now() + Math.min(WAIT_MS, 30_000);
    while ((await undelivered()) > 0 && Date.now() < followOnUntil) await new Promise((r) => setTimeout(r, 250));
    const left = await undelivered();
    console.log(
      `Grif: follow-on effects (notifications, escalation alarms) ${left ? `${left} still undelivered` : 'all delivered'} ` +
        `${seconds(Date.now() - lastDue)} after the last due time`,
    );
    const statuses = (await tx
      .reader()
      .getConnection()
      .execute(
        `select status, count(*) as n from deadlines where event_type = 'DEADLINE_PASSED' and instance_id <> ?
         group by status order by status`,
        [template.instanceId],
      )) as { status: string; n: number }[];
    console.log(`Grif: return deadlines by status: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}`);

    const p = lateness(plain.lateness, plain.waiting);
    console.log(
      `\nlateness after the due time${' '.repeat(23)} ${'p50'.padStart(10)} ${'p99'.padStart(10)} ${'max'.padStart(10)}`,
    );
    row('plain BullMQ delayed job (processor ran)', p);
    // The hook sees only this process's worker: with several, only the table's times cover them all.
    if (WORKERS === 1) {
      row('Grif deadline job picked up by the worker', picked);
      row('Grif DEADLINE_PASSED committed (engine)', mine);
    }
    row('Grif DEADLINE_PASSED event time (deadlines table)', all);
    console.log(`ratio Grif/plain: p50 ${ratio(g.p50, p.p50)}, p99 ${ratio(g.p99, p.p99)}`);
    console.log(`goal p99 < 1 s: Grif ${shown(g.p99)} ${verdict(!g.p99.atLeast && g.p99.ms < GOAL_P99_MS)}`);
    console.log(
      `load average (1 min) at the start ${load0}, at the end ${loadavg()[0].toFixed(1)} (${cpus().length} cores)`,
    );
  } finally {
    await extra.stop();
    await app.close();
    await dropKeys(redisUrl, prefix);
    await dropKeys(redisUrl, `${prefix}-plain`);
    await scratch.drop();
  }
}

/** Redis memory of MEMORY_N pending alarms, on a prefix of their own. */
async function memoryRun(redisUrl: string, prefix: string): Promise<void> {
  const m = await alarmMemory(redisUrl, prefix, MEMORY_N);
  console.log(
    `\nRedis memory of ${m.n} pending deadlines armed by DeadlineAlarm (armed in ${seconds(m.armMs)}): ` +
      `used_memory +${mb(m.usedDelta)}; MEMORY USAGE of its ${m.keys} keys ${mb(m.keyBytes)} ` +
      `(${Math.round(m.keyBytes / m.n)} B per deadline; a job's hash is ${m.jobEncoding}-encoded, ` +
      `hash-max-listpack-value ${m.listpackValue})`,
  );
  console.log(
    `after cleanup: used_memory ${m.usedAfterCleanup >= 0 ? '+' : ''}${mb(m.usedAfterCleanup)} against before, ` +
      `${m.keysLeft} keys left`,
  );
  const used = Math.max(m.usedDelta, m.keyBytes);
  console.log(`goal memory < 100 MB: ${mb(used)} ${verdict(used < GOAL_MEMORY_BYTES)}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const prefix = `grif-bench-deadlines-${process.pid}`;
  if (N > 0) await latenessRun(config, prefix);
  if (MEMORY_N > 0) await memoryRun(config.queue.redisUrl, `${prefix}-memory`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
