import { Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { EFFECT_QUEUE } from './names';

export type EffectHandler = (job: Job) => Promise<void>;

/** Runs the non-deadline effects (notifications now; acts later). Unknown kinds fail loudly. */
export function startEffectWorker(handlers: Record<string, EffectHandler>, connection: Redis, prefix: string, lockMs: number): Worker {
  return new Worker(
    EFFECT_QUEUE,
    async (job) => {
      const handler = handlers[job.name];
      if (!handler) throw new Error(`no handler for effect "${job.name}"`);
      await handler(job);
    },
    { connection, prefix, concurrency: 4, lockDuration: lockMs },
  );
}
