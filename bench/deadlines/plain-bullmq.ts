import { Queue, Worker, type WorkerOptions } from 'bullmq';
import { waitFor } from './lateness';

export interface PlainRun {
  /** Date.now() − dueAt when the job's processor ran, one per job that ran. */
  lateness: number[];
  /** For each job that had not run when the wait ended: how late it was by then. */
  waiting: number[];
  armMs: number;
}

/**
 * The baseline: plain BullMQ delayed jobs due at the given times, with the job options DeadlineAlarm
 * uses, on a queue of their own, taken by a Worker with Grif's worker options whose processor only
 * records how late it runs. Nothing else runs on that queue.
 */
export async function plainDelayedJobs(
  redisUrl: string,
  prefix: string,
  workerOptions: Partial<WorkerOptions>,
  due: readonly number[],
  timeoutMs: number,
): Promise<PlainRun> {
  const connection = { url: redisUrl };
  const queue = new Queue<{ i: number; dueAt: number }>('plain-delayed', { connection, prefix });
  const late = new Map<number, number>();
  const worker = new Worker<{ i: number; dueAt: number }>(
    'plain-delayed',
    async (job) => {
      if (!late.has(job.data.i)) late.set(job.data.i, Date.now() - job.data.dueAt);
    },
    { ...workerOptions, connection, prefix, autorun: true },
  );
  try {
    const started = Date.now();
    for (let i = 0; i < due.length; i += 500) {
      await queue.addBulk(
        due.slice(i, i + 500).map((dueAt, k) => ({
          name: 'plain',
          data: { i: i + k, dueAt },
          opts: {
            jobId: `plain-${i + k}`,
            delay: Math.max(0, dueAt - Date.now()),
            attempts: 10,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: 24 * 3600 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        })),
      );
    }
    const armMs = Date.now() - started;
    await waitFor(() => late.size, due.length, Math.max(...due) - Date.now() + timeoutMs);
    const stoppedAt = Date.now();
    return {
      lateness: [...late.values()],
      waiting: due.filter((_, i) => !late.has(i)).map((dueAt) => stoppedAt - dueAt),
      armMs,
    };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
