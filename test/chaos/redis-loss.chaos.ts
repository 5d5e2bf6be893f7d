import { assertNothingLostNothingTwice, until } from './support/invariants';
import { Load } from './support/load';
import { checked, did, say } from './support/report';
import { ChaosStack, sized } from './support/stack';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Redis FLUSHALL under load, then Redis stopped for 30 s (8 s in the short form) and started again
 * (issue 12): every pending deadline and every effect is still delivered (the database is the truth,
 * the reconciler re-arms and re-sends); while Redis is gone the API answers a clear 503 for what needs
 * it and goes on with what does not; it recovers by itself, no process restarted.
 */
describe('chaos: Redis FLUSHALL and a Redis outage under load', () => {
  const stack = new ChaosStack();
  beforeAll(() => stack.start({ apis: 1, workers: 2 }));
  afterAll(() => stack.close());

  const health = () => stack.api.once(stack.api.base, null, 'GET', '/health');
  const board = () =>
    stack.api.once(stack.api.base, 'director', 'GET', '/admin/queues/api/queues', undefined, {
      'accept-language': 'en',
    });

  it('nothing lost, nothing applied twice; 503 for what needs Redis while it is gone; recovers by itself', async () => {
    const load = new Load(stack.api, { loops: sized(2, 3), acts: true, dueInMs: 3000 });
    load.start();
    did(`started the load: ${sized(2, 3)} document loops and an act loop, each ISSUE due 3 s ahead`);

    for (let i = 0; i < sized(1, 2); i++) {
      await pause(sized(4000, 6000));
      await stack.redis!.flushall();
      did(`FLUSHALL (${i + 1}) after ${load.transitions} writes: every job, alarm and lock in Redis gone`);
    }
    await pause(4000);

    const outageMs = sized(8000, 30_000);
    const before = load.transitions;
    await stack.redis!.stop();
    const stoppedAt = Date.now();
    did(`stopped redis-server for ${outageMs / 1000} s, after ${before} writes`);
    await pause(1500);

    const h = await health();
    expect(h.status).toBe(503);
    expect(h.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
    expect(h.headers['retry-after']).toBe('5');
    checked('GET /health answers 503 {redis: "down"} with Retry-After while Redis is gone');
    const b = await board();
    expect(b.status).toBe(503);
    expect(b.headers['retry-after']).toBe('5');
    expect(b.body).toMatchObject({ statusCode: 503, code: 'QUEUE_UNAVAILABLE' });
    checked(`Bull Board's API answers 503 ${b.body.code} with Retry-After: "${b.body.message}"`);

    await pause(Math.max(0, outageMs - (Date.now() - stoppedAt)));
    const during = load.transitions - before;
    expect(during).toBeGreaterThan(0);
    checked(
      `${during} writes committed while Redis was gone (transitions need only the database: the outbox keeps their effects)`,
    );
    await stack.redis!.start();
    did('started redis-server again, empty, on the same port');

    const back = Date.now();
    await until('GET /health 200 again', async () => (await health()).status === 200, 60_000);
    expect([...stack.apis, ...stack.liveWorkers()].every((c) => c.alive())).toBe(true);
    expect(stack.liveWorkers()).toHaveLength(2);
    expect((await board()).status).toBe(200);
    checked(
      `recovered by itself in ${((Date.now() - back) / 1000).toFixed(1)} s: /health 200, Bull Board 200, no process restarted or exited`,
    );

    const after = load.transitions;
    await pause(sized(4000, 6000));
    expect(load.transitions).toBeGreaterThan(after);
    await load.stop();
    did(`stopped the load: ${load.summary()}`);
    await pause(3500);
    await assertNothingLostNothingTwice(stack, load, { settleMs: 90_000 });
    say('Redis FLUSHALL and outage: passed');
  });
});
