import IORedis from 'ioredis';
import { redisOptions } from '@grif/queue';

/** Calls `each` with every batch of keys under the prefix; returns how many there were. */
export async function keysUnder(
  redis: IORedis,
  prefix: string,
  each: (keys: string[]) => Promise<unknown>,
): Promise<number> {
  let cursor = '0';
  let n = 0;
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    n += keys.length;
    if (keys.length) await each(keys);
  } while (cursor !== '0');
  return n;
}

/** Removes every key under the prefix; returns how many there were. */
export async function dropKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new IORedis(redisOptions(redisUrl));
  try {
    return await keysUnder(redis, prefix, (keys) => redis.unlink(...keys));
  } finally {
    redis.disconnect();
  }
}
