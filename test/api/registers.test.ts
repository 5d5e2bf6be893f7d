import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';

describe('registers (R-3, R-4.1, R-4.2.1) are what the history says', () => {
  let api: ApiHarness;
  let k = 0;
  const send = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `reg-${++k}` });
  const history = (id: string) =>
    api
      .call('auditor', 'GET', `/api/documents/${id}/history`)
      .then((r) => r.body as { type: string; at: string; actor: string; payload: any }[]);
  const ids: string[] = [];
  let between = '';

  beforeAll(async () => {
    api = await startApi();
    // Three documents: one issued and returned, one issued and still out, one never issued.
    for (const c of ['official_use', 'confidential', 'open']) ids.push(await api.document(c));
    await send('clerk', ids[0], { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'педкеңеш' });
    await send('teacher', ids[0], { type: 'ACKNOWLEDGE' });
    await send('clerk', ids[1], { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'отчет' });
    await new Promise((r) => setTimeout(r, 20));
    between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    await send('clerk', ids[0], { type: 'RETURN', condition: 'бүтүн' });
    await api.call('security', 'POST', '/api/media', {
      label: 'USB №4 (окуучулардын тизмеси)',
      kind: 'usb',
      classification: 'personal_data',
      holderId: api.ids.teacher2,
    });
  });
  afterAll(() => api.close());

  it('the issue journal has one line per ISSUE event, completed by the ACKNOWLEDGE and RETURN events', async () => {
    const journal = (await api.call('clerk', 'GET', '/api/registers/issues?sort=issuedAt')).body;
    expect(journal.total).toBe(2);
    for (const line of journal.items) {
      const h = await history(line.documentId);
      const issue = h.find((e) => e.type === 'ISSUE')!;
      expect(line).toMatchObject({
        holderId: issue.payload.holderId,
        purpose: issue.payload.purpose,
        issuedAt: issue.at,
        issuedBy: 'Нуржан Токтогулова (иш кагаздары)',
      });
      expect(line.acknowledgedAt).toBe(h.find((e) => e.type === 'ACKNOWLEDGE')?.at ?? null);
      expect(line.returnedAt).toBe(h.find((e) => e.type === 'RETURN')?.at ?? null);
    }
    const open = (await api.call('clerk', 'GET', '/api/registers/issues?status=open')).body;
    expect(open.items.map((l: { documentId: string }) => l.documentId)).toEqual([ids[1]]);
  });

  it('the carriers register lists every classified item with its custodian and place, now and at an earlier moment', async () => {
    const now = (await api.call('security', 'GET', '/api/registers/carriers')).body.items;
    // the For Official Use letter back in its cabinet is in the records clerk's custody; the
    // confidential one is out with the teacher; the open one carries nothing confidential.
    expect(
      now.map((c: { itemType: string; custodianId: string; placeKind: string }) => [
        c.itemType,
        c.custodianId,
        c.placeKind,
      ]),
    ).toEqual([
      ['document', api.ids.clerk, 'cabinet'],
      ['document', api.ids.teacher, 'issued'],
      ['media', api.ids.teacher2, 'holder'],
    ]);
    expect(now.map((c: { itemId: string }) => c.itemId).slice(0, 2)).toEqual([ids[0], ids[1]]);
    const then = (await api.call('security', 'GET', `/api/registers/carriers?at=${encodeURIComponent(between)}`)).body
      .items;
    expect(then.map((c: { itemId: string }) => c.itemId).sort()).toEqual([ids[0], ids[1]].sort());
    const holder = (
      await api.call('auditor', 'GET', `/api/documents/${ids[0]}/holder-at?at=${encodeURIComponent(between)}`)
    ).body;
    expect(holder).toMatchObject({ holderId: api.ids.teacher, state: 'issued' });
    const nowHolder = (
      await api.call(
        'auditor',
        'GET',
        `/api/documents/${ids[0]}/holder-at?at=${encodeURIComponent(new Date().toISOString())}`,
      )
    ).body;
    expect(nowHolder).toMatchObject({ holderId: null, state: 'in_storage' });
    expect(
      (await api.call('teacher', 'GET', `/api/documents/${ids[0]}/holder-at?at=${encodeURIComponent(between)}`)).status,
    ).toBe(403);
  });

  it('every register can be read as it stood at a moment, from the history', async () => {
    const at = encodeURIComponent(between);
    const journal = (await api.call('clerk', 'GET', `/api/registers/registration?at=${at}`)).body;
    const first = journal.items.find((d: { id: string }) => d.id === ids[0]);
    expect(first).toMatchObject({ state: 'issued', holderId: api.ids.teacher, classification: 'official_use' });
    expect((await api.call('clerk', 'GET', `/api/documents/${ids[0]}`)).body.state).toBe('in_storage');
    const issued = (await api.call('clerk', 'GET', `/api/registers/issues?at=${at}&status=open`)).body.items;
    expect(issued.map((l: { documentId: string }) => l.documentId).sort()).toEqual([ids[0], ids[1]].sort());
    expect(issued.every((l: { returnedAt: string | null }) => l.returnedAt === null)).toBe(true);
    const before = encodeURIComponent('2000-01-01T00:00:00Z');
    expect((await api.call('clerk', 'GET', `/api/registers/registration?at=${before}`)).body.total).toBe(0);
    expect((await api.call('clerk', 'GET', `/api/registers/copies?at=${before}`)).body.total).toBe(0);
    expect((await api.call('clerk', 'GET', '/api/registers/issues?at=yesterday')).status).toBe(400);
  });

  it('the registration journal filters, sorts and pages', async () => {
    await api.call('clerk', 'POST', '/api/documents', { ...REGISTRATION, direction: 'outgoing', title: 'Жооп кат' });
    const incoming = (await api.call('clerk', 'GET', '/api/registers/registration?direction=incoming&year=2026')).body;
    expect(incoming.items.every((d: { direction: string }) => d.direction === 'incoming')).toBe(true);
    expect(incoming.items.map((d: { regNumber: string }) => d.regNumber)).toEqual(
      [...incoming.items.map((d: { regNumber: string }) => d.regNumber)].sort(),
    );
    const page2 = (await api.call('clerk', 'GET', '/api/documents?pageSize=2&page=2&sort=createdAt')).body;
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    const fou = (await api.call('clerk', 'GET', '/api/documents?classification=official_use')).body;
    expect(fou.items.map((d: { id: string }) => d.id)).toEqual([ids[0]]);
    const search = (await api.call('clerk', 'GET', `/api/documents?q=${encodeURIComponent('Жооп')}`)).body;
    expect(search.items.map((d: { title: string }) => d.title)).toEqual(['Жооп кат']);
    // By number and by correspondent too, counted as found.
    const first = (await api.call('clerk', 'GET', `/api/documents/${ids[0]}`)).body;
    const byNumber = (await api.call('clerk', 'GET', `/api/documents?q=${encodeURIComponent(first.regNumber)}`)).body;
    expect(byNumber).toMatchObject({ total: 1, items: [{ id: ids[0] }] });
    const who = encodeURIComponent(REGISTRATION.correspondent);
    expect((await api.call('clerk', 'GET', `/api/documents?q=${who}`)).body.total).toBe(4);
  });

  it('a teacher\'s list is what is issued to them; "mine" for the clerk too', async () => {
    const mine = (await api.call('teacher', 'GET', '/api/documents')).body;
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([ids[1]]);
    expect((await api.call('clerk', 'GET', '/api/documents?mine=1')).body.total).toBe(0);
    expect((await api.call('teacher', 'GET', '/api/registers/issues')).status).toBe(403);
  });

  it('exports CSV with a BOM, the header row and Kyrgyz text intact', async () => {
    const res = await fetch(`${api.base}/api/registers/issues?format=csv`, {
      headers: { authorization: `Bearer ${api.tokens.clerk}` },
    });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.trim().split('\r\n');
    // Headers in the reader's language (the demo users' locale is Kyrgyz).
    expect(lines[0]).toBe(
      'Каттоо номери,Гриф,Кимде,Максаты,Ким берди,Берилген убакыт,Алганы тастыкталды,Кайтаруу мөөнөтү,Мөөнөтү өттү,Кайтарылды,Кайтарылгандагы абалы',
    );
    expect(lines).toHaveLength(3);
    expect(text).toContain('Гүлнара Жумабаева (мугалим)');
    const reg = await fetch(`${api.base}/api/registers/registration?format=csv`, {
      headers: { authorization: `Bearer ${api.tokens.clerk}` },
    });
    expect((await reg.text()).split('\r\n')[0]).toContain('Каттоо номери,Багыты,Түрү');
  });
  it('the search finds what was typed: % and _ are characters, not wildcards', async () => {
    const titles = ['Бюджет 50% аткарылды', 'Бюджет 50 аткарылды', 'файл_1 тизмеси', 'файл 1 тизмеси', 'жол\\бет'];
    for (const title of titles) await api.call('clerk', 'POST', '/api/documents', { ...REGISTRATION, title });
    const found = async (q: string) =>
      (await api.call('clerk', 'GET', `/api/documents?q=${encodeURIComponent(q)}`)).body.items.map(
        (d: { title: string }) => d.title,
      );
    expect(await found('50%')).toEqual(['Бюджет 50% аткарылды']);
    expect(await found('файл_1')).toEqual(['файл_1 тизмеси']);
    expect(await found('л\\б')).toEqual(['жол\\бет']);
    expect((await found('Бюджет 50')).sort()).toEqual(['Бюджет 50 аткарылды', 'Бюджет 50% аткарылды']);
  });
});
