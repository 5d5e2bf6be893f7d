import type { Queue } from 'bullmq';
import type { Clock, DeadlineSource } from '@grif/engine';
import { deadlineJobId, FIRE_DEADLINE_JOB } from './names';

export interface FireDeadlineJob {
  deadlineId: string;
}

/**
 * BullMQ delayed jobs as alarm clocks for the deadlines table. Losing them loses
 * nothing: `reconcile()` re-arms every pending deadline from the table.
 */
export class DeadlineAlarm {
  constructor(
    readonly queue: Queue<FireDeadlineJob>,
    private readonly clock: Clock,
  ) {}

  async arm(deadlineId: string, dueAt: string): Promise<void> {
    const jobId = deadlineJobId(deadlineId);
    const existing = await this.queue.getJob(jobId);
    // A finished job with this id would make add() a no-op; the table says it must ring again.
    if (existing && ((await existing.isCompleted()) || (await existing.isFailed()))) await existing.remove();
    const delay = Math.max(0, new Date(dueAt).getTime() - this.clock.now().getTime());
    await this.queue.add(
      FIRE_DEADLINE_JOB,
      { deadlineId },
      {
        jobId,
        delay,
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 },
      },
    );
  }

  async disarm(deadlineId: string): Promise<void> {
    // Best effort: a cancelled deadline's alarm finds the row settled and does nothing anyway.
    await this.queue.remove(deadlineJobId(deadlineId)).catch(() => 0);
  }

  /** Re-arms every pending deadline of the table; returns how many. */
  async reconcile(source: DeadlineSource): Promise<number> {
    let n = 0;
    let after: string | undefined;
    for (;;) {
      const page = await source.pending(500, after);
      for (const d of page) {
        const job = await this.queue.getJob(deadlineJobId(d.id));
        if (!job || (await job.isCompleted()) || (await job.isFailed())) {
          await this.arm(d.id, d.dueAt);
          n++;
        }
      }
      if (page.length < 500) return n;
      after = page[page.length - 1].id;
    }
  }
}
