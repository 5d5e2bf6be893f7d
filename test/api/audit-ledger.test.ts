import { ChainCheckpoint } from '@grif/persistence';
import { ApiHarness, startApi } from '../support/api';
import { deleteInstance, editCheckpoint } from '../support/tamper';

/** a chained ledger of chain heads catches an instance deleted with its whole history. */
describe('audit: the ledger of chain heads', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  const walk = () => api.issuedDocument('official_use');
  const em = () => api.rt.transactions.reader();
  const seal = () => api.call('security', 'POST', '/api/audit/checkpoints');

  it('is sealed by the security officer, the director or the admin; never by staff or the read-only auditor', async () => {
    expect((await api.call('teacher', 'POST', '/api/audit/checkpoints')).status).toBe(403);
    expect(await api.call('auditor', 'POST', '/api/audit/checkpoints')).toMatchObject({
      status: 403,
      body: { code: 'ROLE_REQUIRED' },
    });
    expect([201, 200]).toContain((await api.call('director', 'POST', '/api/audit/checkpoints')).status);
  });

  it('seals the heads that moved, and only those, each checkpoint chained to the last', async () => {
    await walk();
    const first = await seal();
    expect(first.status).toBe(201);
    expect((await seal()).body).toEqual({ unchanged: true });
    const id = await walk();
    const second = await seal();
    expect(second.body).toMatchObject({ seq: first.body.seq + 1, heads: 1 });
    const ledger = await em().find(ChainCheckpoint, { schoolId: api.schoolId }, { orderBy: { seq: 'asc' } });
    expect(ledger.at(-1)!.prevHash).toBe(ledger.at(-2)!.hash);
    expect(JSON.parse(ledger.at(-1)!.heads)[0][0]).toBe(id);
    expect((await api.call('auditor', 'GET', '/api/audit/verify')).body).toMatchObject({
      ok: true,
      checkpoints: ledger.length,
    });
  });

  it('two seals at once write one checkpoint', async () => {
    await walk();
    const both = await Promise.all([seal(), seal()]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 201]);
  });

  it('the worker seals every school the same way', async () => {
    await walk();
    expect(await api.rt.checkpoint()).toBe(1);
    expect(await api.rt.checkpoint()).toBe(0);
  });

  it('names an instance deleted with its whole history', async () => {
    const id = await walk();
    await seal();
    await deleteInstance(api, id);
    const r = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(r.body).toMatchObject({
      ok: false,
      firstBreak: { instanceId: id, seq: 4, reason: 'instance_missing', problem: 'deleted_instance' },
    });
  });

  it('an edited checkpoint breaks the ledger itself', async () => {
    const { seq } = await editCheckpoint(api, api.schoolId);
    const r = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(r.body.firstBreak).toMatchObject({ reason: 'checkpoint_chain', problem: 'checkpoint_edited', seq });
  });
});
