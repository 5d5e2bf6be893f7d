import IORedis, { RedisOptions } from 'ioredis';

export interface QueueSettings {
  redisUrl: string;
  /** Lets several installs (or test runs) share one Redis without seeing each other's jobs. */
  prefix: string;
}

/** ioredis options of a redis:// or rediss:// URL, for BullMQ to open its own connections with. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  if (!/^rediss?:$/.test(u.protocol))
    throw new Error(`REDIS_URL must start with redis:// or rediss:// (got "${u.protocol}")`);
  return {
    host: u.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** Whether something answers PING at the URL within the time given. */
export async function redisAnswers(url: string, timeoutMs = 4000): Promise<boolean> {
  const client = new IORedis({
    ...redisOptions(url),
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
    ]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}

/** Start-up check: one line that says what is wrong and how to fix it, within the time asked. */
export async function assertRedisReachable(url: string, timeoutMs = 4000): Promise<void> {
  if (await redisAnswers(url, timeoutMs)) return;
  throw new Error(
    `grif: Redis does not answer at ${url}. Start it (for example: redis-server --daemonize yes --save "" --appendonly no) or set REDIS_URL.`,
  );
}
