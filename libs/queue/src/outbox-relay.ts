import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Clock, OutboxSource, PendingOutbox } from '@grif/engine';
import type { DeadlineAlarm } from './deadline-alarm';
import { EFFECT_QUEUE, outboxJobId } from './names';

/**
 * Moves committed outbox rows to BullMQ. Runs after each commit (kick) and on a
 * poll, so a crash between commit and enqueue only delays an effect. Several
 * relays may run at once: job ids are the outbox ids, so a double send is one job.
 */
export class OutboxRelay {
  readonly effects: Queue;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly source: OutboxSource,
    private readonly alarm: DeadlineAlarm,
    connection: Redis,
    prefix: string,
    private readonly clock: Clock,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {
    this.effects = new Queue(EFFECT_QUEUE, { connection, prefix });
  }

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

  /** Delivers everything pending; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.source.pending(100);
      if (!batch.length) return total;
      for (const row of batch) await this.deliver(row);
      await this.source.markDispatched(batch.map((r) => r.id), this.clock.now().toISOString());
      total += batch.length;
    }
  }

  private async deliver(row: PendingOutbox): Promise<void> {
    const p = row.payload as { deadlineId?: string; dueAt?: string };
    if (row.kind === 'deadline.arm') return this.alarm.arm(p.deadlineId!, p.dueAt!);
    if (row.kind === 'deadline.cancel') return this.alarm.disarm(p.deadlineId!);
    await this.effects.add(row.kind, { ...row.payload, schoolId: row.schoolId, instanceId: row.instanceId }, {
      jobId: outboxJobId(row.id),
      attempts: 5,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 24 * 3600 },
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    await this.effects.close();
  }
}
