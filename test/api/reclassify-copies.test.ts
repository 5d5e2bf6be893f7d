import { ApiHarness, startApi } from '../support/api';

/** R-4.1c: a copy carries its original's mark, so reclassifying the original reclassifies its copies at once. */
describe('reclassifying an original reaches its copies (R-4.1c)', () => {
  let api: ApiHarness;
  let k = 0;
  const send = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `rc-${++k}` });
  const doc = async (id: string) => (await api.call('clerk', 'GET', `/api/documents/${id}`)).body;
  const copiesOf = async (regNumber: string) =>
    (await api.call('clerk', 'GET', '/api/documents?pageSize=100')).body.items.filter((d: { regNumber: string }) =>
      d.regNumber.startsWith(`${regNumber}/`),
    ) as { id: string; regNumber: string }[];

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('R-4.1c: the new mark reaches every copy in the same transaction, one issued copy included', async () => {
    const id = await api.document('official_use');
    expect((await send('clerk', id, { type: 'COPY', purpose: 'педкеңеш', count: 2 })).status).toBe(200);
    const { regNumber } = await doc(id);
    const copies = await copiesOf(regNumber);
    expect(copies).toHaveLength(2);
    expect(
      (await send('clerk', copies[0].id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш' })).status,
    ).toBe(200);

    const r = await send('security', id, { type: 'RECLASSIFY', classification: 'confidential', reason: 'буйрук №7' });
    expect(r.status).toBe(200);
    for (const c of [id, ...copies.map((x) => x.id)]) {
      expect((await doc(c)).classification).toBe('confidential');
      const history = (await api.call('clerk', 'GET', `/api/documents/${c}/history`)).body;
      expect(history.at(-1)).toMatchObject({ type: 'RECLASSIFY', payload: { classification: 'confidential' } });
    }
    expect((await doc(copies[0].id)).state).toBe('issued');
  });

  it('a copy that already has the new mark is left as it is; a copy whose cabinet does not fit refuses it all (R-4.2.2)', async () => {
    const id = await api.document('personal_data');
    await send('clerk', id, { type: 'COPY', purpose: 'архив', count: 2 });
    const [first, second] = await copiesOf((await doc(id)).regNumber);
    expect((await send('security', first.id, { type: 'RECLASSIFY', classification: 'open', reason: 'x' })).status).toBe(
      200,
    );
    const firstLength = (await api.call('clerk', 'GET', `/api/documents/${first.id}/history`)).body.length;
    expect((await send('security', id, { type: 'RECLASSIFY', classification: 'open', reason: 'y' })).status).toBe(200);
    expect((await doc(second.id)).classification).toBe('open');
    expect((await api.call('clerk', 'GET', `/api/documents/${first.id}/history`)).body).toHaveLength(firstLength);

    // An open-shelf copy cannot become For Official Use: the original is refused and nothing changes.
    const room = await api.call('clerk', 'POST', '/api/rooms', { name: 'Мугалимдер бөлмөсү', secure: false });
    const shelf = await api.call('clerk', 'POST', `/api/rooms/${room.body.id}/cabinets`, { name: 'Текче' });
    expect((await send('clerk', second.id, { type: 'STORE', cabinetId: shelf.body.id })).status).toBe(200);
    const refused = await send('security', id, {
      type: 'RECLASSIFY',
      classification: 'official_use',
      reason: 'z',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R-4.2.2');
    expect((await doc(id)).classification).toBe('open');
    expect((await doc(first.id)).classification).toBe('open');
  });
});
