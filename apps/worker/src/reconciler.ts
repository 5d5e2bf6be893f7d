import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { MikroDeadlineSource } from '@grif/persistence';
import {
  DeadlineAlarm,
  MAINTENANCE_QUEUE,
  OFFICIAL_USE_DIGEST_JOB,
  OutboxRelay,
  QueueName,
  SEAL_CHECKPOINTS_JOB,
  SNAPSHOT_REGISTERS_JOB,
} from '@grif/queue';
import { GRIF_CONFIG, GrifConfig } from '@grif/core';
import { OutageLog } from '@grif/core';
import { QUEUES } from '@grif/core';
import { ShutdownSequence } from '@grif/core';
import { NotificationMailer } from './mail/notification-mailer';

/** How often the worker looks whether a school has gathered enough events for its next register snapshot. */
export const REGISTER_SNAPSHOT_EVERY_MS = 60 * 60_000;

/**
 * Redis is only the alarm clock; the database is the truth. At start-up and every
 * GRIF_RECONCILE_MS this re-arms every pending deadline, hands over again every effect
 * not yet delivered, puts back the periodic jobs, and sends the e-mails still due — so a
 * FLUSHALL (or a job out of attempts) loses nothing.
 */
@Injectable()
export class Reconciler implements OnApplicationBootstrap {
  private readonly log = new Logger('reconciler');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    @Inject(GRIF_CONFIG) private readonly config: GrifConfig,
    private readonly alarm: DeadlineAlarm,
    private readonly deadlines: MikroDeadlineSource,
    private readonly relay: OutboxRelay,
    @Inject(QUEUES) private readonly queues: Record<QueueName, Queue>,
    private readonly outage: OutageLog,
    private readonly shutdown: ShutdownSequence,
    private readonly mailer: NotificationMailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile().catch((err: unknown) => this.outage.failedSomewhere(err));
    this.timer = setInterval(() => {
      this.running ??= this.reconcile()
        .then(() => this.outage.bothAnswered())
        .catch((err: unknown) => this.outage.failedSomewhere(err))
        .finally(() => (this.running = undefined));
    }, this.config.reconcileMs);
    this.timer.unref();
    this.shutdown.register('jobs', 'reconciler', async () => {
      clearInterval(this.timer);
      await this.running;
    });
  }

  /** One pass; returns what it re-armed and re-sent. */
  async reconcile(): Promise<{ deadlines: number; effects: number; mails: number }> {
    const deadlines = await this.alarm.reconcile(this.deadlines);
    const effects = await this.relay.redeliver();
    const maintenance = this.queues[MAINTENANCE_QUEUE];
    await maintenance.upsertJobScheduler(
      SEAL_CHECKPOINTS_JOB,
      { every: this.config.checkpointMs },
      { name: SEAL_CHECKPOINTS_JOB },
    );
    // Register snapshots (issue 12): an hourly look is plenty, a school takes one per REGISTER_SNAPSHOT_EVENTS events.
    await maintenance.upsertJobScheduler(
      SNAPSHOT_REGISTERS_JOB,
      { every: REGISTER_SNAPSHOT_EVERY_MS },
      {
        name: SNAPSHOT_REGISTERS_JOB,
        opts: { removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
      },
    );
    // The end-of-day list: checked every GRIF_DIGEST_MS (0: none). The check is cheap and idempotent.
    if (this.config.digestMs)
      await maintenance.upsertJobScheduler(
        OFFICIAL_USE_DIGEST_JOB,
        { every: this.config.digestMs },
        // A check a minute would keep 1,440 finished jobs a day in Redis: keep the last hundred, failures a week.
        {
          name: OFFICIAL_USE_DIGEST_JOB,
          opts: { removeOnComplete: { count: 100 }, removeOnFail: { age: 7 * 24 * 3600 } },
        },
      );
    else await maintenance.removeJobScheduler(OFFICIAL_USE_DIGEST_JOB);
    const mails = await this.mailer.sweep();
    if (deadlines || effects || mails)
      this.log.log(`re-armed ${deadlines} deadlines, re-sent ${effects} effects and ${mails} e-mails`);
    return { deadlines, effects, mails };
  }
}
