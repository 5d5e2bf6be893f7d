import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** The order a process stops in: finish the jobs in hand, then let go of Redis, then of the database. */
export const SHUTDOWN_PHASES = ['jobs', 'redis', 'database'] as const;
export type ShutdownPhase = (typeof SHUTDOWN_PHASES)[number];
const DONE: Record<ShutdownPhase, string> = {
  jobs: 'jobs drained',
  redis: 'redis closed',
  database: 'database closed',
};

/**
 * The one owner of shutdown. Whoever opens something long-lived registers how to
 * close it, and in which phase; SIGTERM (app.close()) runs the phases in order.
 * It starts in Nest's before-shutdown step, so it runs ahead of every library's own
 * shutdown hook (@nestjs/bullmq closes its queues and workers there, which then finds
 * them closed); the shutdown hook itself only waits for it.
 */
@Injectable()
export class ShutdownSequence implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly log = new Logger('shutdown');
  private readonly steps: { phase: ShutdownPhase; name: string; close: () => Promise<unknown> }[] = [];
  private done?: Promise<void>;

  /** True once shutdown began: what fails from now on is the shutdown itself, not an outage. */
  get stopping(): boolean {
    return this.done !== undefined;
  }

  register(phase: ShutdownPhase, name: string, close: () => Promise<unknown>): void {
    this.steps.push({ phase, name, close });
  }

  beforeApplicationShutdown(): Promise<void> {
    this.done ??= this.run();
    return this.done;
  }

  onApplicationShutdown(): Promise<void> {
    return this.beforeApplicationShutdown();
  }

  private async run(): Promise<void> {
    for (const phase of SHUTDOWN_PHASES) {
      // Within a phase, the last opened closes first.
      const steps = this.steps.filter((s) => s.phase === phase).reverse();
      for (const step of steps) {
        await step.close().catch((err: unknown) => this.log.warn(`${phase}/${step.name}: ${(err as Error).message}`));
      }
      if (steps.length) this.log.log(`${DONE[phase]}: ${steps.map((s) => s.name).join(', ')}`);
    }
  }
}
