import { Injectable, Logger } from '@nestjs/common';
import { DriverException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from '@grif/persistence';
import { ShutdownSequence } from './shutdown';

export type Dependency = 'database' | 'redis';

/**
 * One log line when a dependency goes away and one when it is back, instead of a
 * stack trace from every request, poll and reconnect in between.
 */
@Injectable()
export class OutageLog {
  private readonly log = new Logger('outage');
  private readonly down = new Map<Dependency, { since: number; failures: number }>();

  constructor(private readonly shutdown: ShutdownSequence) {}

  failed(dep: Dependency, err: unknown): void {
    if (this.shutdown.stopping) return;
    const o = this.down.get(dep);
    if (o) {
      o.failures++;
      return;
    }
    this.down.set(dep, { since: Date.now(), failures: 1 });
    this.log.error(`${dep} unavailable: ${firstLine(err)}`);
  }

  /**
   * A failure of work that needs both (the relay, the reconciler, a job): the error says which one went. An error
   * the database answered (a deadlock, a constraint) is no outage of either: logged as itself, retried by the caller.
   */
  failedSomewhere(err: unknown): void {
    if (isDatabaseUnavailable(err)) this.failed('database', err);
    else if (err instanceof DriverException) this.log.warn(`database refused: ${firstLine(err)}`);
    else this.failed('redis', err);
  }

  /** Work that needed both got through. */
  bothAnswered(): void {
    this.succeeded('database');
    this.succeeded('redis');
  }

  succeeded(dep: Dependency): void {
    const o = this.down.get(dep);
    if (!o) return;
    this.down.delete(dep);
    this.log.log(
      `${dep} available again after ${Math.round((Date.now() - o.since) / 1000)} s and ${o.failures} failed attempts`,
    );
  }

  isDown(dep: Dependency): boolean {
    return this.down.has(dep);
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message.split('\n')[0] : String(err));
