import { WorkerHost } from '@nestjs/bullmq';
import { Job, UnrecoverableError, WorkerOptions } from 'bullmq';
import { GrifError } from '@grif/domain';

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * The lock is short and the worker renews it at half its life, so a killed
 * worker's job is noticed by another worker's stalled check within seconds.
 * Read once, when the module loads (a decorator's options are static).
 */
export function jobWorkerOptions(env: NodeJS.ProcessEnv = process.env): Partial<WorkerOptions> {
  const lockDuration = Number(env.GRIF_JOB_LOCK_MS) || 4000;
  return {
    // Started by JobWorkers only after every job name proved to have a handler.
    autorun: false,
    concurrency: 4,
    lockDuration,
    stalledInterval: Math.max(250, Math.floor(lockDuration / 2)),
    maxStalledCount: 5,
  };
}

/**
 * A queue's processor: one handler per job name. A job name without a handler, or a
 * business refusal (a GrifError that is not a conflict), ends the job at once: retrying
 * cannot change the answer.
 */
export abstract class JobProcessor extends WorkerHost {
  abstract readonly handlers: Readonly<Record<string, JobHandler>>;

  async process(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers[job.name];
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}" of queue "${job.queueName}"`);
    try {
      return await handler(job, token);
    } catch (err) {
      // A conflict (another write came first) or an unavailable database may pass: those are retried.
      if (err instanceof GrifError && err.kind !== 'conflict' && err.kind !== 'unavailable') {
        throw new UnrecoverableError(`${err.code}: ${err.localized('en')}`);
      }
      throw err;
    }
  }
}
