import { Inject, Logger, Optional } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { DelayedError, Job } from 'bullmq';
import { WorkflowEngine } from '@grif/engine';
import { DEADLINE_QUEUE, FIRE_DEADLINE_JOB, FireDeadlineJob } from '@grif/queue';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

export interface DeadlineHooks {
  /** Fault injection for the crash tests: called after the deadline event committed, before the job completes. */
  afterFire?: (deadlineId: string) => Promise<void>;
}
export const DEADLINE_HOOKS = Symbol.for('grif.DeadlineHooks');

/** Rings a deadline: the engine sends its event; a repeated or stale alarm changes nothing. */
@Processor(DEADLINE_QUEUE, jobWorkerOptions())
export class DeadlineProcessor extends JobProcessor {
  private readonly log = new Logger('deadlines');
  readonly handlers: Record<string, JobHandler> = { [FIRE_DEADLINE_JOB]: (job, token) => this.fire(job, token) };

  constructor(
    private readonly engine: WorkflowEngine,
    @Optional() @Inject(DEADLINE_HOOKS) private readonly hooks: DeadlineHooks = {},
  ) {
    super();
  }

  private async fire(job: Job<FireDeadlineJob>, token?: string): Promise<string> {
    const result = await this.engine.fireDeadline(job.data.deadlineId);
    this.log.log(`deadline ${job.data.deadlineId}: ${result.outcome}`);
    if (result.outcome === 'early') {
      // The alarm rang before the table's due time (clock skew between hosts): ring again at it.
      await job.moveToDelayed(new Date(result.dueAt).getTime(), token);
      throw new DelayedError();
    }
    await this.hooks.afterFire?.(job.data.deadlineId);
    return result.outcome;
  }
}
