import { WorkflowEvent } from '@grif/persistence';
import { ApiHarness, startApi } from '../support/api';

describe('audit: the hash chain names the first broken link (R-1.5)', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const walk = () => api.issuedDocument('official_use');
  const em = () => api.rt.transactions.reader();

  it('verifies an untouched history', async () => {
    await walk();
    const r = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, events: 4, instances: 1, checkpoints: 0 });
  });

  it('is for auditors and the people who answer for security, not for staff', async () => {
    expect((await api.call('teacher', 'GET', '/api/audit/verify')).status).toBe(403);
    expect((await api.call(null, 'GET', '/api/audit/verify')).status).toBe(401);
  });

  it('one byte of a stored event changed: verify names that event', async () => {
    const id = await walk();
    const target = await em().findOneOrFail(WorkflowEvent, { instanceId: id, seq: 2 });
    // "official_use" → "official_usa": a single byte of the stored CLASSIFY payload.
    const tampered = target.payload.replace('official_use', 'official_usa');
    expect(tampered).not.toBe(target.payload);
    expect(Buffer.from(tampered).length).toBe(Buffer.from(target.payload).length);
    await em().nativeUpdate(WorkflowEvent, { id: target.id }, { payload: tampered });
    const r = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(r.body.ok).toBe(false);
    expect(r.body.firstBreak).toEqual({ instanceId: id, seq: 2, eventId: target.id, reason: 'hash_mismatch' });
    await em().nativeUpdate(WorkflowEvent, { id: target.id }, { payload: target.payload });
    expect((await api.call('auditor', 'GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('a deleted last event is caught by the instance head', async () => {
    const id = await walk();
    const last = await em().findOneOrFail(WorkflowEvent, { instanceId: id, seq: 4 });
    await em().nativeDelete(WorkflowEvent, { id: last.id });
    const r = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(r.body.firstBreak).toMatchObject({ instanceId: id, reason: 'head_mismatch' });
  });
});
