import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/core';
import type { Queue } from 'bullmq';
import { MikroOutboxSource, pingDatabase } from '@grif/persistence';
import type { QueueName } from '@grif/queue';
import { QUEUES } from './queues';

/** What /health reports: can this process reach its database and its Redis, and how much is still on its way. */
@Injectable()
export class HealthProbe {
  constructor(
    private readonly orm: MikroORM,
    @Inject(QUEUES) private readonly queues: Record<QueueName, Queue>,
    private readonly outbox: MikroOutboxSource,
  ) {}

  database(): Promise<boolean> {
    return pingDatabase(this.orm);
  }

  async redis(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const ping = this.queues.deadlines.backend.client.then((client) => client.runCommand('ping', []));
      return (
        (await Promise.race([
          ping,
          new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), timeoutMs))),
        ])) === 'PONG'
      );
    } catch {
      return false;
    } finally {
      clearTimeout(timer);
    }
  }

  outboxPending(): Promise<number> {
    return this.outbox.countPending();
  }
}
