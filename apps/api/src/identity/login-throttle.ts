import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import IORedis from 'ioredis';
import { GRIF_CONFIG, type GrifConfig, OutageLog, ShutdownSequence } from '@grif/core';
import { CLOCK, type Clock } from '@grif/engine';
import { redisOptions } from '@grif/queue';

/** ASVS 6.3.1 / issue 10: the 11th failed sign-in within 15 minutes is refused, per account and per client. */
export const FAILURES_ALLOWED = 10;
export const FAILURE_WINDOW_MS = 15 * 60_000;

/** Who is signing in: the account (its id when it exists, else the name typed) and the client's address. */
export interface SignInAttempt {
  account: string;
  address: string;
}

export type ThrottleVerdict = { throttled: false } | { throttled: true; retryAfterS: number };

const hashed = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/**
 * Failed sign-ins counted in Redis, so every API process of an install sees the same count: a sorted
 * set per account and per client address, scored by the time of each failure (a sliding 15-minute
 * window), holding at most the newest FAILURES_ALLOWED failures. While either set is full, every attempt
 * is refused, the right password too, until its oldest failure leaves the window; a refused attempt is
 * not counted, so the wait never grows. A successful sign-in clears the account's count (not the client's).
 *
 * Keys live under the install's queue prefix (`<prefix>:login-throttle:…`), so two installs, or two
 * test files, on one Redis never share a count.
 *
 * When Redis does not answer, sign-in FAILS OPEN: it goes on unthrottled, and the outage is logged once.
 * Locking every person of the school out because Redis restarted would stop the school's work, while the
 * hashing gate (at most a few scrypt runs at once) still keeps a password-guessing burst from starving
 * the server; an in-process fallback would count per process only, giving an attacker more guesses the
 * more processes there are, and a false sense of a limit.
 */
@Injectable()
export class LoginThrottle implements OnApplicationBootstrap {
  private readonly redis: IORedis;

  constructor(
    @Inject(GRIF_CONFIG) config: GrifConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly outage: OutageLog,
    shutdown: ShutdownSequence,
  ) {
    this.redis = new IORedis({
      ...redisOptions(config.queue.redisUrl),
      keyPrefix: `${config.queue.prefix}:login-throttle:`,
      // Fail fast rather than hold a sign-in while Redis is away.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 1000,
    });
    this.redis.on('error', (err) => this.outage.failed('redis', err));
    shutdown.register('redis', 'login throttle', () => this.redis.quit().catch(() => this.redis.disconnect()));
  }

  /** The first sign-in after start-up should not fail open only because the connection is still being made. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.redis.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, 2000);
      this.redis.once('ready', done);
    });
  }

  private keys(a: SignInAttempt): string[] {
    return [`account:${hashed(a.account)}`, `client:${hashed(a.address)}`];
  }

  /** Whether this attempt must be refused, and for how long. */
  async verdict(a: SignInAttempt): Promise<ThrottleVerdict> {
    const now = this.clock.now().getTime();
    try {
      const m = this.redis.multi();
      for (const key of this.keys(a)) {
        m.zremrangebyscore(key, '-inf', now - FAILURE_WINDOW_MS);
        m.zrange(key, '0', '-1', 'WITHSCORES');
      }
      const answers = (await m.exec()) ?? [];
      this.outage.succeeded('redis');
      let waitMs = 0;
      for (let i = 1; i < answers.length; i += 2) {
        const [err, flat] = answers[i] as [Error | null, string[]];
        if (err) throw err;
        const scores = flat.filter((_, j) => j % 2 === 1).map(Number);
        if (scores.length >= FAILURES_ALLOWED)
          waitMs = Math.max(waitMs, scores[scores.length - FAILURES_ALLOWED] + FAILURE_WINDOW_MS - now);
      }
      return waitMs > 0 ? { throttled: true, retryAfterS: Math.ceil(waitMs / 1000) } : { throttled: false };
    } catch (err) {
      this.outage.failed('redis', err);
      return { throttled: false };
    }
  }

  /** A failed attempt: counted for the account and for the client. */
  async failed(a: SignInAttempt): Promise<void> {
    const now = this.clock.now().getTime();
    try {
      const m = this.redis.multi();
      for (const key of this.keys(a)) {
        m.zadd(key, now, `${now}:${randomBytes(6).toString('hex')}`);
        // Only the newest failures decide when the next attempt is allowed.
        m.zremrangebyrank(key, 0, -(FAILURES_ALLOWED + 1));
        m.pexpire(key, FAILURE_WINDOW_MS);
      }
      await m.exec();
    } catch (err) {
      this.outage.failed('redis', err);
    }
  }

  /** The account's owner signed in: their earlier typos no longer count against them. */
  async succeeded(a: SignInAttempt): Promise<void> {
    try {
      await this.redis.del(this.keys(a)[0]);
    } catch (err) {
      this.outage.failed('redis', err);
    }
  }
}
