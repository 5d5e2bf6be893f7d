import type { Queue } from 'bullmq';
import type { Clock, OutboxSource, PendingOutbox } from '@grif/engine';
import type { DeadlineAlarm } from './deadline-alarm';
import { EFFECT_ROUTES, outboxJobId, QueueName } from './names';

/**
 * Moves committed outbox rows to BullMQ. Runs after each commit (kick) and on a
 * poll, so a crash between commit and enqueue only delays an effect. Several
 * relays may run at once: job ids are the outbox ids, so a double send is one job.
 * An effect row stays undelivered until its job has done the work; `redeliver()`
 * hands such rows over again, so a Redis that lost its data loses no effect.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly source: OutboxSource,
    private readonly alarm: DeadlineAlarm,
    private readonly queues: Record<QueueName, Queue>,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void = () => undefined,
    /** After a drain that reached both the database and Redis. */
    private readonly onDrained: () => void = () => undefined,
  ) {}

  start(pollMs = 1000): void {
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  /** Drain now; coalesces with a drain already running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then((n) => {
        this.onDrained();
        return n;
      })
      .catch((err) => {
        this.onError(err);
        return 0;
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Hands over everything pending; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.source.pending(100);
      if (!batch.length) return total;
      for (const row of batch) await this.deliver(row);
      await this.source.markDispatched(batch, this.clock.now().toISOString());
      total += batch.length;
    }
  }

  /** Hands over again every effect not yet delivered; a job still queued is not duplicated. Returns how many. */
  async redeliver(): Promise<number> {
    let n = 0;
    let after: string | undefined;
    for (;;) {
      const page = await this.source.undelivered(500, after);
      for (const row of page) if (await this.enqueueEffect(row)) n++;
      if (page.length < 500) return n;
      after = page[page.length - 1].id;
    }
  }

  private async deliver(row: PendingOutbox): Promise<void> {
    const p = row.payload as { deadlineId?: string; dueAt?: string };
    if (row.kind === 'deadline.arm') return this.alarm.arm(p.deadlineId!, p.dueAt!);
    if (row.kind === 'deadline.cancel') return this.alarm.disarm(p.deadlineId!);
    await this.enqueueEffect(row);
  }

  /** True when a job was added (false: one with that id is still in the queue). */
  private async enqueueEffect(row: PendingOutbox): Promise<boolean> {
    const route = EFFECT_ROUTES[row.kind];
    if (!route) throw new Error(`outbox ${row.id}: no queue for effect "${row.kind}"`);
    const queue = this.queues[route.queue];
    const jobId = outboxJobId(row.id);
    const existing = await queue.getJob(jobId);
    if (existing && (await existing.isFailed())) {
      // Out of attempts (a long outage): try again. Stopped early (UnrecoverableError): a refusal, leave it for Bull Board.
      if (existing.attemptsMade < (existing.opts.attempts ?? 1)) return false;
      await existing.retry('failed');
      return true;
    }
    if (existing && !(await existing.isCompleted())) return false;
    // Completed yet undelivered cannot happen (delivery marks the row in its own transaction); ring again anyway.
    if (existing) await existing.remove();
    await queue.add(
      route.job,
      { ...row.payload, schoolId: row.schoolId, instanceId: row.instanceId },
      {
        jobId,
        attempts: 8,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 30 * 24 * 3600 },
      },
    );
    return true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
