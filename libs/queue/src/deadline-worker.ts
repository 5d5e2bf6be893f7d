import { DelayedError, Job, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { WorkflowEngine } from '@grif/engine';
import type { FireDeadlineJob } from './deadline-alarm';
import { DEADLINE_QUEUE } from './names';

export interface DeadlineWorkerHooks {
  /** Fault injection for the crash tests: called after the deadline event committed, before the job completes. */
  afterFire?: (deadlineId: string) => Promise<void>;
  log?: (msg: string) => void;
}

/** Rings a deadline: the engine sends its event; a repeat or stale alarm changes nothing. */
export function startDeadlineWorker(engine: WorkflowEngine, connection: Redis, prefix: string, lockMs: number, hooks: DeadlineWorkerHooks = {}): Worker<FireDeadlineJob> {
  return new Worker<FireDeadlineJob>(
    DEADLINE_QUEUE,
    async (job: Job<FireDeadlineJob>, token?: string) => {
      const result = await engine.fireDeadline(job.data.deadlineId);
      hooks.log?.(`deadline ${job.data.deadlineId}: ${result.outcome}`);
      if (result.outcome === 'early') {
        // The alarm rang before the table's due time (clock skew between hosts): ring again at it.
        await job.moveToDelayed(new Date(result.dueAt).getTime(), token);
        throw new DelayedError();
      }
      await hooks.afterFire?.(job.data.deadlineId);
      return result.outcome;
    },
    { connection, prefix, concurrency: 4, lockDuration: lockMs, stalledInterval: Math.max(1000, Math.floor(lockMs / 2)), maxStalledCount: 5 },
  );
}
