import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { systemClock } from '@grif/engine';
import { DEADLINE_QUEUE, DeadlineAlarm, FireDeadlineJob, redisOptions } from '@grif/queue';
import { dropKeys, keysUnder } from '../redis-prefix';

export interface AlarmMemory {
  n: number;
  armMs: number;
  /** INFO memory used_memory after arming minus before: the whole server's, so other clients' work shows too. */
  usedDelta: number;
  /** MEMORY USAGE summed over every key under the prefix: this run's alarms only. */
  keyBytes: number;
  keys: number;
  /** used_memory after the cleanup minus before arming, and the keys left under the prefix. */
  usedAfterCleanup: number;
  keysLeft: number;
  /** How Redis stores one job's hash (listpack while every value fits hash-max-listpack-value, else hashtable). */
  jobEncoding: string;
  listpackValue: string;
}

const usedMemory = async (redis: IORedis) => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))![1]);

/**
 * Redis memory of `n` pending deadlines armed by DeadlineAlarm.arm (Grif's job options, ids and data),
 * due over the next 30 days, on a queue under a prefix of its own; then everything under it is removed.
 */
export async function alarmMemory(redisUrl: string, prefix: string, n: number, inFlight = 32): Promise<AlarmMemory> {
  const redis = new IORedis(redisOptions(redisUrl));
  const queue = new Queue<FireDeadlineJob>(DEADLINE_QUEUE, { connection: { url: redisUrl }, prefix });
  try {
    await queue.waitUntilReady();
    const before = await usedMemory(redis);
    const alarm = new DeadlineAlarm(queue, systemClock);
    const now = Date.now();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < n) {
          next++;
          await alarm.arm(randomUUID(), new Date(now + 3600_000 + Math.random() * 30 * 86_400_000).toISOString());
        }
      }),
    );
    const armMs = Date.now() - started;
    const after = await usedMemory(redis);
    const [someJob] = await queue.getDelayed(0, 0);
    const jobEncoding = String(await redis.object('ENCODING', `${prefix}:${DEADLINE_QUEUE}:${someJob.id}`));
    // A managed Redis may refuse CONFIG.
    const listpackValue = await redis
      .config('GET', 'hash-max-listpack-value')
      .then((r) => String((r as string[])[1]))
      .catch(() => 'unknown');
    let keyBytes = 0;
    const keys = await keysUnder(redis, prefix, async (batch) => {
      const p = redis.pipeline();
      for (const k of batch) p.call('MEMORY', 'USAGE', k, 'SAMPLES', '0');
      for (const [err, bytes] of (await p.exec()) ?? []) if (!err) keyBytes += Number(bytes ?? 0);
    });
    await queue.obliterate({ force: true });
    await dropKeys(redisUrl, prefix);
    const keysLeft = await keysUnder(redis, prefix, async () => undefined);
    return {
      n,
      armMs,
      usedDelta: after - before,
      keyBytes,
      keys,
      usedAfterCleanup: (await usedMemory(redis)) - before,
      keysLeft,
      jobEncoding,
      listpackValue,
    };
  } finally {
    await queue.close();
    redis.disconnect();
  }
}
