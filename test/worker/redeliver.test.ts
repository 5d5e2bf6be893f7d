import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { OutboxSource, PendingOutbox } from '@grif/engine';
import {
  DeadlineAlarm,
  DELIVER_NOTIFICATION_JOB,
  MAINTENANCE_QUEUE,
  NOTIFICATION_QUEUE,
  OutboxRelay,
  QueueName,
  DEADLINE_QUEUE,
} from '@grif/queue';
import { eventually } from '../support/api';
import { testQueuePrefix } from '../support/test-database';

/**
 * The reconciler's re-send of undelivered effects, against a real Redis: a job that ran out
 * of attempts (a long outage) is tried again; one that a processor refused stays refused.
 */
describe('redeliver(): undelivered effects whose jobs failed', () => {
  const connection = { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
  const prefix = testQueuePrefix();
  const queues = Object.fromEntries(
    [DEADLINE_QUEUE, NOTIFICATION_QUEUE, MAINTENANCE_QUEUE].map((n) => [n, new Queue(n, { connection, prefix })]),
  ) as Record<QueueName, Queue>;
  const notifications = queues[NOTIFICATION_QUEUE];
  const row = (id: string): PendingOutbox => ({
    id,
    kind: 'notify',
    payload: { template: 't' },
    schoolId: 's',
    instanceId: 'i',
  });
  let undelivered: PendingOutbox[] = [];
  const source: OutboxSource = {
    pending: async () => [],
    undelivered: async (_limit, after) => (after ? [] : undelivered),
    markDispatched: async () => undefined,
    countPending: async () => undelivered.length,
  };
  const clock = { now: () => new Date() };
  const relay = new OutboxRelay(source, new DeadlineAlarm(queues[DEADLINE_QUEUE], clock), queues, clock);

  afterAll(async () => {
    await notifications.obliterate({ force: true });
    for (const q of Object.values(queues)) await q.close();
  });

  it('retries a job out of attempts, leaves a refused one failed', async () => {
    await notifications.add(DELIVER_NOTIFICATION_JOB, {}, { jobId: 'outbox-exhausted', attempts: 1 });
    await notifications.add(DELIVER_NOTIFICATION_JOB, {}, { jobId: 'outbox-refused', attempts: 5 });
    const failing = new Worker(
      NOTIFICATION_QUEUE,
      async (job) => {
        throw job.id === 'outbox-refused' ? new UnrecoverableError('malformed') : new Error('database unavailable');
      },
      { connection, prefix },
    );
    try {
      await eventually(async () => ((await notifications.getFailedCount()) === 2 ? true : undefined), 5000);
    } finally {
      await failing.close();
    }
    undelivered = [row('exhausted'), row('refused')];
    expect(await relay.redeliver()).toBe(1);
    expect(await (await notifications.getJob('outbox-exhausted'))!.getState()).toBe('waiting');
    expect(await (await notifications.getJob('outbox-refused'))!.getState()).toBe('failed');
    // A job still waiting is not added twice.
    expect(await relay.redeliver()).toBe(0);
  });
});
