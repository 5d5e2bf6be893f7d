import { GrifError } from '@grif/domain';
import { HASHES_AT_ONCE, HashingGate, MAX_WAITING } from './hashing-gate';

/** A burst of sign-ins queues for a few scrypt slots; past the queue's bound they are refused with 429 at once. */
describe('HashingGate', () => {
  const deferred = () => {
    let release!: () => void;
    const done = new Promise<void>((r) => (release = r));
    return { done, release };
  };

  it(`runs at most ${HASHES_AT_ONCE} hashes at once; the others wait their turn`, async () => {
    const gate = new HashingGate();
    let running = 0;
    let most = 0;
    const blocks = Array.from({ length: 6 }, deferred);
    const runs = blocks.map((b) =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await b.done;
        running--;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(running).toBe(HASHES_AT_ONCE);
    for (const b of blocks) b.release();
    await Promise.all(runs);
    expect(most).toBe(HASHES_AT_ONCE);
  });

  it(`refuses with LOGIN_THROTTLED and a Retry-After once ${MAX_WAITING} are waiting`, async () => {
    const gate = new HashingGate();
    const block = deferred();
    const runs = Array.from({ length: HASHES_AT_ONCE + MAX_WAITING }, () => gate.run(() => block.done));
    await new Promise((r) => setImmediate(r));
    const refused = await gate.run(async () => 'ran').catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(GrifError);
    expect(refused).toMatchObject({ kind: 'throttled', code: 'LOGIN_THROTTLED', details: { retryAfterS: 5 } });
    block.release();
    await Promise.all(runs);
    expect(await gate.run(async () => 'ran')).toBe('ran');
  });
});
