import { Injectable } from '@nestjs/common';
import { Sema } from 'async-sema';
import { GrifError } from '@grif/domain';

/** scrypt at the ASVS parameters takes 128 MiB and a core for a while: this many run at once, at most. */
export const HASHES_AT_ONCE = 2;
/** Beyond this many waiting, a sign-in is refused at once (429) instead of queueing without end. */
export const MAX_WAITING = 32;
const BUSY_RETRY_AFTER_S = 5;

/**
 * Password hashing for sign-in and password change goes through here, so a burst of (anonymous) bad
 * sign-ins queues for a few scrypt slots instead of taking every core and the memory, and the other
 * requests (GET /api/me) keep being answered.
 */
@Injectable()
export class HashingGate {
  private readonly sema = new Sema(HASHES_AT_ONCE);

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.sema.nrWaiting() >= MAX_WAITING)
      throw new GrifError('throttled', 'LOGIN_THROTTLED', { retryAfterS: BUSY_RETRY_AFTER_S });
    await this.sema.acquire();
    try {
      return await work();
    } finally {
      this.sema.release();
    }
  }
}
