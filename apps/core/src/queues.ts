import type { Provider } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { QUEUE_NAMES, QueueName } from '@grif/queue';
import { OutageLog } from './outage-log';
import { ShutdownSequence } from './shutdown';

/** Every queue of Grif by name, registered for shutdown, with Redis errors reported once per outage. */
export const QUEUES = Symbol.for('grif.Queues');

export function queueProvider(): Provider {
  return {
    provide: QUEUES,
    useFactory: (shutdown: ShutdownSequence, outage: OutageLog, ...queues: Queue[]) => {
      const byName = {} as Record<QueueName, Queue>;
      QUEUE_NAMES.forEach((name, i) => {
        const queue = queues[i];
        byName[name] = queue;
        queue.on('error', (err) => outage.failed('redis', err));
        shutdown.register('redis', `queue ${name}`, () => queue.close());
      });
      return byName;
    },
    inject: [ShutdownSequence, OutageLog, ...QUEUE_NAMES.map((n) => getQueueToken(n))],
  };
}
