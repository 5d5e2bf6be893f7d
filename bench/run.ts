import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { documentRegistration, type RegisterDocument } from '@grif/workflows';
import { CoreModule, loadConfig } from '@grif/core';
import { WorkflowEngine } from '@grif/engine';
import { WriteTransactions } from '@grif/persistence';
import type { Actor } from '@grif/domain';
import { dropKeys } from './redis-prefix';
import { scratchDatabase } from './scratch-database';

/**
 * Engine write throughput as a ratio of the database's own limit, measured beside it:
 * baseline = one-row write transactions through the same ORM and connection settings;
 * engine  = STORE events through send() (event + snapshot + idempotency record + projection).
 * Run: `npm run bench` (SQLite) or `DATABASE_URL=postgres://… npm run bench`.
 */
const N = Number(process.env.BENCH_N ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

async function timed(label: string, n: number, work: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < n) await work(next++);
    }),
  );
  const perSec = n / (Number(process.hrtime.bigint() - started) / 1e9);
  console.log(`${label.padEnd(34)} ${perSec.toFixed(0).padStart(6)} /s`);
  return perSec;
}

async function main(): Promise<void> {
  // PostgreSQL: a scratch database on the server DATABASE_URL names, never that database itself.
  const scratch = await scratchDatabase('bench');
  const db = scratch.db;
  const config = loadConfig();
  const prefix = `grif-bench-${process.pid}`;
  const app = await NestFactory.createApplicationContext(
    {
      module: class BenchModule {},
      imports: [
        CoreModule.forRootAsync({
          useFactory: () => ({ ...config, db, queue: { ...config.queue, prefix } }),
        }),
      ],
    },
    { logger: ['error', 'warn'] },
  );
  const rt = { engine: app.get(WorkflowEngine), transactions: app.get(WriteTransactions) };
  try {
    const schoolId = randomUUID();
    const clerk: Actor = { userId: 'bench-clerk', schoolId, roles: ['records_clerk'], kind: 'user' };
    await rt.transactions.run((em) =>
      em.execute('insert into schools (id, name, created_at) values (?, ?, ?)', [
        schoolId,
        'bench',
        new Date().toISOString(),
      ]),
    );
    const reg: RegisterDocument = {
      direction: 'internal',
      kind: 'other',
      title: 'bench',
      correspondent: 'bench',
      documentDate: '2026-11-26',
      pages: 1,
    };
    const docs: string[] = [];
    for (let i = 0; i < CONCURRENCY * 4; i++) {
      const out = await rt.engine.create('document', reg, clerk, documentRegistration(schoolId));
      await rt.engine.send(out.body.id, 'CLASSIFY', { classification: 'open' }, clerk);
      docs.push(out.body.id);
    }
    const baseline = await timed(`baseline: one-row transactions (${db.kind})`, N, (i) =>
      rt.transactions.run((em) =>
        em
          .execute('update write_gate set n = n + 1 where id = 1')
          .then(() =>
            em.execute('insert into journal_counters (school_id, year, direction, last_seq) values (?, ?, ?, ?)', [
              schoolId,
              3000 + i,
              'bench',
              i,
            ]),
          ),
      ),
    );
    const engine = await timed(`engine: send() with idempotency`, N, (i) =>
      rt.engine
        .send(docs[i % docs.length], 'STORE', { location: `shelf ${i}` }, clerk, { idempotencyKey: `bench-${i}` })
        .catch(() => undefined),
    );
    console.log(`ratio engine/baseline: ${(engine / baseline).toFixed(2)} (concurrency ${CONCURRENCY}, n ${N})`);
  } finally {
    await app.close();
    await dropKeys(config.queue.redisUrl, prefix);
    await scratch.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
