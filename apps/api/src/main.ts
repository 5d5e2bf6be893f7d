import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ensureLocalRedis, exitOnSignal, GrifLogger, loadConfig, LocalRedis } from '@grif/core';
import { assertRedisReachable } from '@grif/queue';

/**
 * `node main.js` serves HTTP. `--with-worker` (npm start) also runs every job processor,
 * and, when no Redis answers at a local REDIS_URL, starts one for itself.
 */
async function main(): Promise<void> {
  const withWorker = process.argv.includes('--with-worker');
  const config = loadConfig();
  let redis: LocalRedis | undefined;
  if (withWorker) redis = await ensureLocalRedis(config.queue.redisUrl, config.dataDir, (l) => console.log(l));
  else await assertRedisReachable(config.queue.redisUrl);
  // The application's modules load only once Redis answered: without it the process says so in a second, even on a busy machine.
  const [{ ApiModule }, { configureHttp }, { FirstStart }] = await Promise.all([
    import('./api.module'),
    import('./bootstrap'),
    import('./first-start'),
  ]);
  try {
    const app = configureHttp(
      await NestFactory.create(ApiModule.forRoot({ useFactory: () => config }, { worker: withWorker }), {
        abortOnError: false,
        logger: new GrifLogger(),
      }),
    );
    await app.init();
    await app.get(FirstStart).seedIfEmpty(config.demo, (l) => console.log(l));
    await app.listen(config.port);
    // Whatever closing throws, its own Redis stops with it.
    exitOnSignal('grif', () => app.close().finally(() => redis?.stop()));
    console.log(
      `grif: API on http://localhost:${config.port} (docs: /api/docs)${withWorker ? ' with worker' : ''}; ${config.db.kind} database`,
    );
  } catch (err) {
    await redis?.stop();
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
