import { ApiHarness, startApi } from '../support/api';

describe('concurrency and idempotency over HTTP', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('64 concurrent sends with the same expected version: exactly one applied, 63 get 409, no gap in the history', async () => {
    const id = await api.document('open', ['CLASSIFY']);
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        api.call(
          'clerk',
          'POST',
          `/api/documents/${id}/events`,
          { type: 'STORE', location: `шкаф ${i}` },
          { 'idempotency-key': `race-${id}-${i}`, 'if-match': '2' },
        ),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(63);
    expect(results.filter((r) => r.status === 409).every((r) => r.body.code === 'STALE_VERSION')).toBe(true);
    const history = await api.call('clerk', 'GET', `/api/documents/${id}/history`);
    expect(history.body.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    const doc = await api.call('clerk', 'GET', `/api/documents/${id}`);
    expect(doc.body.version).toBe(3);
  });

  it('64 concurrent sends without If-Match on a moving document: every applied one gets its own seq, no gap', async () => {
    const id = await api.document('open');
    const results = await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        api.call(
          'clerk',
          'POST',
          `/api/documents/${id}/events`,
          { type: 'STORE', location: `шкаф ${i}` },
          { 'idempotency-key': `move-${id}-${i}` },
        ),
      ),
    );
    const applied = results.filter((r) => r.status === 200).length;
    expect(applied).toBeGreaterThanOrEqual(1);
    expect(results.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const history = await api.call('clerk', 'GET', `/api/documents/${id}/history`);
    expect(history.body.map((e: { seq: number }) => e.seq)).toEqual(
      Array.from({ length: 3 + applied }, (_, i) => i + 1),
    );
  });

  it('the same Idempotency-Key 50 times at once: one event, 50 identical answers', async () => {
    const id = await api.document('open');
    const body = { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'ачык сабак' };
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.call('clerk', 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `same-${id}` }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify([r.status, r.body])))).toEqual(
      new Set([JSON.stringify([200, { state: 'issued', version: 4 }])]),
    );
    const history = await api.call('clerk', 'GET', `/api/documents/${id}/history`);
    expect(history.body.filter((e: { type: string }) => e.type === 'ISSUE')).toHaveLength(1);
  });

  it('the same key with a different body is 422 and writes nothing; a later retry with the first body still replays', async () => {
    const id = await api.document('open');
    const headers = { 'idempotency-key': `reuse-${id}` };
    const first = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'STORE', location: 'A' },
      headers,
    );
    expect(first.status).toBe(200);
    const other = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'STORE', location: 'B' },
      headers,
    );
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const replay = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'STORE', location: 'A' },
      headers,
    );
    expect(replay).toEqual(first);
    const doc = await api.call('clerk', 'GET', `/api/documents/${id}`);
    expect(doc.body).toMatchObject({ location: 'A', version: first.body.version });
  });

  it('an idempotency key belongs to its user: another user with the same key is a separate request', async () => {
    const id = await api.document('open');
    await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'x' },
      { 'idempotency-key': `shared-${id}` },
    );
    const r = await api.call(
      'teacher',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ACKNOWLEDGE' },
      { 'idempotency-key': `shared-${id}` },
    );
    expect(r).toEqual({ status: 200, body: { state: 'issued', version: 5 } });
  });

  it('concurrent registrations get distinct, gap-free journal numbers', async () => {
    const body = {
      direction: 'internal',
      kind: 'instruction',
      title: 'Тескеме',
      correspondent: 'Директор',
      documentDate: '2026-11-26',
      pages: 1,
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => api.call('clerk', 'POST', '/api/documents', body)),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results.map((r) => Number(String(r.body.regNumber).slice(2, 6))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0] + i));
  });
});
