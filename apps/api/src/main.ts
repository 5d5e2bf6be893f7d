import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { GrifRuntime } from '@grif/runtime';
import { createApiApp } from './bootstrap';
import { FirstStart } from './first-start';

/** `node main.js` serves HTTP; `--with-worker` also runs the deadline/effect workers (npm start). */
async function main(): Promise<void> {
  const withWorker = process.argv.includes('--with-worker');
  const log = new Logger('grif');
  const rt = await GrifRuntime.start({
    worker: withWorker,
    log: (m) => log.log(m),
    reconcileMs: Number(process.env.GRIF_RECONCILE_MS ?? 60_000),
    checkpointMs: Number(process.env.GRIF_CHECKPOINT_MS ?? 300_000),
  });
  const app = await createApiApp(rt);
  await app.get(FirstStart).seedIfEmpty(process.env.GRIF_DEMO === '1', (l) => console.log(l));
  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  const shutdown = async () => {
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  console.log(`grif: API on http://localhost:${port} (docs: /api/docs)${withWorker ? ' with worker' : ''}; ${rt.db.kind} database`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
