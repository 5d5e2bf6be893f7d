import 'reflect-metadata';
import { GrifRuntime } from '@grif/runtime';

/**
 * The worker process: deadline alarms, effects, the outbox relay and the deadline
 * reconciler. Several may run at once against the same database and Redis.
 */
async function main(): Promise<void> {
  const log = (m: string) => console.log(`grif-worker: ${m}`);
  const holdMs = Number(process.env.GRIF_TEST_HOLD_AFTER_FIRE_MS ?? 0);
  const rt = await GrifRuntime.start({
    worker: true,
    log,
    reconcileMs: Number(process.env.GRIF_RECONCILE_MS ?? 60_000),
    checkpointMs: Number(process.env.GRIF_CHECKPOINT_MS ?? 300_000),
    // Fault injection for the crash tests only: keep the job open after its event committed.
    hooks: holdMs > 0 ? { afterFire: (id) => (log(`holding ${id}`), new Promise((r) => setTimeout(r, holdMs))) } : {},
  });
  const shutdown = async () => {
    await rt.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  log(`started (${rt.db.kind}, queue prefix "${rt.queue.prefix}")`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
