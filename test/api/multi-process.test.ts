import { ApiHarness, startApi } from '../support/api';
import { Child, freePort, spawnNode } from '../support/processes';

/**
 * A district runs several API processes on one database; a school may run the API and the
 * worker apart on one SQLite file. Races between processes must end like races inside one.
 */
describe('two API processes on one database', () => {
  let api: ApiHarness;
  let second: Child;
  let secondBase: string;

  beforeAll(async () => {
    api = await startApi();
    const port = await freePort();
    second = spawnNode('apps/api/src/main.js', {
      ...api.db.env,
      PORT: String(port),
      GRIF_QUEUE_PREFIX: api.rt.queue.prefix,
      GRIF_DEMO: undefined,
    });
    await second.waitFor(/API on http/, 20000);
    secondBase = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await second?.stop();
    await api?.close();
  });

  const post = (base: string, id: string, body: object, headers: Record<string, string>) =>
    fetch(`${base}/api/documents/${id}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.tokens.clerk}`, ...headers },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));

  it('64 racing sends split across both processes: exactly one applied, the rest 409, no gap', async () => {
    const id = await api.document('open', ['CLASSIFY']);
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        post(
          i % 2 ? secondBase : api.base,
          id,
          { type: 'STORE', location: `шкаф ${i}` },
          { 'idempotency-key': `mp-${id}-${i}`, 'if-match': '2' },
        ),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(63);
    const history = await api.call('clerk', 'GET', `/api/documents/${id}/history`);
    expect(history.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
  });

  it('the same Idempotency-Key through both processes at once: one event, identical answers', async () => {
    const id = await api.document('open');
    const body = { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'x' };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(i % 2 ? secondBase : api.base, id, body, { 'idempotency-key': `mp-same-${id}` }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r)))).toEqual(
      new Set([JSON.stringify({ status: 200, body: { state: 'issued', version: 4 } })]),
    );
    const history = await api.call('clerk', 'GET', `/api/documents/${id}/history`);
    expect(history.body.filter((e: { type: string }) => e.type === 'ISSUE')).toHaveLength(1);
  });
});
