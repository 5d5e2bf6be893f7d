import { REGISTRATION } from '../support/harness';
import { assertNothingLostNothingTwice, until } from './support/invariants';
import { Load } from './support/load';
import { checked, did, say } from './support/report';
import { ChaosStack, sized } from './support/stack';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * PostgreSQL restarted under load (issue 12): clients get 503 DATABASE_UNAVAILABLE with Retry-After
 * (never a 500), no transition is half-written, and the API and the workers recover without a restart.
 * The full form restarts twice: a clean fast stop, then a crash (immediate stop, WAL recovery).
 */
describe('chaos: PostgreSQL restarted under load', () => {
  const stack = new ChaosStack();
  beforeAll(() => stack.start({ apis: 1, workers: 2 }));
  afterAll(() => stack.close());

  it('503 with Retry-After while it is down; nothing half-written, lost or applied twice; recovers by itself', async () => {
    const load = new Load(stack.api, { loops: sized(2, 3), acts: true, dueInMs: 3000 });
    load.start();
    did(`started the load: ${sized(2, 3)} document loops and an act loop, each ISSUE due 3 s ahead`);
    const modes = sized(1, 2) === 1 ? (['immediate'] as const) : (['fast', 'immediate'] as const);
    const downMs = sized(4000, 10_000);
    for (const mode of modes) {
      await pause(sized(5000, 8000));
      const before = load.transitions;
      await stack.pg!.stop(mode);
      did(
        `stopped PostgreSQL (${mode}${mode === 'immediate' ? ': a crash, no checkpoint' : ''}) after ${before} writes, for ${downMs / 1000} s`,
      );
      await pause(1000);

      const refused = await stack.api.once(stack.api.base, 'clerk', 'POST', '/api/documents', REGISTRATION, {
        'idempotency-key': `pg-down-${mode}`,
        'accept-language': 'en',
      });
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body).toMatchObject({ statusCode: 503, code: 'DATABASE_UNAVAILABLE' });
      const health = await stack.api.once(stack.api.base, null, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ database: 'down' });
      checked(
        `a write answers 503 DATABASE_UNAVAILABLE with Retry-After: 5 ("${refused.body.message}"); /health 503 {database: "down"}`,
      );

      await pause(downMs - 1000);
      await stack.pg!.start();
      const back = Date.now();
      did('started PostgreSQL again on the same port');
      await until(
        'GET /health 200 again',
        async () => (await stack.api.once(stack.api.base, null, 'GET', '/health')).status === 200,
        60_000,
      );
      const after = load.transitions;
      await until('the load moves again', async () => load.transitions > after + 5, 60_000);
      expect([...stack.apis, ...stack.workers].every((c) => c.alive())).toBe(true);
      checked(
        `recovered without a restart in ${((Date.now() - back) / 1000).toFixed(1)} s: /health 200, writes commit again, every process still the same`,
      );
      // The request refused while the database was down, sent again with its key: applied now, once.
      const again = await stack.api.call('clerk', 'POST', '/api/documents', REGISTRATION, {
        'idempotency-key': `pg-down-${mode}`,
      });
      expect(again.status).toBe(201);
    }
    await pause(sized(3000, 6000));
    await load.stop();
    did(`stopped the load: ${load.summary()}`);
    expect(stack.api.observed.unavailable.get('DATABASE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    checked(
      `the load's own requests met ${stack.api.observed.total503()} × 503 while PostgreSQL was down, and no other 5xx`,
    );
    await pause(3500);
    await assertNothingLostNothingTwice(stack, load, { settleMs: 90_000 });
    say('PostgreSQL restart: passed');
  });
});
