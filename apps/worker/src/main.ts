import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { assertRedisReachable } from '@grif/queue';
import { exitOnSignal, GrifLogger, loadConfig } from '@grif/core';
import type { DeadlineHooks } from './processors/deadline.processor';

/** Fault injection for the crash tests only: keep the job open after its event committed. */
function testHooks(log: Logger): DeadlineHooks {
  const holdMs = Number(process.env.GRIF_TEST_HOLD_AFTER_FIRE_MS ?? 0);
  if (holdMs <= 0) return {};
  return { afterFire: (id) => (log.log(`holding ${id}`), new Promise((r) => setTimeout(r, holdMs))) };
}

/**
 * The worker process: deadline alarms, notifications, checkpoints, the outbox relay and
 * the reconciler. Several may run at once against the same database and Redis.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  await assertRedisReachable(config.queue.redisUrl);
  // Loaded only once Redis answered (see the API's main).
  const { WorkerModule } = await import('./worker.module');
  const log = new Logger('grif-worker');
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ useFactory: () => config }, { deadlineHooks: testHooks(log) }),
    { abortOnError: false, logger: new GrifLogger() },
  );
  exitOnSignal('grif-worker', () => app.close());
  console.log(`grif-worker: started (${config.db.kind}, queue prefix "${config.queue.prefix}")`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
