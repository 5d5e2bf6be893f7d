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
 * How long each phase may take before the sequence goes on without what is still closing. A job in hand gets
 * most of the 30 s an orchestrator waits after SIGTERM; closing a connection to a Redis or a database that is
 * gone can wait for ever (ioredis's QUIT is queued until it reconnects), and must not keep the later phases,
 * or the exit, waiting.
 */
export const PHASE_LIMIT_MS: Record<ShutdownPhase, number> = { jobs: 15_000, redis: 3_000, database: 5_000 };
/** After SIGTERM, the process ends by then whatever still waits (a library's own hook on a connection that is gone). */
export const EXIT_LIMIT_MS = 27_000;

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
  /** Per phase: how long its steps may take together (PHASE_LIMIT_MS). */
  limitMs: Record<ShutdownPhase, number> = PHASE_LIMIT_MS;

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
      const end = Date.now() + this.limitMs[phase];
      const left: string[] = [];
      for (const step of steps) {
        // Each step is still asked to close once the phase's time is up; it is just not waited for.
        await this.within(Math.max(0, end - Date.now()), step.close).catch((err: unknown) => {
          left.push(step.name);
          this.log.warn(`${phase}/${step.name}: ${(err as Error).message}`);
        });
      }
      const closed = steps.map((s) => s.name).filter((name) => !left.includes(name));
      if (steps.length)
        this.log.log(
          `${DONE[phase]}: ${closed.join(', ') || 'none'}${left.length ? `; left: ${left.join(', ')}` : ''}`,
        );
    }
  }

  /** The step's own outcome, or a failure once `ms` passed without one (the step is left to finish or not). */
  private async within(ms: number, close: () => Promise<unknown>): Promise<unknown> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('gave up: its phase ran out of time')), ms);
      timer.unref();
    });
    try {
      return await Promise.race([Promise.resolve().then(close), late]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * SIGTERM and SIGINT run `close` once and end the process: with 0 when it finished, with 1 when it threw or
 * was still waiting after EXIT_LIMIT_MS.
 */
export function exitOnSignal(name: string, close: () => Promise<unknown>, limitMs = EXIT_LIMIT_MS): void {
  const stop = () => {
    setTimeout(() => {
      console.error(`${name}: shutdown still waiting after ${limitMs} ms; exiting`);
      process.exit(1);
    }, limitMs).unref();
    close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(`${name}: shutdown: ${(err as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
