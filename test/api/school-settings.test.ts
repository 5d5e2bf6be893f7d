import { Deadline } from '@grif/persistence';
import { DEFAULT_CALENDAR, endOfWorkingDay } from '@grif/domain';
import { deadlineJobId } from '@grif/queue';
import { ApiHarness, eventually, startApi } from '../support/api';

/** The director sets the school's working time and ladder; running deadlines follow in the same transaction. */
describe('school calendar and deadline settings', () => {
  let api: ApiHarness;
  const pending = (id: string) =>
    api.rt.transactions
      .reader()
      .find(
        Deadline,
        { instanceId: id, status: 'pending', eventType: 'DEADLINE_PASSED' },
        { disableIdentityMap: true },
      );

  beforeAll(async () => {
    api = await startApi({ worker: true });
  });
  afterAll(() => api.close());

  it('every staff role reads the calendar and the ladder; until the director edits them they are the defaults', async () => {
    for (const user of ['clerk', 'teacher', 'auditor']) {
      const cal = await api.call(user, 'GET', '/api/calendar');
      expect(cal).toEqual({ status: 200, body: { calendar: DEFAULT_CALENDAR, updatedAt: null, updatedBy: null } });
      expect(await api.call(user, 'GET', '/api/settings/deadlines')).toEqual({
        status: 200,
        body: { reminderBefore: 'PT30M', directorAfter: 'next_working_day', defaultReturnDays: 3 },
      });
    }
  });

  it('only the director changes them (403 for the clerk), and a bad body is a 400 that writes nothing', async () => {
    expect((await api.call('clerk', 'PUT', '/api/calendar', DEFAULT_CALENDAR)).status).toBe(403);
    expect((await api.call('security', 'PUT', '/api/settings/deadlines', { reminderBefore: 'PT1M' })).status).toBe(403);
    const bad = await api.call('director', 'PUT', '/api/calendar', { ...DEFAULT_CALENDAR, dayStart: '19:00' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toContain('dayEnd');
    for (const body of [
      { reminderBefore: '30 minutes', directorAfter: 'next_working_day' },
      { reminderBefore: 'PT0S', directorAfter: 'next_working_day' },
      { reminderBefore: 'PT30M', directorAfter: 'tomorrow' },
      { reminderBefore: 'PT30M', directorAfter: 'PT5S', extra: 1 },
    ])
      expect((await api.call('director', 'PUT', '/api/settings/deadlines', body)).status).toBe(400);
    expect((await api.call('clerk', 'GET', '/api/calendar')).body.updatedAt).toBeNull();
    expect((await api.call('clerk', 'GET', '/api/settings/deadlines')).body.reminderBefore).toBe('PT30M');
  });

  it('the ISSUE form learns the due time before the clerk confirms: R-4.2.3 for For Official Use', async () => {
    const id = await api.document('official_use');
    const r = await api.call('clerk', 'GET', `/api/documents/${id}/due-preview`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ basis: 'end_of_working_day', rule: 'R-4.2.3' });
    expect(r.body.dueAt).toBe(r.body.latest);
    const earlier = new Date(Date.now() + 60_000).toISOString();
    const chosen = await api.call('clerk', 'GET', `/api/documents/${id}/due-preview?dueAt=${earlier}`);
    expect(chosen.body).toMatchObject({ dueAt: earlier, basis: 'chosen', latest: r.body.latest });
    const open = await api.document('open');
    expect((await api.call('clerk', 'GET', `/api/documents/${open}/due-preview`)).body).toEqual({
      dueAt: null,
      latest: null,
      basis: 'none',
      rule: null,
    });
    expect((await api.call('clerk', 'GET', `/api/documents/${id}/due-preview?dueAt=soon`)).status).toBe(400);
    expect((await api.call('teacher', 'GET', `/api/documents/${id}/due-preview`)).status).toBe(403);
  });

  it('a calendar change moves a pending deadline in one transaction: DEADLINE_MOVED in the history, the alarm follows', async () => {
    const id = await api.issuedDocument('official_use');
    const [before] = await pending(id);
    const calendar = { ...DEFAULT_CALENDAR, dayEnd: '17:00' };
    const expected = endOfWorkingDay(calendar, new Date(Date.now())).toISOString();

    const r = await api.call('director', 'PUT', '/api/calendar', calendar);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ calendar, updatedBy: expect.any(String), movedDeadlines: 1 });
    expect(r.body.updatedAt).not.toBeNull();

    const doc = (await api.call('clerk', 'GET', `/api/documents/${id}`)).body;
    expect(doc.holder.dueAt).toBe(expected);
    expect(doc.holder.dueAt).not.toBe(before.dueAt);
    const history = (await api.call('clerk', 'GET', `/api/documents/${id}/history`)).body;
    expect(history.at(-1)).toMatchObject({ type: 'DEADLINE_MOVED', payload: { reason: 'calendar' } });
    const [after] = await pending(id);
    expect(after).toMatchObject({ dueAt: expected, rule: 'R-4.2.3' });
    const old = await api.rt.transactions.reader().findOneOrFail(Deadline, { id: before.id });
    expect(old.status).toBe('cancelled');
    const job = await eventually(() => api.rt.alarm.queue.getJob(deadlineJobId(after.id)), 5000);
    expect(Math.abs(job.timestamp + (job.delay ?? 0) - new Date(expected).getTime())).toBeLessThan(2000);
    await eventually(
      async () => ((await api.rt.alarm.queue.getJob(deadlineJobId(before.id))) ? undefined : true),
      5000,
    );

    // The same calendar again moves nothing and records nothing.
    const again = await api.call('director', 'PUT', '/api/calendar', calendar);
    expect(again.body.movedDeadlines).toBe(0);
    expect((await api.call('clerk', 'GET', `/api/documents/${id}/history`)).body).toHaveLength(history.length);
    expect((await api.call('teacher', 'GET', '/api/calendar')).body.calendar.dayEnd).toBe('17:00');
  });
});
