import { ApiHarness, sendEvent, startApi } from '../support/api';
import { Child, freePort, startPrivateRedis } from '../support/processes';
import { testQueuePrefix } from '../support/test-database';

/**
 * While Redis is gone, what needs it (the health check's Redis probe, Bull Board) answers 503 with
 * Retry-After and a code that says so — never a 500 or a request left hanging — and what does not
 * need it (a transition: its effects wait in the outbox) goes on. Both come back by themselves.
 * A redis-server of this file's own: stopping the shared one would break other suites.
 */
describe('a Redis outage answers 503 for what needs Redis', () => {
  let redis: Child;
  let port: number;
  let api: ApiHarness;
  const startRedis = async () => {
    redis = await startPrivateRedis(port);
  };
  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    api = await startApi({ queue: { redisUrl: `redis://127.0.0.1:${port}`, prefix: testQueuePrefix() } });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.stop();
  });

  const board = () => api.call('director', 'GET', '/admin/queues/api/queues', undefined, { 'accept-language': 'en' });

  it('health and Bull Board say 503 with Retry-After; a transition still commits; both recover', async () => {
    const id = await api.document('open');
    await redis.stop();

    const health = await api.call(null, 'GET', '/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', database: 'up', redis: 'down' });
    expect(health.headers['retry-after']).toBe('5');

    const refused = await board();
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('5');
    expect(refused.body).toEqual({
      statusCode: 503,
      code: 'QUEUE_UNAVAILABLE',
      message: 'The job queue (Redis) is unavailable for a moment. Try again shortly.',
    });

    const issued = await sendEvent(api, 'clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш' });
    expect(issued).toEqual({ status: 200, body: { state: 'issued', version: 4 } });

    await startRedis();
    const until = Date.now() + 20_000;
    while ((await api.call(null, 'GET', '/health')).status !== 200 && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
    expect((await api.call(null, 'GET', '/health')).status).toBe(200);
    expect((await board()).status).toBe(200);
  });
});
