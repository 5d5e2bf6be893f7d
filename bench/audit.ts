import 'reflect-metadata';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { NestFactory } from '@nestjs/core';
import { CoreModule, loadConfig } from '@grif/core';
import { eventHash, GENESIS_HASH, WorkflowEngine } from '@grif/engine';
import { WriteTransactions } from '@grif/persistence';
import { documentRegistration } from '@grif/workflows';
import type { Actor } from '@grif/domain';
import { dropKeys } from './redis-prefix';
import { scratchDatabase } from './scratch-database';

/**
 * The audit trail's two speeds, each beside a baseline run on the same machine in the same process:
 *  1. the offline verifier (tools/audit-verify.mjs, its own functions) on a bundle of BENCH_AUDIT_EVENTS synthetic
 *     events (1,000 instances; hashes made by the engine's own eventHash), against streaming the same file through
 *     sha256 alone: the cost of reading the bytes at all. Goal: ≥ 200,000 events/s.
 *  2. one instance's history with 1,000 events as a page reads it (engine.history: the instance, the caller's
 *     access, the rows in order), against a bare SELECT of the same rows on the same connection. Medians.
 * Run: `npm run bench:audit` (SQLite) or `DATABASE_URL=postgres://… npm run bench:audit`.
 */
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const INSTANCES = 1000;
const PAGE_EVENTS = 1000;
const RUNS = Number(process.env.BENCH_AUDIT_RUNS ?? 15);
const GOAL = 200_000;
const PASSES = Number(process.env.BENCH_AUDIT_PASSES ?? 3);

// The verifier is an ES module with no Grif imports; TypeScript's CommonJS output would turn import() into require().
const importModule = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;
type Verifier = {
  verifyFile(path: string): Promise<{ counts: Record<string, number>; problems: string[] }>;
};

/** A reader's bare SQL, outside any write transaction, as engine.history reads. */
type Sql = { execute(sql: string, params: unknown[]): Promise<unknown[]> };

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;
const cpuSeconds = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1e6;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A bundle of synthetic but sound chains; the manifest is unsigned (the verifier reports that, once, in O(1)). */
async function writeBundle(path: string, schoolId: string): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`${JSON.stringify({ kind: 'manifest', format: 'grif-audit/1', school: { id: schoolId } })}\n`);
  const perInstance = EVENTS / INSTANCES;
  const at0 = Date.parse('2026-09-01T08:00:00Z');
  for (let i = 0; i < INSTANCES; i++) {
    const instanceId = randomUUID();
    let prevHash = GENESIS_HASH;
    const events = [];
    for (let seq = 1; seq <= perInstance; seq++) {
      const e = {
        schoolId,
        instanceId,
        seq,
        type: seq === 1 ? 'REGISTER' : 'NOTE',
        payload: { note: `Текшерүү ${seq}`, cabinetId: instanceId, pages: seq % 7 },
        actorId: 'c6f0c1d4-6d4e-4a55-9a57-0d1a5e1e0001',
        actorRoles: ['records_clerk'],
        at: new Date(at0 + seq * 60_000).toISOString(),
        fromState: seq === 1 ? null : 'stored',
        toState: 'stored',
      };
      const hash = eventHash(prevHash, e);
      events.push({ ...e, schoolId: undefined, instanceId: undefined, id: randomUUID(), prevHash, hash });
      prevHash = hash;
    }
    await write(
      `${JSON.stringify({ kind: 'instance', id: instanceId, machine: 'document', lastSeq: perInstance, headHash: prevHash, events })}\n`,
    );
  }
  out.end();
  await finished(out);
}

async function verifierSpeed(dir: string): Promise<void> {
  const verifier = (await importModule(resolve(__dirname, '../../tools/audit-verify.mjs'))) as Verifier;
  const path = process.env.BENCH_AUDIT_FILE ?? join(dir, 'bundle.jsonl');
  const t = process.hrtime.bigint();
  await writeBundle(path, randomUUID());
  const mb = statSync(path).size / 1e6;
  console.log(
    `bundle: ${EVENTS} events in ${INSTANCES} instances, ${mb.toFixed(0)} MB, made in ${seconds(t).toFixed(1)} s`,
  );

  // Turn about, BENCH_AUDIT_PASSES times each, medians: a busy moment of a shared machine falls on both.
  const rates = {
    baseline: [] as number[],
    baselineCpu: [] as number[],
    verify: [] as number[],
    verifyCpu: [] as number[],
  };
  for (let pass = 0; pass < PASSES; pass++) {
    let t = process.hrtime.bigint();
    let cpu = process.cpuUsage();
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hash.digest();
    rates.baseline.push(EVENTS / seconds(t));
    rates.baselineCpu.push(EVENTS / cpuSeconds(cpu));

    t = process.hrtime.bigint();
    cpu = process.cpuUsage();
    const r = await verifier.verifyFile(path);
    rates.verify.push(EVENTS / seconds(t));
    rates.verifyCpu.push(EVENTS / cpuSeconds(cpu));
    const chainProblems = r.problems.filter((p) => p.startsWith('instance='));
    if (r.counts.events !== EVENTS || chainProblems.length) throw new Error(`verifier: ${JSON.stringify(r)}`);
  }
  const [baseline, baselineCpu, verify, verifyCpu] = [
    rates.baseline,
    rates.baselineCpu,
    rates.verify,
    rates.verifyCpu,
  ].map(median);

  // Per second of wall time, and per second of this process's CPU time: on a shared machine the second says
  // what one free core does.
  const rate = (wall: number, onCpu: number) =>
    `${wall.toFixed(0).padStart(9)} events/s (${onCpu.toFixed(0).padStart(9)} per CPU-second)`;
  console.log(`baseline: sha256 of the same bytes  ${rate(baseline, baselineCpu)}`);
  console.log(
    `offline verifier (chains + digest)  ${rate(verify, verifyCpu)}  ratio ${(verify / baseline).toFixed(2)}` +
      `  goal ≥ ${GOAL}/s: ${verify >= GOAL ? 'met' : 'NOT met'}${verifyCpu >= GOAL ? ' (met per CPU-second)' : ''}`,
  );
}

