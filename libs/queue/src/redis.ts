import IORedis, { Redis, RedisOptions } from 'ioredis';

export interface QueueSettings {
  redisUrl: string;
  /** Lets several installs (or test runs) share one Redis without seeing each other's jobs. */
  prefix: string;
  /** How long a job's lock lives; a killed worker's job is taken over after it. */
  lockMs: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  return {
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    prefix: env.GRIF_QUEUE_PREFIX ?? 'grif',
    lockMs: Number(env.GRIF_JOB_LOCK_MS ?? 30000),
  };
}

/** Workers block on Redis, so they must never give up a command (BullMQ requires this). */
export function workerConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: null });
}

/** Producers fail fast: an add that cannot reach Redis should error now, the outbox keeps the row. */
export function producerConnection(url: string): Redis {
  return new IORedis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 3000 } satisfies RedisOptions);
}

/** Start-up check: one line that says what is wrong and how to fix it, within the time asked. */
export async function assertRedisReachable(url: string, timeoutMs = 4000): Promise<void> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
  } catch {
    throw new Error(
      `grif: Redis does not answer at ${url}. Start it (for example: redis-server --daemonize yes --save "" --appendonly no) or set REDIS_URL.`,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
