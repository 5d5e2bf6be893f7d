import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { en } from '../../apps/admin/src/i18n/en';
import { ky } from '../../apps/admin/src/i18n/ky';
import { ru } from '../../apps/admin/src/i18n/ru';
import { ApiHarness, startApi } from '../support/api';

/** A clock the test moves: Tuesday 24 November 2026, 10:00 in Bishkek, a working day. */
const clock = {
  t: new Date('2026-11-24T04:00:00.000Z'),
  now() {
    return new Date(this.t);
  },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('R-2.5 clearance, pickers the rules forbid, names instead of ids (issue 7, daily screens 1–3)', () => {
  let api: ApiHarness;
  let openCabinet: string;
  let k = 0;
  const send = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `cn-${++k}` });
  const person = async (username: string, user = 'security') =>
    (await api.call(user, 'GET', '/api/people')).body.find((p: { id: string }) => p.id === api.ids[username]);
  const record = (username: string, kind: string, date: string) =>
    api.call('security', 'POST', `/api/people/${api.ids[username]}/clearances`, { kind, date });
  const revoke = (username: string, body: object, user = 'security') =>
    api.call(user, 'POST', `/api/people/${api.ids[username]}/clearances/revocations`, body);
  /** Moves the clock; sessions live 12 hours, so everyone signs in again. */
  const moveClockTo = async (iso: string) => {
    clock.t = new Date(iso);
    for (const u of Object.keys(api.tokens)) {
      const r = await api.call(null, 'POST', '/api/auth/login', { username: u, password: DEMO_PASSWORD });
      api.tokens[u] = r.body.token;
    }
  };

  beforeAll(async () => {
    api = await startApi({ clock });
    const room = await api.call('clerk', 'POST', '/api/rooms', { name: 'Мугалимдер бөлмөсү', secure: false });
    openCabinet = (await api.call('clerk', 'POST', `/api/rooms/${room.body.id}/cabinets`, { name: 'Текче 3' })).body.id;
  });
  afterAll(() => api.close());

  describe('R-2.5: one rule decides "cleared at moment T" for the server, the people list and the picker', () => {
    it('shows a clearance dated ahead as "from <date>", refuses to issue until that day, and issues on it', async () => {
      expect((await record('support', 'nda', '2026-09-01')).status).toBe(201);
      expect((await record('support', 'briefing', '2026-11-26')).status).toBe(201);
      expect(await person('support')).toMatchObject({
        nda: '2026-09-01',
        briefing: null,
        cleared: false,
        clearance: { cleared: false, from: '2026-11-26', since: null, revoked: null },
        clearances: [
          { kind: 'nda', date: '2026-09-01', recordedByName: 'Бакыт Осмонов (маалыматтык коопсуздук)' },
          { kind: 'briefing', date: '2026-11-26' },
        ],
      });
      const doc = await api.document('confidential');
      const refused = await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.support, purpose: 'отчёт' });
      expect([refused.status, refused.body.rule]).toEqual([422, 'R-2.5']);

      await moveClockTo('2026-11-26T03:00:00.000Z'); // 09:00 in Bishkek on the briefing's day
      expect(await person('support')).toMatchObject({ cleared: true, clearance: { since: '2026-11-26', from: null } });
      expect((await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.support, purpose: 'отчёт' })).status).toBe(
        200,
      );
    });

    it('a later entry dated ahead never hides the one in force', async () => {
      await record('teacher', 'nda', '2027-09-01'); // renewed ahead of time; the 2026 one still holds
      expect(await person('teacher')).toMatchObject({ nda: '2026-09-02', briefing: '2026-09-02', cleared: true });
      const doc = await api.document('official_use');
      expect((await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш' })).status).toBe(200);
    });

    it('revokes with a reason (officer or director, R-2.5): the clerk, staff and an empty reason are refused', async () => {
      const byClerk = await revoke('teacher', { reason: 'которулду' }, 'clerk');
      expect([byClerk.status, byClerk.body.rule]).toEqual([403, 'R-2.5']);
      expect((await revoke('teacher', { reason: 'которулду' }, 'teacher')).status).toBe(403);
      const noReason = await revoke('teacher', { reason: '  ' });
      expect([noReason.status, noReason.body.fields?.[0]?.field]).toEqual([400, 'reason']);
      const past = await revoke('teacher', { reason: 'которулду', date: '2026-11-01' });
      expect([past.status, past.body.fields?.[0]?.field]).toEqual([400, 'date']);
      const nothing = await revoke('teacher2', { reason: 'жок' });
      expect([nothing.status, nothing.body.code]).toEqual([409, 'NOTHING_TO_REVOKE']);
      const ghost = '00000000-0000-4000-8000-000000000000';
      expect(
        (await api.call('security', 'POST', `/api/people/${ghost}/clearances/revocations`, { reason: 'x' })).status,
      ).toBe(404);

      const revoked = await revoke('teacher', { reason: 'Башка мектепке которулду' });
      expect(revoked.status).toBe(201);
      expect(revoked.body).toMatchObject({
        kind: 'revocation',
        date: '2026-11-26',
        note: 'Башка мектепке которулду',
        recordedByName: 'Бакыт Осмонов (маалыматтык коопсуздук)',
      });
      expect(await person('teacher', 'clerk')).toMatchObject({
        nda: null,
        briefing: null,
        cleared: false,
        clearance: { cleared: false, revoked: { date: '2026-11-26', reason: 'Башка мектепке которулду' } },
      });
      const doc = await api.document('official_use');
      const refused = await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш' });
      expect([refused.status, refused.body.rule]).toEqual([422, 'R-2.5']);

      // Cleared again only by new entries recorded after the revocation: both of them.
      await record('teacher', 'nda', '2026-11-26');
      expect(await person('teacher')).toMatchObject({ cleared: false, nda: '2026-11-26' });
      await record('teacher', 'briefing', '2026-11-26');
      expect(await person('teacher')).toMatchObject({ cleared: true, clearance: { since: '2026-11-26' } });
      expect((await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш' })).status).toBe(200);
    });

    it('the director may revoke from a later day: cleared "until" then, not after', async () => {
      const r = await revoke('support', { reason: 'Эмгек келишими бүтөт', date: '2026-11-30' }, 'director');
      expect(r.status).toBe(201);
      expect(await person('support')).toMatchObject({ cleared: true, clearance: { until: '2026-11-30' } });
    });
  });

  describe('a forged request for what the pickers show disabled is still refused by the server', () => {
    it('R-4.2.2: STORE of a For Official Use document on the open shelf', async () => {
      const doc = await api.document('official_use', ['CLASSIFY']);
      const shelf = await send('clerk', doc, { type: 'STORE', cabinetId: openCabinet });
      expect([shelf.status, shelf.body.rule]).toEqual([422, 'R-4.2.2']);
      const bare = await send('clerk', doc, { type: 'STORE', location: 'текче' });
      expect([bare.status, bare.body.rule]).toEqual([422, 'R-4.2.2']);
    });

    it('R-2.5: ISSUE of a classified document to a person who is not cleared', async () => {
      const doc = await api.document('personal_data');
      const r = await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'x' });
      expect([r.status, r.body.rule]).toEqual([422, 'R-2.5']);
    });
  });

  describe('every answer names what a person reads', () => {
    let doc: string;
    beforeAll(async () => {
      // Stored in the secure cabinet, issued first to teacher2 (an open document), taken back, then issued to teacher.
      doc = await api.document('open');
      await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'Эрлан: жеке иш' });
      await send('clerk', doc, { type: 'RETURN' });
      await send('clerk', doc, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'Гүлнара: кеңешке' });
    });

    it("a holder's document page names the cabinet and its room, not their ids", async () => {
      const d = (await api.call('teacher', 'GET', `/api/documents/${doc}`)).body;
      expect(d.cabinet).toEqual({ id: api.secureCabinetId, name: 'Шкаф 1', roomName: 'Каб. 12 (архив)', secure: true });
      expect(d.holder).toMatchObject({ name: 'Гүлнара Жумабаева (мугалим)', purpose: 'Гүлнара: кеңешке' });
    });

    it("the history names the previous holder and the cabinet; a holder does not read the previous holder's purpose", async () => {
      const h = (await api.call('teacher', 'GET', `/api/documents/${doc}/history`)).body;
      const issues = h.filter((e: { type: string }) => e.type === 'ISSUE');
      expect(issues[0]).toMatchObject({
        payload: { holderId: api.ids.teacher2 },
        names: { [api.ids.teacher2]: 'Эрлан Садыков (мугалим)' },
        withheld: ['purpose'],
      });
      expect(issues[0].payload.purpose).toBeUndefined();
      expect(issues[1]).toMatchObject({ payload: { purpose: 'Гүлнара: кеңешке' }, withheld: [] });
      const store = h.find((e: { type: string }) => e.type === 'STORE');
      expect(store.names).toEqual({ [api.secureCabinetId]: 'Каб. 12 (архив) / Шкаф 1' });
      // Every id in every payload has its name beside it.
      for (const e of h)
        for (const v of strings(e.payload))
          if (UUID.test(v)) expect([e.type, e.names[v]]).toEqual([e.type, expect.any(String)]);

      // The records office reads every payload whole.
      const whole = (await api.call('clerk', 'GET', `/api/documents/${doc}/history`)).body;
      expect(
        whole
          .filter((e: { type: string }) => e.type === 'ISSUE')
          .map((e: { payload: { purpose: string } }) => e.payload.purpose),
      ).toEqual(['Эрлан: жеке иш', 'Гүлнара: кеңешке']);
    });

    it('every key of every history payload, originals and copies, has a label in Kyrgyz, Russian and English', async () => {
      const original = await api.document('official_use');
      await send('clerk', original, { type: 'COPY', purpose: 'педкеңешке', count: 1 });
      const copies = (await api.call('clerk', 'GET', '/api/registers/copies?pageSize=100')).body.items;
      const copyId = copies.find((c: { originalId: string }) => c.originalId === original)?.copyId;
      expect(typeof copyId).toBe('string');
      const copyHistory = (await api.call('clerk', 'GET', `/api/documents/${copyId}/history`)).body;
      expect(copyHistory[0].names).toEqual({ [api.secureCabinetId]: 'Каб. 12 (архив) / Шкаф 1' });
      const keys = new Set<string>();
      for (const id of [doc, original, copyId])
        for (const e of (await api.call('clerk', 'GET', `/api/documents/${id}/history`)).body) keysOf(e.payload, keys);
      expect([...keys]).toEqual(expect.arrayContaining(['of', 'number', 'id', 'secureRoom', 'holderId', 'purpose']));
      for (const [lang, messages] of Object.entries({ ky, ru, en }) as [string, { field: Record<string, string> }][])
        for (const key of keys) expect([lang, key, typeof messages.field[key]]).toEqual([lang, key, 'string']);
    });
  });
});

function strings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

function keysOf(v: unknown, out: Set<string>): Set<string> {
  if (v && typeof v === 'object' && !Array.isArray(v))
    for (const [k, x] of Object.entries(v)) {
      out.add(k);
      keysOf(x, out);
    }
  return out;
}
