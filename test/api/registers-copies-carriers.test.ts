import { DateTime } from 'luxon';
import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';

/**
 * Copies that can be followed (R-4.1c), the carriers register (R-3) with custodian and place, each
 * cabinet's contents, and CSV exports a person can read: headers and words in their language, times
 * in Bishkek with the offset.
 */
describe('copies, carriers and cabinets (R-3, R-4.1c) and their exports', () => {
  let api: ApiHarness;
  let k = 0;
  const send = (user: string, id: string, body: object, key = `rcc-${++k}`) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': key });
  const get = (id: string) => api.call('clerk', 'GET', `/api/documents/${id}`).then((r) => r.body);
  const csv = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(api.base + path, { headers: { authorization: `Bearer ${api.tokens.clerk}`, ...headers } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    return (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
  };

  let original = '';
  let originalNumber = '';
  let copies: { id: string; regNumber: string; copyNumber: number }[] = [];
  let other = '';
  let openDoc = '';
  let unstored = '';
  let elsewhere = '';
  let plainCabinet = '';

  beforeAll(async () => {
    api = await startApi();
    original = await api.document('official_use');
    originalNumber = (await get(original)).regNumber;
  });
  afterAll(() => api.close());

  describe('R-4.1c: COPY answers with the copies it made', () => {
    it('names the new copies by number and id; a replay answers the same copies', async () => {
      const first = await send('clerk', original, { type: 'COPY', purpose: 'педкеңеш үчүн', count: 2 }, 'copy-1');
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ state: 'in_storage' });
      expect(first.body.copies).toEqual([
        { id: expect.any(String), regNumber: `${originalNumber}/1`, copyNumber: 1 },
        { id: expect.any(String), regNumber: `${originalNumber}/2`, copyNumber: 2 },
      ]);
      for (const c of first.body.copies) {
        expect(await get(c.id)).toMatchObject({
          regNumber: c.regNumber,
          copyOf: { id: original },
          copyNumber: c.copyNumber,
        });
      }
      const replay = await send('clerk', original, { type: 'COPY', purpose: 'педкеңеш үчүн', count: 2 }, 'copy-1');
      expect(replay.body).toEqual(first.body);

      const third = await send('clerk', original, { type: 'COPY', purpose: 'архив', count: 1 });
      expect(third.body.copies).toEqual([{ id: expect.any(String), regNumber: `${originalNumber}/3`, copyNumber: 3 }]);
      copies = [...first.body.copies, ...third.body.copies];
      // Every other event answers as before, without copies.
      const classify = await api.call('clerk', 'POST', '/api/documents', REGISTRATION);
      const r = await send('clerk', classify.body.id, { type: 'CLASSIFY', classification: 'open' });
      expect(r.body).toEqual({ state: 'classified', version: 2 });
    });

    it("the copy journal filters by the original's registration number", async () => {
      other = await api.document('personal_data');
      await send('clerk', other, { type: 'COPY', purpose: 'башка', count: 1 });
      const of = encodeURIComponent(originalNumber);
      const journal = (await api.call('auditor', 'GET', `/api/registers/copies?of=${of}&sort=copyNumber`)).body;
      expect(journal.total).toBe(3);
      expect(
        journal.items.map((c: { copyNumber: number; copyRegNumber: string; copyId: string; purpose: string }) => [
          c.copyNumber,
          c.copyRegNumber,
          c.copyId,
          c.purpose,
        ]),
      ).toEqual([
        [1, `${originalNumber}/1`, copies[0]!.id, 'педкеңеш үчүн'],
        [2, `${originalNumber}/2`, copies[1]!.id, 'педкеңеш үчүн'],
        [3, `${originalNumber}/3`, copies[2]!.id, 'архив'],
      ]);
      const otherNumber = (await get(other)).regNumber;
      const theOther = (await api.call('clerk', 'GET', `/api/registers/copies?of=${encodeURIComponent(otherNumber)}`))
        .body;
      expect(theOther.items.map((c: { originalId: string }) => c.originalId)).toEqual([other]);
      expect(
        (await api.call('clerk', 'GET', `/api/registers/copies?of=${encodeURIComponent('К-9999/2026')}`)).body,
      ).toMatchObject({ total: 0, items: [] });
      expect((await api.call('clerk', 'GET', `/api/registers/copies?of=${'Ж'.repeat(61)}`)).status).toBe(400);
      expect((await api.call('clerk', 'GET', '/api/registers/copies')).body.total).toBe(4);
      // A copy is found by its own number, as every document is.
      const found = await api.call('clerk', 'GET', `/api/documents?q=${encodeURIComponent(`${originalNumber}/2`)}`);
      expect(found.body.items.map((d: { id: string }) => d.id)).toEqual([copies[1]!.id]);
    });
  });

  describe('R-3: the carriers register and the cabinets', () => {
    beforeAll(async () => {
      // One copy goes out; an open letter lies in the same cabinet; a classified one is not yet put
      // away; a personal-data one is kept at a free-text place; an open one lies in a plain room.
      await send('clerk', copies[0]!.id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'кеңешме' });
      openDoc = await api.document('open');
      unstored = await api.document('confidential', ['CLASSIFY']);
      elsewhere = await api.document('personal_data', ['CLASSIFY']);
      await send('clerk', elsewhere, { type: 'STORE', location: 'Директордун сейфи' });
      const room = await api.call('clerk', 'POST', '/api/rooms', { name: 'Мугалимдер бөлмөсү', secure: false });
      plainCabinet = (await api.call('clerk', 'POST', `/api/rooms/${room.body.id}/cabinets`, { name: 'Текче 2' })).body
        .id;
      const plain = await api.document('open', ['CLASSIFY']);
      await send('clerk', plain, { type: 'STORE', cabinetId: plainCabinet });
    });

    it('lists every classified original and copy still in the school, with custodian and place', async () => {
      const page = (await api.call('security', 'GET', '/api/registers/carriers?pageSize=100')).body;
      const byId = new Map(page.items.map((c: { itemId: string }) => [c.itemId, c]));
      const cabinet = {
        cabinetId: api.secureCabinetId,
        cabinetName: 'Шкаф 1',
        roomName: 'Каб. 12 (архив)',
        secureRoom: true,
      };
      const clerk = { custodianId: api.ids.clerk, custodianName: 'Нуржан Токтогулова (иш кагаздары)' };
      expect(byId.get(original)).toMatchObject({
        itemType: 'document',
        regNumber: originalNumber,
        label: REGISTRATION.title,
        classification: 'official_use',
        state: 'in_storage',
        placeKind: 'cabinet',
        holderId: null,
        ...clerk,
        ...cabinet,
      });
      // Out with the teacher: the teacher answers for it, and it still belongs in its cabinet.
      expect(byId.get(copies[0]!.id)).toMatchObject({
        itemType: 'copy',
        regNumber: `${originalNumber}/1`,
        state: 'issued',
        placeKind: 'issued',
        custodianId: api.ids.teacher,
        custodianName: 'Гүлнара Жумабаева (мугалим)',
        holderId: api.ids.teacher,
        ...cabinet,
      });
      for (const c of copies.slice(1))
        expect(byId.get(c.id)).toMatchObject({ itemType: 'copy', placeKind: 'cabinet', ...clerk, ...cabinet });
      expect(byId.get(unstored)).toMatchObject({
        placeKind: 'unstored',
        state: 'classified',
        cabinetId: null,
        ...clerk,
      });
      expect(byId.get(elsewhere)).toMatchObject({ placeKind: 'location', location: 'Директордун сейфи', ...clerk });
      expect(byId.has(openDoc)).toBe(false);
      // In journal order: the original, then its copies.
      const ids = page.items.map((c: { itemId: string }) => c.itemId);
      expect(ids.indexOf(original)).toBeLessThan(ids.indexOf(copies[0]!.id));
      expect(ids.indexOf(copies[0]!.id)).toBeLessThan(ids.indexOf(copies[2]!.id));
      // Sorted by custodian on request.
      const sorted = (await api.call('security', 'GET', '/api/registers/carriers?sort=custodianName&order=desc')).body
        .items;
      expect(sorted[0].custodianName).toBe('Нуржан Токтогулова (иш кагаздары)');
    });

    it("lists a cabinet's contents, every mark, lying there or out; and every cabinet by room", async () => {
      const one = (await api.call('clerk', 'GET', `/api/registers/cabinets?cabinetId=${api.secureCabinetId}`)).body;
      const rows = one.items.map((r: { itemId: string; present: boolean; holderName: string | null }) => [
        r.itemId,
        r.present,
        r.holderName,
      ]);
      expect(rows).toEqual(
        expect.arrayContaining([
          [original, true, null],
          [copies[0]!.id, false, 'Гүлнара Жумабаева (мугалим)'],
          [copies[1]!.id, true, null],
          [openDoc, true, null],
        ]),
      );
      expect(one.items.every((r: { cabinetName: string }) => r.cabinetName === 'Шкаф 1')).toBe(true);
      expect(one.items.some((r: { itemId: string }) => r.itemId === unstored || r.itemId === elsewhere)).toBe(false);
      const all = (await api.call('auditor', 'GET', '/api/registers/cabinets?pageSize=100')).body.items;
      expect(all.map((r: { roomName: string }) => r.roomName)).toEqual(
        [...all.map((r: { roomName: string }) => r.roomName)].sort((a, b) => a.localeCompare(b)),
      );
      expect(all.filter((r: { cabinetId: string }) => r.cabinetId === plainCabinet)).toHaveLength(1);
      expect((await api.call('clerk', 'GET', '/api/registers/cabinets?cabinetId=nope')).status).toBe(404);
      const before = encodeURIComponent('2000-01-01T00:00:00Z');
      expect((await api.call('clerk', 'GET', `/api/registers/cabinets?at=${before}`)).body.total).toBe(0);
      expect((await api.call('teacher', 'GET', '/api/registers/cabinets')).status).toBe(403);
    });
  });

  describe("CSV exports: the reader's language, words for codes, Bishkek time with the offset", () => {
    const bishkek = (iso: string) =>
      DateTime.fromISO(iso, { zone: 'utc' }).setZone('Asia/Bishkek').toFormat('yyyy-MM-dd HH:mm ZZ');

    it("the carriers register in Kyrgyz (the user's locale), Russian and English", async () => {
      const json = (await api.call('clerk', 'GET', '/api/registers/carriers')).body.items;
      const first = json.find((c: { itemId: string }) => c.itemId === original);
      const ky = await csv('/api/registers/carriers?format=csv');
      expect(ky[0]).toBe('Түрү,Каттоо номери,Аталышы же белгиси,Гриф,Абалы,Жооптуу адам,Турган жери,Качантан бери');
      const row = ky.find((l) => l.startsWith(`Документ,${originalNumber},`))!;
      expect(row).toBe(
        `Документ,${originalNumber},${REGISTRATION.title},Кызматтык колдонуу үчүн,Сакталууда,` +
          `Нуржан Токтогулова (иш кагаздары),Каб. 12 (архив) / Шкаф 1,${bishkek(first.since)}`,
      );
      expect(row).toMatch(/\d{4}-\d\d-\d\d \d\d:\d\d \+06:00$/);
      expect(ky.some((l) => l.startsWith('Көчүрмө,') && l.includes('Колдо (берилген)'))).toBe(true);
      expect(ky.some((l) => l.includes('Сактоого коюла элек'))).toBe(true);

      const ru = await csv('/api/registers/carriers?format=csv&lang=ru');
      expect(ru[0]).toBe(
        'Тип,Регистрационный номер,Название или обозначение,Гриф,Состояние,Ответственное лицо,Местонахождение,С какого времени',
      );
      expect(ru.find((l) => l.startsWith(`Документ,${originalNumber},`))).toContain(
        'Для служебного пользования,На хранении',
      );
      const en = await csv('/api/registers/carriers?format=csv&lang=en');
      expect(en[0]).toBe('Type,Reg. number,Title or label,Classification,State,Custodian,Place,Since');
      expect(en.find((l) => l.startsWith(`Document,${originalNumber},`))).toContain('For Official Use,In storage');
      expect(en.some((l) => l.startsWith('Medium,') || l.startsWith('Copy,'))).toBe(true);
    });

    it("lang= wins; without it the user's own locale, not the browser's Accept-Language; a bad lang is a 400", async () => {
      expect((await csv('/api/registers/copies?format=csv', { 'accept-language': 'en-US,en' }))[0]).toBe(
        'Түп нусканын номери,Көчүрмөнүн номери,Көчүрмөнүн каттоо номери,Гриф,Максаты,Ким жасады,Качан жасалды',
      );
      expect((await csv('/api/registers/copies?format=csv&lang=en', { 'accept-language': 'ru' }))[0]).toBe(
        'Original reg. number,Copy no.,Copy reg. number,Classification,Purpose,Made by,Made at',
      );
      expect((await api.call('clerk', 'GET', '/api/registers/copies?format=csv&lang=de')).status).toBe(400);
    });

    it('every register: marks, states, directions and kinds as words; times in Bishkek', async () => {
      const issues = await csv('/api/registers/issues?format=csv&lang=ru');
      const line = issues.find((l) => l.startsWith(`${originalNumber}/1,`))!;
      const issued = (await api.call('clerk', 'GET', '/api/registers/issues')).body.items.find(
        (i: { documentId: string }) => i.documentId === copies[0]!.id,
      );
      expect(line).toContain(`Для служебного пользования,Гүлнара Жумабаева (мугалим),кеңешме,`);
      expect(line).toContain(bishkek(issued.issuedAt));
      expect(line).toContain(bishkek(issued.dueAt));

      const reg = await csv('/api/registers/registration?format=csv&lang=en');
      const doc = (await api.call('clerk', 'GET', `/api/registers/registration?pageSize=1`)).body.items[0];
      expect(reg[0]).toBe(
        'Reg. number,Direction,Kind,Document date,From / to,Title,Classification,State,Registered at',
      );
      expect(reg[1]).toBe(
        [
          doc.regNumber,
          'Incoming',
          'Letter',
          '2026-11-20',
          REGISTRATION.correspondent,
          REGISTRATION.title,
          'For Official Use',
          'In storage',
          bishkek(doc.createdAt),
        ].join(','),
      );
      await api.call('clerk', 'POST', '/api/documents', { ...REGISTRATION, title: 'Каттоо гана' });
      const docs = await csv('/api/documents?format=csv&lang=ky&state=registered');
      expect(docs.length).toBeGreaterThan(1);
      expect(docs.slice(1).every((l) => l.includes(',Гриф коюла элек,Катталган,'))).toBe(true);

      const cabinets = await csv(`/api/registers/cabinets?format=csv&cabinetId=${api.secureCabinetId}`);
      expect(cabinets[0]).toBe('Бөлмө,Шкаф,Каттоо номери,Түрү,Аталышы,Гриф,Абалы,Бар-жогу,Кимде,Качантан бери');
      expect(cabinets.find((l) => l.includes(`,${originalNumber}/1,`))).toContain(
        'Көчүрмө,Билим берүү министрлигинин каты,Кызматтык колдонуу үчүн,Берилген,Шкафта жок (берилген),Гүлнара Жумабаева (мугалим)',
      );
    });

    it('keeps formula-like cells inert (CSV injection)', async () => {
      const r = await api.call('clerk', 'POST', '/api/documents', {
        ...REGISTRATION,
        title: '=HYPERLINK("http://x","y")',
        correspondent: '@SUM(1+1)',
      });
      expect(r.status).toBe(201);
      const lines = await csv('/api/documents?format=csv&q=HYPERLINK');
      expect(lines[1]).toContain(`"'@SUM(1+1)","'=HYPERLINK(""http://x"",""y"")"`);
    });
  });
});