/** One real document (registered, classified), then PAGE_EVENTS − 2 more sound links appended by SQL. */
async function historyPage(): Promise<void> {
  const scratch = await scratchDatabase('bench-audit');
  const config = loadConfig();
  const prefix = `grif-bench-audit-${process.pid}`;
  const app = await NestFactory.createApplicationContext(
    {
      module: class BenchModule {},
      imports: [
        CoreModule.forRootAsync({
          useFactory: () => ({ ...config, db: scratch.db, queue: { ...config.queue, prefix } }),
        }),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  try {
    const engine = app.get(WorkflowEngine);
    const tx = app.get(WriteTransactions);
    const schoolId = randomUUID();
    const clerk: Actor = { userId: randomUUID(), schoolId, roles: ['records_clerk'], kind: 'user' };
    await tx.run((em) =>
      em.execute('insert into schools (id, name, created_at, code) values (?, ?, ?, ?)', [
        schoolId,
        'bench',
        new Date().toISOString(),
        `bench${process.pid}`,
      ]),
    );
    const reg = {
      direction: 'internal',
      kind: 'other',
      title: 'bench',
      correspondent: 'bench',
      documentDate: '2026-11-26',
      pages: 1,
    };
    const { body } = await engine.create('document', reg, clerk, documentRegistration(schoolId));
    await engine.send(body.id, 'CLASSIFY', { classification: 'open' }, clerk);
    await tx.run(async (em) => {
      const [last] = (await em.execute(
        'select hash, seq, to_state from workflow_events where instance_id = ? order by seq desc limit 1',
        [body.id],
      )) as { hash: string; seq: number; to_state: string }[];
      let prevHash = last.hash;
      const at0 = Date.now();
      for (let seq = last.seq + 1; seq <= PAGE_EVENTS; seq++) {
        const e = {
          schoolId,
          instanceId: body.id,
          seq,
          type: 'NOTE',
          payload: { note: `Текшерүү ${seq}` },
          actorId: clerk.userId,
          actorRoles: clerk.roles,
          at: new Date(at0 + seq).toISOString(),
          fromState: last.to_state,
          toState: last.to_state,
        };
        const hash = eventHash(prevHash, e);
        await em.execute(
          'insert into workflow_events (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles, at, from_state, to_state, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [
            randomUUID(),
            schoolId,
            body.id,
            seq,
            e.type,
            JSON.stringify(e.payload),
            e.actorId,
            e.actorRoles.join(','),
            e.at,
            e.fromState,
            e.toState,
            prevHash,
            hash,
          ],
        );
        prevHash = hash;
      }
      await em.execute('update workflow_instances set last_seq = ?, head_hash = ? where id = ?', [
        PAGE_EVENTS,
        prevHash,
        body.id,
      ]);
    });
    const page: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS + 3; i++) {
      // Turn about, so a busy moment of the machine falls on both.
      let t = process.hrtime.bigint();
      const rows = await (tx.reader() as unknown as Sql).execute(
        'select * from workflow_events where instance_id = ? order by seq',
        [body.id],
      );
      if (i >= 3) raw.push(seconds(t) * 1000);
      t = process.hrtime.bigint();
      const history = await engine.history(clerk, body.id);
      if (i >= 3) page.push(seconds(t) * 1000);
      if (rows.length !== PAGE_EVENTS || history.length !== PAGE_EVENTS) throw new Error('history: wrong length');
    }
    const [b, p] = [median(raw), median(page)];
    console.log(`baseline: SELECT of the 1,000 rows (${scratch.db.kind})   ${b.toFixed(1).padStart(7)} ms`);
    console.log(
      `history page of 1,000 events (engine.history) ${p.toFixed(1).padStart(7)} ms  ratio ${(p / b).toFixed(2)}`,
    );
  } finally {
    await app.close();
    await dropKeys(config.queue.redisUrl, prefix);
    await scratch.drop();
  }
}

async function main(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'grif-bench-audit-'));
  try {
    await verifierSpeed(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (process.env.BENCH_AUDIT_PAGE !== '0') await historyPage();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
