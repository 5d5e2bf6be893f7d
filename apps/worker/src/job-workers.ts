import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { isDatabaseUnavailable } from '@grif/persistence';
import { JOB_NAMES, QueueName } from '@grif/queue';
import { OutageLog } from '@grif/core';
import { ShutdownSequence } from '@grif/core';
import { JobProcessor } from './processors/job-processor';

/**
 * Refuses to start unless every queue has one processor with a handler for each of its
 * job names (and no handler for a name nobody sends); then starts the workers.
 */
@Injectable()
export class JobWorkers implements OnApplicationBootstrap {
  private readonly log = new Logger('jobs');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly shutdown: ShutdownSequence,
    private readonly outage: OutageLog,
  ) {}

  processors(): JobProcessor[] {
    return this.discovery
      .getProviders()
      .map((w) => w.instance as unknown)
      .filter((i): i is JobProcessor => i instanceof JobProcessor);
  }

  onApplicationBootstrap(): void {
    const processors = this.processors();
    // Registered first: a worker that never starts still holds Redis connections to close.
    for (const p of processors) this.shutdown.register('jobs', `worker ${p.worker.name}`, () => p.worker.close());
    assertEveryJobHandled(processors.map((p) => ({ queue: p.worker.name, jobs: Object.keys(p.handlers) })));
    for (const p of processors) {
      p.worker.on('error', (err) => this.outage.failed('redis', err));
      p.worker.on('failed', (job, err) => {
        // While the database is away every attempt fails alike: that is one outage, not a line per attempt.
        if (isDatabaseUnavailable(err)) return this.outage.failed('database', err);
        this.log.warn(`${p.worker.name}/${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${err.message}`);
      });
      p.worker.on('completed', () => this.outage.bothAnswered());
      void p.worker.run().catch((err: unknown) => this.outage.failed('redis', err));
    }
  }
}

/** Throws one line naming what is missing: a queue without a processor, or a job name without a handler. */
export function assertEveryJobHandled(processors: { queue: string; jobs: string[] }[]): void {
  const problems: string[] = [];
  for (const [queue, names] of Object.entries(JOB_NAMES) as [QueueName, readonly string[]][]) {
    const own = processors.filter((p) => p.queue === queue);
    if (own.length !== 1) {
      problems.push(`queue "${queue}" has ${own.length} processors (needs exactly one)`);
      continue;
    }
    for (const name of names)
      if (!own[0].jobs.includes(name)) problems.push(`no handler for job "${name}" of queue "${queue}"`);
    for (const name of own[0].jobs)
      if (!names.includes(name)) problems.push(`handler for unknown job "${name}" of queue "${queue}"`);
  }
  for (const p of processors) if (!(p.queue in JOB_NAMES)) problems.push(`processor for unknown queue "${p.queue}"`);
  if (problems.length) throw new Error(`grif: the worker cannot start: ${problems.join('; ')}`);
}
