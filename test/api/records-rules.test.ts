import { OutboxMessage } from '@grif/persistence';
import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';

describe('records office rules over HTTP (R-2.5, R-4.1c, R-4.2.2, R-4.2.5, R-4.3)', () => {
  let api: ApiHarness;
  let openCabinet: string;
  let k = 0;
  const send = (user: string, id: string, body: object, headers: Record<string, string> = {}) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `rr-${++k}`, ...headers });
  const get = (id: string, user = 'clerk') => api.call(user, 'GET', `/api/documents/${id}`).then((r) => r.body);

  beforeAll(async () => {
    api = await startApi();
    const room = await api.call('clerk', 'POST', '/api/rooms', { name: 'Мугалимдер бөлмөсү', secure: false });
    openCabinet = (await api.call('clerk', 'POST', `/api/rooms/${room.body.id}/cabinets`, { name: 'Текче 3' })).body.id;
  });
  afterAll(() => api.close());

  describe('R-4.2.2: For Official Use documents are kept in cabinets of a secure room', () => {
    it('refuses a cabinet of a room that is not secure, and a bare location', async () => {
      const id = await api.document('official_use', ['CLASSIFY']);
      const notSecure = await send('clerk', id, { type: 'STORE', cabinetId: openCabinet });
      expect([notSecure.status, notSecure.body.rule]).toEqual([422, 'R-4.2.2']);
      const bare = await send('clerk', id, { type: 'STORE', location: 'столдун үстүндө' });
      expect([bare.status, bare.body.rule]).toEqual([422, 'R-4.2.2']);
      const secure = await send('clerk', id, { type: 'STORE', cabinetId: api.secureCabinetId });
      expect(secure.status).toBe(200);
      expect((await get(id)).location).toBe('Каб. 12 (архив) / Шкаф 1');
    });

    it('lets an open document lie anywhere, and refuses to mark it For Official Use while it lies in an open room', async () => {
      const id = await api.document('open', ['CLASSIFY']);
      expect((await send('clerk', id, { type: 'STORE', cabinetId: openCabinet })).status).toBe(200);
      const r = await send('security', id, {
        type: 'RECLASSIFY',
        classification: 'official_use',
        reason: 'ички тескеме',
      });
      expect([r.status, r.body.rule]).toEqual([422, 'R-4.2.2']);
    });

    it('an unknown cabinet is a 422 naming the field', async () => {
      const id = await api.document('open', ['CLASSIFY']);
      const r = await send('clerk', id, { type: 'STORE', cabinetId: 'no-such-cabinet' });
      expect(r.status).toBe(422);
      expect(r.body.fields[0].field).toBe('cabinetId');
    });
  });

  describe('R-4.3: only the information-security officer or the director reclassifies, with a reason', () => {
    it('refuses the clerk and records the reason in the history', async () => {
      const id = await api.document('personal_data');
      const byClerk = await send('clerk', id, { type: 'RECLASSIFY', classification: 'open', reason: 'x' });
      expect([byClerk.status, byClerk.body.rule]).toEqual([403, 'R-4.3']);
      const noReason = await send('security', id, { type: 'RECLASSIFY', classification: 'open' });
      expect(noReason.status).toBe(400);
      const ok = await send('director', id, {
        type: 'RECLASSIFY',
        classification: 'confidential',
        reason: 'директордун буйругу №12',
      });
      expect(ok.status).toBe(200);
      expect((await get(id)).classification).toBe('confidential');
      const history = (await api.call('auditor', 'GET', `/api/documents/${id}/history`)).body;
      expect(history.at(-1)).toMatchObject({
        type: 'RECLASSIFY',
        actor: api.ids.director,
        payload: { classification: 'confidential', reason: 'директордун буйругу №12' },
      });
    });
  });

  describe('R-2.5: classified documents only to people with a recorded obligation and briefing', () => {
    it('refuses to issue to a teacher without clearance, allows an open document, and allows after clearance', async () => {
      const classified = await api.document('confidential');
      const refused = await send('clerk', classified, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'x' });
      expect([refused.status, refused.body.rule]).toEqual([422, 'R-2.5']);
      const open = await api.document('open');
      expect((await send('clerk', open, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'x' })).status).toBe(200);
      const byClerk = await api.call('clerk', 'POST', `/api/people/${api.ids.teacher2}/clearances`, {
        kind: 'nda',
        date: '2026-11-01',
      });
      expect([byClerk.status, byClerk.body.rule]).toEqual([403, 'R-2.5']);
      await api.call('security', 'POST', `/api/people/${api.ids.teacher2}/clearances`, {
        kind: 'nda',
        date: '2026-11-01',
      });
      const half = await send('clerk', classified, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'x' });
      expect(half.body.rule).toBe('R-2.5');
      await api.call('security', 'POST', `/api/people/${api.ids.teacher2}/clearances`, {
        kind: 'briefing',
        date: '2026-11-02',
      });
      expect(
        (await send('clerk', classified, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'x' })).status,
      ).toBe(200);
      const people = (await api.call('security', 'GET', '/api/people')).body;
      expect(people.find((p: { id: string }) => p.id === api.ids.teacher2)).toMatchObject({
        nda: '2026-11-01',
        briefing: '2026-11-02',
        cleared: true,
      });
    });
  });

  describe('R-4.2.5: For Official Use documents never leave the school', () => {
    const outgoing = async (classification: string) => {
      const r = await api.call('clerk', 'POST', '/api/documents', {
        ...REGISTRATION,
        direction: 'outgoing',
        correspondent: 'Райондук билим берүү бөлүмү',
      });
      for (const [type, p] of [
        ['CLASSIFY', { classification }],
        ['STORE', { cabinetId: api.secureCabinetId }],
      ] as const)
        await send('clerk', r.body.id, { type, ...p });
      return r.body.id as string;
    };

    it('refuses to dispatch a For Official Use document, and any copy of one', async () => {
      const id = await outgoing('official_use');
      // The screen shows the action with the rule that forbids it, rather than hiding it.
      expect((await get(id)).blockedEvents).toContainEqual({
        type: 'DISPATCH',
        rule: 'R-4.2.5',
        code: 'RULE_VIOLATION',
      });
      const r = await send(
        'clerk',
        id,
        { type: 'DISPATCH', addressee: 'Райондук билим берүү бөлүмү', via: 'post' },
        { 'accept-language': 'en' },
      );
      expect([r.status, r.body.rule, r.body.message]).toEqual([
        422,
        'R-4.2.5',
        'R-4.2.5: Documents marked "For Official Use" may not leave the school.',
      ]);
      await send('clerk', id, { type: 'COPY', purpose: 'райондук бөлүм үчүн', count: 1 });
      const copyId = (await api.call('clerk', 'GET', `/api/registers/copies?originalId=${id}`)).body.items[0].copyId;
      const c = await send('clerk', copyId, { type: 'DISPATCH', addressee: 'x' });
      expect([c.status, c.body.rule]).toEqual([422, 'R-4.2.5']);
    });

    it('refuses an issue "to take outside" for For Official Use, not for open documents', async () => {
      const fou = await api.document('official_use');
      const r = await send('clerk', fou, {
        type: 'ISSUE',
        holderId: api.ids.teacher,
        purpose: 'үйдө иштөө',
        takeOutside: true,
      });
      expect([r.status, r.body.rule]).toEqual([422, 'R-4.2.5']);
      const open = await api.document('open');
      expect(
        (
          await send('clerk', open, {
            type: 'ISSUE',
            holderId: api.ids.teacher,
            purpose: 'үйдө иштөө',
            takeOutside: true,
          })
        ).status,
      ).toBe(200);
    });

    it('dispatches an open outgoing document; an incoming one cannot be dispatched', async () => {
      const id = await outgoing('open');
      const r = await send('clerk', id, { type: 'DISPATCH', addressee: 'Райондук билим берүү бөлүмү', via: 'email' });
      expect(r.body).toEqual({ state: 'dispatched', version: 4 });
      expect((await get(id)).dispatched).toMatchObject({ addressee: 'Райондук билим берүү бөлүмү', via: 'email' });
      const incoming = await api.document('open');
      const no = await send('clerk', incoming, { type: 'DISPATCH', addressee: 'x' });
      expect([no.status, no.body.code]).toEqual([422, 'NOT_OUTGOING']);
    });
  });

  describe("R-4.1c: copies are machines of their own, numbered, journaled, with the original's mark", () => {
    it('makes two copies and then a third, each in the copy journal', async () => {
      const id = await api.document('personal_data');
      expect((await send('clerk', id, { type: 'COPY', purpose: 'ата-энелер чогулушу', count: 2 })).status).toBe(200);
      expect((await send('clerk', id, { type: 'COPY', purpose: 'архив', count: 1 })).status).toBe(200);
      const original = await get(id);
      expect(original.copiesMade).toBe(3);
      const journal = (await api.call('auditor', 'GET', `/api/registers/copies?originalId=${id}&sort=copyNumber`)).body;
      expect(journal.items.map((c: { copyNumber: number; purpose: string }) => [c.copyNumber, c.purpose])).toEqual([
        [1, 'ата-энелер чогулушу'],
        [2, 'ата-энелер чогулушу'],
        [3, 'архив'],
      ]);
      const copy = await get(journal.items[2].copyId);
      expect(copy).toMatchObject({
        state: 'in_storage',
        classification: 'personal_data',
        copyNumber: 3,
        copyOf: { id, regNumber: original.regNumber },
        regNumber: `${original.regNumber}/3`,
      });
      const again = await send('clerk', copy.id, { type: 'COPY', purpose: 'x', count: 1 });
      expect(again.body.code).toBe('COPY_OF_COPY');
      expect((await api.call('clerk', 'GET', `/api/documents/${copy.id}/history`)).body[0]).toMatchObject({
        type: 'CREATE',
        to: 'in_storage',
        actor: api.ids.clerk,
      });
    });
  });

  describe('loss', () => {
    it('the holder reports a loss; the information-security officer is notified; the history keeps it', async () => {
      const id = await api.document('official_use');
      await send('clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'x' });
      const r = await send('teacher', id, { type: 'REPORT_LOSS', circumstances: 'автобуста калып калды' });
      expect(r.body.state).toBe('lost');
      const notes = await api.rt.transactions.reader().find(OutboxMessage, { instanceId: id, kind: 'notify' });
      expect(notes.map((n) => JSON.parse(n.payload))).toContainEqual(
        expect.objectContaining({ template: 'document.lost', toRoles: expect.arrayContaining(['security_officer']) }),
      );
      expect((await get(id)).lost).toMatchObject({
        circumstances: 'автобуста калып калды',
        reportedBy: api.ids.teacher,
      });
      expect((await send('clerk', id, { type: 'RETURN' })).status).toBe(409);
    });
  });

  describe('retention', () => {
    it('files a document in the nomenclature and computes when it may be destroyed', async () => {
      const file = await api.call('clerk', 'POST', '/api/nomenclature', {
        index: '01-05',
        title: 'Кирүүчү каттар',
        year: 2026,
        retentionYears: 5,
      });
      expect(file.body.destructionEligibleFrom).toBe('2032-01-01');
      const permanent = await api.call('clerk', 'POST', '/api/nomenclature', {
        index: '01-01',
        title: 'Директордун буйруктары',
        year: 2026,
        retentionYears: null,
      });
      const r = await api.call('clerk', 'POST', '/api/documents', { ...REGISTRATION, fileId: file.body.id });
      expect((await get(r.body.id)).destructionEligibleFrom).toBe('2032-01-01');
      await send('clerk', r.body.id, { type: 'ASSIGN_FILE', fileId: permanent.body.id });
      expect(await get(r.body.id)).toMatchObject({ file: { index: '01-01' }, destructionEligibleFrom: null });
      const bad = await api.call('clerk', 'POST', '/api/documents', { ...REGISTRATION, fileId: 'nope' });
      expect([bad.status, bad.body.fields[0].field]).toEqual([422, 'fileId']);
    });

    it('refuses the same index twice in one year with 409, not 500', async () => {
      const file = { index: '02-07', title: 'Буйруктар', year: 2026, retentionYears: 5 };
      expect((await api.call('clerk', 'POST', '/api/nomenclature', file)).status).toBe(201);
      const again = await api.call(
        'clerk',
        'POST',
        '/api/nomenclature',
        { ...file, title: 'Башка' },
        { 'accept-language': 'en' },
      );
      expect(again).toMatchObject({
        status: 409,
        body: { code: 'ALREADY_EXISTS', message: 'Such an entry already exists.' },
      });
      expect((await api.call('clerk', 'POST', '/api/nomenclature', { ...file, year: 2027 })).status).toBe(201);
    });
  });
});
