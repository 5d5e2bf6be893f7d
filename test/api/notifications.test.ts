import { DELIVER_NOTIFICATION_JOB } from '@grif/queue';
import { ApiHarness, eventually, startApi } from '../support/api';

describe('notifications: effects reach the people they name, once', () => {
  let api: ApiHarness;
  let k = 0;
  const send = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `n-${++k}` });
  const inbox = (user: string) => api.call(user, 'GET', '/api/notifications').then((r) => r.body);

  beforeAll(async () => {
    api = await startApi({ worker: true });
  });
  afterAll(() => api.close());

  it('a reported loss notifies the information-security officer and the clerk, not the others', async () => {
    const id = await api.document('official_use');
    await send('clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'x' });
    await send('teacher', id, { type: 'REPORT_LOSS', circumstances: 'сумка уурдалды' });
    const security = await eventually(
      async () => ((await inbox('security')).unread > 0 ? inbox('security') : undefined),
      5000,
    );
    expect(security.items[0]).toMatchObject({
      template: 'document.lost',
      instanceId: id,
      data: { circumstances: 'сумка уурдалды' },
      readAt: null,
    });
    await eventually(async () => ((await inbox('clerk')).unread > 0 ? true : undefined), 5000);
    expect((await inbox('director')).items).toEqual([]);
    expect((await inbox('teacher2')).items).toEqual([]);
  });

  it('a notification is marked read by its owner only', async () => {
    const n = (await inbox('security')).items[0];
    expect((await api.call('teacher2', 'POST', `/api/notifications/${n.id}/read`)).status).toBe(404);
    expect((await api.call('security', 'POST', `/api/notifications/${n.id}/read`)).status).toBe(204);
    expect((await inbox('security')).unread).toBe(0);
  });

  it('a notify job that runs twice writes one notification per person', async () => {
    const before = (await inbox('security')).items.length;
    const job = (await api.rt.queues.notifications.getJobs(['completed'])).find(
      (j) => j.name === DELIVER_NOTIFICATION_JOB,
    )!;
    await job.retry('completed');
    await eventually(async () => ((await job.isCompleted()) ? true : undefined), 5000);
    expect((await inbox('security')).items.length).toBe(before);
  });
});
