import { Inject } from '@nestjs/common';
import { Processor } from '@nestjs/bullmq';
import { Job, UnrecoverableError } from 'bullmq';
import { z } from 'zod';
import { ROLES } from '@grif/domain';
import { CLOCK, Clock } from '@grif/engine';
import { deliverNotification, WriteTransactions } from '@grif/persistence';
import { DELIVER_NOTIFICATION_JOB, NOTIFICATION_QUEUE, outboxIdOfJob } from '@grif/queue';
import { NotificationMailer } from '../mail/notification-mailer';
import { JobHandler, JobProcessor, jobWorkerOptions } from './job-processor';

const notifyJob = z.object({
  schoolId: z.string().min(1),
  instanceId: z.string().min(1),
  template: z.string().min(1),
  toRoles: z.array(z.enum(ROLES)).optional(),
  toUserIds: z.array(z.string()).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Delivers a `notify` effect to each person once, and marks its outbox row delivered in the same
 * transaction; then e-mails each new notification whose person has an address, once (a retry sends
 * only what was not sent).
 */
@Processor(NOTIFICATION_QUEUE, jobWorkerOptions())
export class NotificationProcessor extends JobProcessor {
  readonly handlers: Record<string, JobHandler> = { [DELIVER_NOTIFICATION_JOB]: (job) => this.deliver(job) };

  constructor(
    private readonly tx: WriteTransactions,
    private readonly mailer: NotificationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  private async deliver(job: Job): Promise<{ notified: number; mailed: number }> {
    const parsed = notifyJob.safeParse(job.data);
    // A malformed job stays malformed on every retry.
    if (!parsed.success)
      throw new UnrecoverableError(
        `malformed notification job: ${parsed.error.issues[0].path.join('.')} ${parsed.error.issues[0].message}`,
      );
    const { schoolId, instanceId, ...params } = parsed.data;
    const outboxId = outboxIdOfJob(job.id);
    const notified = await deliverNotification(this.tx, outboxId, schoolId, instanceId, params, this.clock.now());
    // The inbox has them now; an SMTP failure throws, and the retry sends only what was not sent.
    const mailed = await this.mailer.send({ outboxId });
    return { notified, mailed };
  }
}
