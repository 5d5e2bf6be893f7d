import { ApiHarness, eventually, startApi } from '../support/api';

/**
 * R-4.2.3's ladder end to end on real BullMQ: reminder to the holder, then overdue to the holder, the clerk and
 * the information-security officer, then the director, each once and each an event of the document's history.
 * The director runs the ladder in seconds (reminderBefore PT2S, directorAfter PT4S) so the test takes ~8 s.
 */
describe('the escalation ladder (R-4.2.3)', () => {
  let api: ApiHarness;
  const inbox = async (user: string) =>
    (await api.call(user, 'GET', '/api/notifications')).body.items as { template: string; instanceId: string }[];
  const got = async (user: string, id: string) =>
    (await inbox(user))
      .filter((n) => n.instanceId === id)
      .map((n) => n.template)
      .sort();

  beforeAll(async () => {
    api = await startApi({ worker: true });
  });
  afterAll(() => api.close());

  it('reminder → overdue → director, each person told once, each rung in the history', async () => {
    const set = await api.call('director', 'PUT', '/api/settings/deadlines', {
      reminderBefore: 'PT2S',
      directorAfter: 'PT4S',
    });
    expect(set).toEqual({
      status: 200,
      body: { reminderBefore: 'PT2S', directorAfter: 'PT4S', defaultReturnDays: 3 },
    });
    const id = await api.document('personal_data');
    const dueAt = new Date(Date.now() + 3500).toISOString();
    const issued = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'ведомость', dueAt },
      { 'idempotency-key': 'ladder-issue' },
    );
    expect(issued.status).toBe(200);

    const state = async () => (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.state;
    await eventually(async () => ((await state()) === 'escalated' ? true : undefined), 15_000, 200);
    const history = (await api.call('clerk', 'GET', `/api/documents/${id}/history`)).body as {
      type: string;
      to: string;
      actor: string;
    }[];
    expect(history.slice(-4).map((e) => [e.type, e.to])).toEqual([
      ['ISSUE', 'issued'],
      ['REMINDER_DUE', 'issued'],
      ['DEADLINE_PASSED', 'overdue'],
      ['ESCALATION_DUE', 'escalated'],
    ]);

    await eventually(async () => ((await got('director', id)).length ? true : undefined), 5000);
    // Let any retried or repeated job land before counting.
    await new Promise((r) => setTimeout(r, 1000));
    expect(await got('teacher', id)).toEqual(['document.overdue', 'document.reminder']);
    expect(await got('clerk', id)).toEqual(['document.overdue']);
    expect(await got('security', id)).toEqual(['document.overdue']);
    expect(await got('director', id)).toEqual(['document.escalated']);
    expect(await got('teacher2', id)).toEqual([]);

    // Taken back: nothing more climbs.
    const back = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'RETURN' },
      { 'idempotency-key': 'ladder-return' },
    );
    expect(back.body.state).toBe('in_storage');
    // What the ladder said is settled now, and the teacher, no longer the holder, is not led to the page.
    const teacher = (await api.call('teacher', 'GET', '/api/notifications')).body.items.filter(
      (n: { instanceId: string }) => n.instanceId === id,
    );
    expect(teacher.map((n: { settled: boolean; link: string | null }) => [n.settled, n.link])).toEqual([
      [true, null],
      [true, null],
    ]);
    const director = (await api.call('director', 'GET', '/api/notifications')).body.items.find(
      (n: { instanceId: string }) => n.instanceId === id,
    );
    expect(director).toMatchObject({ settled: true, link: `/documents/${id}` });
  });
});
