import { Deadline } from '@grif/persistence';
import { ApiHarness, startApi } from '../support/api';

/**
 * `GET /api/deadlines/board`: what is out and late, and what is due back before today ends on the
 * school's calendar (Asia/Bishkek, UTC+6). The clock is the test's: Thursday 26 November 2026, a
 * working day; logins stay valid for 12 hours, so every step stays within that.
 */
describe('the deadline board (overdue and due today)', () => {
  let api: ApiHarness;
  let now = new Date('2026-11-26T06:30:00Z'); // 12:30 in Bishkek
  let k = 0;
  const at = (iso: string) => (now = new Date(iso));
  const send = (id: string, body: object) =>
    api.call('clerk', 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `board-${++k}-${id}` });
  const issue = async (classification: string, dueAt?: string) => {
    const id = await api.document(classification);
    const r = await send(id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'сабакка даярдануу', dueAt });
    expect(r.status).toBe(200);
    return id;
  };
  const board = async (user = 'clerk') => {
    const r = await api.call(user, 'GET', '/api/deadlines/board', undefined, { 'accept-language': 'ky' });
    expect(r.status).toBe(200);
    return r.body as {
      asOf: string;
      today: string;
      overdue: { documentId: string; state: string }[];
      dueToday: { documentId: string; state: string }[];
    };
  };
  const ids = (items: { documentId: string }[]) => items.map((i) => i.documentId);

  let soon: string; // confidential, due 13:00 today
  let official: string; // For Official Use: due at the close of the working day, 18:00
  let tomorrow: string; // confidential, due tomorrow noon
  let returned: string;

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => now } });
    soon = await issue('confidential', '2026-11-26T07:00:00Z');
    official = await issue('official_use');
    tomorrow = await issue('confidential', '2026-11-27T06:00:00Z');
    returned = await issue('confidential', '2026-11-26T08:00:00Z');
    expect((await send(returned, { type: 'RETURN' })).status).toBe(200);
  });
  afterAll(() => api?.close());

  it('lists what is due back before today ends, soonest first, with names, marks and times; nothing late yet', async () => {
    const b = await board();
    expect(b).toMatchObject({ asOf: '2026-11-26T06:30:00.000Z', today: '2026-11-26', overdue: [] });
    expect(ids(b.dueToday)).toEqual([soon, official]);
    const doc = (await api.call('clerk', 'GET', `/api/documents/${soon}`)).body;
    expect(b.dueToday[0]).toEqual({
      documentId: soon,
      regNumber: doc.regNumber,
      title: doc.title,
      classification: 'confidential',
      holderName: doc.holder.name,
      issuedAt: '2026-11-26T06:30:00.000Z',
      dueAt: '2026-11-26T07:00:00.000Z',
      state: 'issued',
    });
    expect(doc.holder.name).not.toBe(api.ids.teacher);
    expect(b.dueToday[1]).toMatchObject({ classification: 'official_use', dueAt: '2026-11-26T12:00:00.000Z' });
    expect([...ids(b.dueToday), ...ids(b.overdue)]).not.toContain(tomorrow);
    expect([...ids(b.dueToday), ...ids(b.overdue)]).not.toContain(returned);
  });

  it('moves an item to overdue once its due time passes, before and after its alarm rings', async () => {
    at('2026-11-26T08:00:00Z'); // 14:00 in Bishkek
    let b = await board();
    expect(b.overdue).toEqual([expect.objectContaining({ documentId: soon, state: 'issued' })]);
    expect(ids(b.dueToday)).toEqual([official]);

    const deadline = await api.rt.transactions
      .reader()
      .findOneOrFail(Deadline, { instanceId: soon, status: 'pending' });
    expect(await api.rt.engine.fireDeadline(deadline.id)).toEqual({ outcome: 'fired' });
    b = await board('security');
    expect(b.overdue).toEqual([expect.objectContaining({ documentId: soon, state: 'overdue' })]);
  });

  it('keeps an escalated item on the overdue list (escalated is still out)', async () => {
    // The director hears 30 minutes after the due time (13:30), so the escalation is due by now (14:00).
    const settings = { reminderBefore: 'PT30M', directorAfter: 'PT30M', defaultReturnDays: 3 };
    expect((await api.call('director', 'PUT', '/api/settings/deadlines', settings)).status).toBe(200);
    const escalation = await api.rt.transactions
      .reader()
      .findOneOrFail(Deadline, { instanceId: soon, status: 'pending', eventType: 'ESCALATION_DUE' });
    expect(escalation.dueAt).toBe('2026-11-26T07:30:00.000Z');
    expect(await api.rt.engine.fireDeadline(escalation.id)).toEqual({ outcome: 'fired' });
    const b = await board('director');
    expect(b.overdue).toEqual([expect.objectContaining({ documentId: soon, state: 'escalated' })]);
  });

  it('ends "today" at midnight in Bishkek, not in UTC', async () => {
    at('2026-11-26T17:30:00Z'); // 23:30 in Bishkek, still the 26th there (and in UTC)
    const lateTonight = await issue('confidential', '2026-11-26T17:50:00Z'); // 23:50 in Bishkek
    const afterMidnight = await issue('confidential', '2026-11-26T18:10:00Z'); // 00:10 on the 27th in Bishkek
    const b = await board('director');
    expect(b.today).toBe('2026-11-26');
    expect(ids(b.dueToday)).toEqual([lateTonight]);
    expect(ids(b.overdue)).toEqual([soon, official]);
    expect(ids(b.overdue)).not.toContain(afterMidnight);

    at('2026-11-26T18:05:00Z'); // 00:05 on the 27th in Bishkek, still the 26th in UTC
    const next = await board();
    expect(next.today).toBe('2026-11-27');
    expect(ids(next.overdue)).toEqual([soon, official, lateTonight]);
    expect(ids(next.dueToday)).toEqual([afterMidnight, tomorrow]);
  });

  it('is for the records clerk, the security officer and the director only', async () => {
    for (const user of ['teacher', 'auditor', 'support'])
      expect(await api.call(user, 'GET', '/api/deadlines/board')).toMatchObject({
        status: 403,
        body: { code: 'ROLE_REQUIRED' },
      });
    expect((await api.call(null, 'GET', '/api/deadlines/board')).status).toBe(401);
  });
});
