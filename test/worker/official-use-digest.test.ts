import type { Clock } from '@grif/engine';
import { DailyDigest, DocumentRecord, Notification, NotificationInbox } from '@grif/persistence';
import { MAINTENANCE_QUEUE, OFFICIAL_USE_DIGEST_JOB } from '@grif/queue';
import { JobWorkers, OfficialUseDigest, Reconciler } from '@grif/worker';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, eventually, startApi } from '../support/api';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const DIGEST = 'digest.official_use_out';
/** Wednesday 2 December 2026 in Bishkek: a working day, 08:00–18:00. */
const bishkek = (local: string) => new Date(`${local}+06:00`).getTime();

/**
 * End of each working day: the list of For Official Use items not back in storage goes to the records
 * clerk and the information-security officer of each school, once per school and day, whatever repeats.
 */
describe('the end-of-day list of For Official Use items out (real BullMQ job scheduler, real database)', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let now = bishkek('2026-12-02T16:30:00');
  const clock: Clock = { now: () => new Date(now) };
  let k = 0;
  let other: { schoolId: string; users: Record<string, string> };
  const out: string[] = [];

  const send = async (user: string, id: string, body: object) => {
    const r = await api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `dg-${++k}` });
    if (r.status !== 200) throw new Error(`${JSON.stringify(body)}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const reader = () => api.rt.transactions.reader();
  const digests = () => reader().find(DailyDigest, {}, { orderBy: { date: 'asc', schoolId: 'asc' } });
  const digestNotes = () => reader().find(Notification, { template: DIGEST }, { disableIdentityMap: true });
  const maintenance = () => api.rt.queues[MAINTENANCE_QUEUE];
  const digestMails = () => sink.mails.filter((m) => m.subject.includes('«Кызматтык колдонуу үчүн»'));
  /** Lets the scheduler run the check `n` more times (the job runs every 200 ms). */
  let runs = 0;
  const ticks = async (n: number) => {
    const from = runs;
    await eventually(async () => (runs >= from + n ? true : undefined), 10_000);
  };

  beforeAll(async () => {
    sink = await startSmtpSink();
    api = await startApi({
      worker: true,
      clock,
      digestMs: 200,
      mail: { smtpUrl: sink.url, from: 'grif@school35.kg', publicUrl: 'https://grif.school35.kg' },
    });
    const worker = api.app
      .get(JobWorkers)
      .processors()
      .find((p) => p.worker.name === MAINTENANCE_QUEUE)!.worker;
    worker.on('completed', (job) => {
      if (job.name === OFFICIAL_USE_DIGEST_JOB) runs++;
    });
    await api.call('security', 'PUT', `/api/people/${api.ids.clerk}/email`, { email: 'clerk@school35.kg' });
    // A second school, whose For Official Use items are all in storage; its clerk has an address from the start.
    other = await api.identity.createSchool('№2 мектеп', [
      {
        username: 'clerk-2',
        displayName: 'Айжан Бекова',
        password: DEMO_PASSWORD,
        email: 'clerk@school2.kg',
        roles: [{ role: 'records_clerk', orderNumber: '№3-к', orderDate: '2026-09-01' }],
      },
      {
        username: 'security-2',
        displayName: 'Марат Алиев',
        password: DEMO_PASSWORD,
        roles: [{ role: 'security_officer', orderNumber: '№4-к', orderDate: '2026-09-01' }],
      },
    ]);

    // Out: a For Official Use original, and a copy of another (copies count too).
    out.push(await api.issuedDocument('official_use'));
    const original = await api.document('official_use');
    await send('clerk', original, { type: 'COPY', purpose: 'педкеңеш үчүн', count: 1 });
    const copy = await reader().findOneOrFail(DocumentRecord, { copyOf: original });
    await send('clerk', copy.id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'педкеңеш' });
    out.push(copy.id);
    // Not listed: an open document out, and a For Official Use one already back.
    await api.issuedDocument('open');
    const back = await api.issuedDocument('official_use');
    await send('clerk', back, { type: 'RETURN' });
  });
  afterAll(async () => {
    await api?.close();
    await sink?.close();
  });

  it('before the close of the working day the check runs and writes nothing', async () => {
    await ticks(3);
    expect(await digests()).toEqual([]);
  });

  it('after the close: one list per school, to its clerk and its officer, in one go', async () => {
    now = bishkek('2026-12-02T18:00:05');
    await eventually(async () => ((await digests()).length === 2 ? true : undefined), 10_000);
    const [a, b] = await digests();
    const mine = a.schoolId === api.schoolId ? a : b;
    expect(mine).toMatchObject({ date: '2026-12-02', items: 2 });
    expect(a.schoolId === api.schoolId ? b : a).toMatchObject({ schoolId: other.schoolId, items: 0 });

    const notes = await digestNotes();
    const to = (userId: string) => notes.filter((n) => n.userId === userId);
    for (const userId of [api.ids.clerk, api.ids.security, other.users['clerk-2'], other.users['security-2']])
      expect(to(userId)).toHaveLength(1);
    expect(notes).toHaveLength(4);
    expect(notes.every((n) => n.instanceId === null && n.outboxId === null)).toBe(true);

    const { items } = await api.rt.app.get(NotificationInbox).of(api.actor('clerk'));
    const digest = items.find((n) => n.template === DIGEST)!;
    expect(digest).toMatchObject({ settled: false, link: '/documents', instanceId: null });
    expect(digest.data).toMatchObject({ date: '2026-12-02' });
    const listed = digest.data.items as { documentId: string; holderName: string; state: string }[];
    expect(listed.map((i) => i.documentId).sort()).toEqual([...out].sort());
    for (const i of listed) {
      expect(i.holderName).toBe('Гүлнара Жумабаева (мугалим)');
      expect(['issued', 'overdue', 'escalated']).toContain(i.state);
    }
    // The other school's list is empty, and says so: the clerk knows the check ran.
    const empty = await api.rt.app
      .get(NotificationInbox)
      .of({ userId: other.users['clerk-2'], schoolId: other.schoolId, roles: ['records_clerk'], kind: 'user' });
    expect(empty.items.find((n) => n.template === DIGEST)!.data).toMatchObject({ items: [] });

    await eventually(async () => (digestMails().length === 2 ? true : undefined), 5000);
    expect(sink.to('clerk@school35.kg')[0].subject).toBe(
      '02.12.2026: «Кызматтык колдонуу үчүн» грифиндеги кайтарылбаган документтер: 2',
    );
    expect(sink.to('clerk@school2.kg')[0].subject).toBe(
      '02.12.2026: «Кызматтык колдонуу үчүн» грифиндеги документтердин баары ордунда',
    );
  });

  it('more runs, a retried job, two runs at once, a lost Redis: still one list per school and day, one e-mail each', async () => {
    await ticks(3);
    const done = (await maintenance().getJobs(['completed'], 0, 1000)).find((j) => j.name === OFFICIAL_USE_DIGEST_JOB)!;
    await done.retry('completed');
    const digest = api.rt.app.get(OfficialUseDigest);
    expect(await Promise.all([digest.run(), digest.run()])).toEqual([0, 0]);

    await maintenance().obliterate({ force: true });
    expect(await maintenance().getJobScheduler(OFFICIAL_USE_DIGEST_JOB)).toBeUndefined();
    await api.app.get(Reconciler).reconcile();
    expect(await maintenance().getJobScheduler(OFFICIAL_USE_DIGEST_JOB)).toMatchObject({ every: 200 });
    await ticks(3);

    expect(await digests()).toHaveLength(2);
    expect(await digestNotes()).toHaveLength(4);
    expect(digestMails()).toHaveLength(2);
  });

  it('the next working day has its own list; two workers at its close make it once', async () => {
    now = bishkek('2026-12-03T17:59:00');
    await ticks(2);
    expect(await digests()).toHaveLength(2);
    now = bishkek('2026-12-03T18:01:00');
    const digest = api.rt.app.get(OfficialUseDigest);
    const made = await Promise.all([digest.run(), digest.run(), digest.run()]);
    expect(made.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2);
    await ticks(2);
    expect((await digests()).map((d) => d.date)).toEqual(['2026-12-02', '2026-12-02', '2026-12-03', '2026-12-03']);
    expect(await digestNotes()).toHaveLength(8);
  });

  it('no list on a day off (Saturday 5 December 2026)', async () => {
    now = bishkek('2026-12-05T19:00:00');
    await ticks(2);
    expect(await digests()).toHaveLength(4);
  });
});
