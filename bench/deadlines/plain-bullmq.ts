import { Queue, Worker, type WorkerOptions } from 'bullmq';
import { waitFor } from './lateness';

export interface PlainRun {
  /** Date.now() − dueAt when the job's processor ran, one per job. */
  lateness: number[];
  armMs: number;
  complete: boolean;
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
  const queue = new Queue<{ dueAt: number }>('plain-delayed', { connection, prefix });
  const late: number[] = [];
  const worker = new Worker<{ dueAt: number }>(
    'plain-delayed',
    async (job) => {
      late.push(Date.now() - job.data.dueAt);
    },
    { ...workerOptions, connection, prefix, autorun: true },
  );
  try {
    const started = Date.now();
    for (let i = 0; i < due.length; i += 500) {
      await queue.addBulk(
        due.slice(i, i + 500).map((dueAt, k) => ({
          name: 'plain',
          data: { dueAt },
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
    const complete = await waitFor(() => late.length, due.length, Math.max(...due) - Date.now() + timeoutMs);
    return { lateness: [...late], armMs, complete };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
