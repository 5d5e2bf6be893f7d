import { ApiHarness, startApi } from '../support/api';

/**
 * The history of a RECLASSIFY names the mark it replaced as well as the new one: the event
 * carries only the new mark, so the answer reads the old one from the history before it.
 */
describe('history: a RECLASSIFY shows the old mark and the new one', () => {
  let api: ApiHarness;
  let k = 0;
  const send = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `hist-${++k}-${id}` });
  const history = async (id: string) =>
    (await api.call('auditor', 'GET', `/api/documents/${id}/history`)).body as {
      type: string;
      payload: { classification?: string };
      previousClassification?: string | null;
    }[];

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('R-4.3: each reclassification names the mark before it; no other event carries one', async () => {
    const id = await api.document('confidential');
    for (const classification of ['official_use', 'personal_data'])
      expect((await send('security', id, { type: 'RECLASSIFY', classification, reason: 'буйрук №45' })).status).toBe(
        200,
      );
    const h = await history(id);
    expect(
      h.filter((e) => e.type === 'RECLASSIFY').map((e) => [e.previousClassification, e.payload.classification]),
    ).toEqual([
      ['confidential', 'official_use'],
      ['official_use', 'personal_data'],
    ]);
    expect(h.filter((e) => e.type !== 'RECLASSIFY').some((e) => 'previousClassification' in e)).toBe(false);
  });

  it("a copy's first reclassification names the mark it inherited from its original", async () => {
    const original = await api.document('confidential');
    expect((await send('clerk', original, { type: 'COPY', purpose: 'педкеңеш', count: 1 })).status).toBe(200);
    const copies = await api.call('clerk', 'GET', `/api/registers/copies?originalId=${original}`);
    const copyId = copies.body.items[0].copyId as string;
    const r = await send('security', copyId, { type: 'RECLASSIFY', classification: 'personal_data', reason: 'буйрук' });
    expect(r.status).toBe(200);
    const reclassify = (await history(copyId)).find((e) => e.type === 'RECLASSIFY');
    expect(reclassify).toMatchObject({
      previousClassification: 'confidential',
      payload: { classification: 'personal_data' },
    });
  });
});
