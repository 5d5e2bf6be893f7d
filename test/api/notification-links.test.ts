import { randomUUID } from 'node:crypto';
import { deliverNotification, IssueRecord, Notification } from '@grif/persistence';
import { ApiHarness, eventually, startApi } from '../support/api';

/**
 * The inbox says whether what a notification is about is settled, and links only to a page its
 * reader may open now. People's e-mail addresses are kept by the information-security officer.
 */
describe('notifications: settled, and links that never lead where the reader may not go', () => {
  let api: ApiHarness;
  let k = 0;
  const send = async (user: string, id: string, body: object) => {
    const r = await api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `nl-${++k}` });
    if (r.status !== 200) throw new Error(`${JSON.stringify(body)}: ${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };
  const inbox = async (user: string) => (await api.call(user, 'GET', '/api/notifications')).body;
  const entry = async (user: string, id: string) =>
    ((await inbox(user)).items as { id: string }[]).find((n) => n.id === id) as Record<string, unknown>;
  const openIssue = (documentId: string) =>
    api.rt.transactions.reader().findOneOrFail(IssueRecord, { documentId, returnedAt: null });
  /** What the deadline ladder delivers (contracts.md): one row per person, made as the notify job makes them. */
  const notify = async (documentId: string, template: string, users: string[], data: Record<string, unknown>) => {
    const outboxId = randomUUID();
    await deliverNotification(
      api.rt.transactions,
      outboxId,
      api.schoolId,
      documentId,
      { template, toUserIds: users.map((u) => api.ids[u]), data },
      new Date(),
    );
    const rows = await api.rt.transactions.reader().find(Notification, { outboxId });
    return Object.fromEntries(rows.map((r) => [Object.keys(api.ids).find((u) => api.ids[u] === r.userId)!, r.id]));
  };

  beforeAll(async () => {
    api = await startApi({ worker: true });
  });
  afterAll(() => api.close());

  it('an overdue notice is open while the issue lasts; after RETURN it is settled and the former holder loses the link', async () => {
    const id = await api.issuedDocument('official_use');
    const issue = await openIssue(id);
    const data = {
      regNumber: issue.regNumber,
      dueAt: issue.dueAt,
      issuedAt: issue.issuedAt,
      holderId: api.ids.teacher,
    };
    const n = await notify(id, 'document.overdue', ['teacher', 'clerk'], data);
    for (const user of ['teacher', 'clerk'])
      expect(await entry(user, n[user])).toMatchObject({ settled: false, link: `/documents/${id}`, instanceId: id });

    await send('clerk', id, { type: 'RETURN' });
    expect(await entry('clerk', n.clerk)).toMatchObject({ settled: true, link: `/documents/${id}` });
    // The teacher no longer holds it: the page would answer 404, so there is no link to it.
    expect(await entry('teacher', n.teacher)).toMatchObject({ settled: true, link: null });
    expect((await api.call('teacher', 'GET', `/api/documents/${id}`)).status).toBe(404);

    // Issued again: the notice was about the first issue, so it stays settled.
    await send('clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'яна' });
    expect(await entry('teacher', n.teacher)).toMatchObject({ settled: true, link: `/documents/${id}` });
    const again = await openIssue(id);
    const fresh = await notify(id, 'document.reminder', ['teacher'], {
      ...data,
      dueAt: again.dueAt,
      issuedAt: again.issuedAt,
    });
    expect(await entry('teacher', fresh.teacher)).toMatchObject({ settled: false, link: `/documents/${id}` });
  });

  it('an older notice without issuedAt belongs to the issue open when it was made', async () => {
    const id = await api.issuedDocument('official_use');
    const legacy = await notify(id, 'document.overdue', ['clerk'], { regNumber: 'x', dueAt: null });
    expect(await entry('clerk', legacy.clerk)).toMatchObject({ settled: false });
    await send('clerk', id, { type: 'RETURN' });
    await send('clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'кайра' });
    // The issue open now began after the notice: the notice is about the returned one.
    expect(await entry('clerk', legacy.clerk)).toMatchObject({ settled: true });
    const later = await notify(id, 'document.escalated', ['clerk'], { regNumber: 'x', dueAt: null });
    expect(await entry('clerk', later.clerk)).toMatchObject({ settled: false });
  });

  it('a notice about a document someone else holds gives that reader no link', async () => {
    const id = await api.issuedDocument('official_use');
    const n = await notify(id, 'document.overdue', ['teacher2'], { regNumber: 'x', dueAt: null });
    expect(await entry('teacher2', n.teacher2)).toMatchObject({ settled: false, link: null });
  });

  it('a loss is never settled: the document stays lost', async () => {
    const id = await api.issuedDocument('official_use');
    await send('teacher', id, { type: 'REPORT_LOSS', circumstances: 'автобуста калды' });
    const lost = await eventually(async () => {
      const items = (await inbox('security')).items as { instanceId: string; template: string }[];
      return items.find((n) => n.instanceId === id && n.template === 'document.lost');
    }, 5000);
    expect(lost).toMatchObject({ settled: false, link: `/documents/${id}` });
  });

  describe('e-mail addresses (PUT /api/people/:id/email)', () => {
    const person = async (user: string) =>
      ((await api.call('security', 'GET', '/api/people')).body as { id: string; email: string | null }[]).find(
        (p) => p.id === api.ids[user],
      );

    it('the information-security officer sets and clears an address; the People list shows it', async () => {
      expect(await person('teacher')).toMatchObject({ email: null });
      const set = await api.call('security', 'PUT', `/api/people/${api.ids.teacher}/email`, {
        email: 'g.zhumabaeva@school35.kg',
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ id: api.ids.teacher, email: 'g.zhumabaeva@school35.kg' });
      expect(await person('teacher')).toMatchObject({ email: 'g.zhumabaeva@school35.kg' });
      const cleared = await api.call('security', 'PUT', `/api/people/${api.ids.teacher}/email`, { email: null });
      expect(cleared.body).toMatchObject({ email: null });
    });

    it('anyone else is refused, a bad address or an unknown person is a clear 4xx, and nothing is written', async () => {
      const put = (user: string, id: string, body: unknown) => api.call(user, 'PUT', `/api/people/${id}/email`, body);
      expect((await put('teacher', api.ids.teacher, { email: 'me@example.kg' })).status).toBe(403);
      expect((await put('clerk', api.ids.teacher, { email: 'me@example.kg' })).status).toBe(403);
      const bad = await put('security', api.ids.teacher, { email: 'not an address' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'email' })]);
      expect((await put('security', api.ids.teacher, {})).status).toBe(400);
      expect((await put('security', randomUUID(), { email: 'x@school35.kg' })).status).toBe(404);
      expect(await person('teacher')).toMatchObject({ email: null });
    });
  });
});
