import { Processor } from '@nestjs/bullmq';
import { Test } from '@nestjs/testing';
import { Job, UnrecoverableError } from 'bullmq';
import { ShutdownSequence } from '@grif/core';
import { GrifError } from '@grif/domain';
import { DELIVER_NOTIFICATION_JOB, FIRE_DEADLINE_JOB, NOTIFICATION_QUEUE } from '@grif/queue';
import { assertEveryJobHandled, JobHandler, JobProcessor, WorkerModule } from '@grif/worker';
import { NotificationProcessor } from '../../apps/worker/src/processors/notification.processor';
import { eventually } from '../support/api';
import { startHarness, Harness, testConfig } from '../support/harness';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A notifications processor that forgot its one job. */
@Processor(NOTIFICATION_QUEUE, { autorun: false })
class ForgetfulNotifications extends JobProcessor {
  readonly handlers: Record<string, JobHandler> = {};
}

describe('every job name has a handler, or the worker does not start', () => {
  it('names what is missing: a queue without a processor, a job without a handler, a handler nobody sends', () => {
    expect(() =>
      assertEveryJobHandled([
        { queue: 'deadlines', jobs: [FIRE_DEADLINE_JOB, 'ring-twice'] },
        { queue: 'notifications', jobs: [] },
      ]),
    ).toThrow(
      'grif: the worker cannot start: handler for unknown job "ring-twice" of queue "deadlines"; no handler for job "deliver-notification" of queue "notifications"; queue "maintenance" has 0 processors (needs exactly one)',
    );
  });

  describe('the real WorkerModule', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.drop());

    it('refuses to boot when the notifications processor has no handler for deliver-notification', async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [WorkerModule.forRoot({ useFactory: () => testConfig(db.settings) })],
      })
        .overrideProvider(NotificationProcessor)
        .useClass(ForgetfulNotifications)
        .compile();
      await expect(moduleRef.init()).rejects.toThrow(
        'no handler for job "deliver-notification" of queue "notifications"',
      );
      // close() would rethrow the failed init; what main's process.exit does, done by hand: let go of Redis and the database.
      await moduleRef.get(ShutdownSequence).onApplicationShutdown();
    });
  });
});

describe('a business refusal ends a job at once (UnrecoverableError), it is not retried', () => {
  class Refusing extends JobProcessor {
    readonly handlers: Record<string, JobHandler> = {
      refuse: async () => {
        throw new GrifError('not_found', 'NOT_FOUND');
      },
      crash: async () => {
        throw new Error('connection reset');
      },
      race: async () => {
        throw new GrifError('conflict', 'STALE_VERSION');
      },
    };
  }
  const job = (name: string) => ({ name, queueName: 'q' }) as Job;

  it('a business GrifError becomes UnrecoverableError with its code; a conflict or any other error stays retryable', async () => {
    const p = new Refusing();
    await expect(p.process(job('refuse'))).rejects.toEqual(new UnrecoverableError('NOT_FOUND: Not found.'));
    await expect(p.process(job('crash'))).rejects.not.toBeInstanceOf(UnrecoverableError);
    await expect(p.process(job('race'))).rejects.not.toBeInstanceOf(UnrecoverableError);
    await expect(p.process(job('other'))).rejects.toBeInstanceOf(UnrecoverableError);
  });

  describe('in a running worker', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness({ worker: true });
    });
    afterAll(() => h?.close());

    it('a malformed notification job fails after one attempt, though it was given eight', async () => {
      const queue = h.rt.queues.notifications;
      const added = await queue.add(
        DELIVER_NOTIFICATION_JOB,
        { schoolId: h.schoolId },
        { jobId: 'outbox-malformed', attempts: 8, backoff: { type: 'fixed', delay: 100 } },
      );
      const failed = await eventually(
        async () => ((await queue.getJob(added.id!))?.failedReason ? queue.getJob(added.id!) : undefined),
        10_000,
      );
      expect(failed!.attemptsMade).toBe(1);
      expect(failed!.failedReason).toMatch(/^malformed notification job: instanceId/);
      expect(await failed!.getState()).toBe('failed');
    });
  });
});
