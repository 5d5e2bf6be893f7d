import { Notification, User } from '@grif/persistence';
import { DELIVER_NOTIFICATION_JOB } from '@grif/queue';
import { Reconciler } from '@grif/worker';
import { ApiHarness, eventually, startApi } from '../support/api';
import { startSmtpSink, SmtpSink } from '../support/smtp-sink';

const ADDRESS: Record<string, string> = {
  security: 'b.osmonov@school35.kg',
  clerk: 'n.toktogulova@school35.kg',
  teacher: 'g.zhumabaeva@school35.kg',
};
const REFUSED = 'nobody@school35.kg';

/**
 * E-mail of notifications against a real SMTP listener: one message per notification whose person has
 * an address, in that person's language, never twice for one notification whatever is retried.
 */
describe('notification e-mail (nodemailer, a real SMTP listener)', () => {
  let sink: SmtpSink;
  let api: ApiHarness;
  let crashAfterSend = false;
  let k = 0;
  const send = async (user: string, id: string, body: object) => {
    const r = await api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `nm-${++k}` });
    if (r.status !== 200) throw new Error(`${JSON.stringify(body)}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const rows = (where: object) => api.rt.transactions.reader().find(Notification, where, { disableIdentityMap: true });
  const lossOf = async (user: string, instanceId: string) =>
    eventually(async () => (await rows({ userId: api.ids[user], instanceId, template: 'document.lost' }))[0], 5000);
  const setEmail = (user: string, email: string | null) =>
    api.call('security', 'PUT', `/api/people/${api.ids[user]}/email`, { email });

  beforeAll(async () => {
    sink = await startSmtpSink((address) => address === REFUSED);
    api = await startApi({
      worker: true,
      mail: { smtpUrl: sink.url, from: 'Grif <grif@school35.kg>', publicUrl: 'https://grif.school35.kg' },
      jobs: {
        mailHooks: {
          afterSend: async () => {
            if (!crashAfterSend) return;
            crashAfterSend = false;
            throw new Error('worker killed between the send and the record');
          },
        },
      },
    });
    for (const [user, email] of Object.entries(ADDRESS)) expect((await setEmail(user, email)).status).toBe(200);
    // The clerk reads Russian, the teacher English; everyone else the default, Kyrgyz.
    await api.rt.transactions.run((em) => em.nativeUpdate(User, { id: api.ids.clerk }, { locale: 'ru' }));
    await api.rt.transactions.run((em) => em.nativeUpdate(User, { id: api.ids.teacher }, { locale: 'en' }));
  });
  afterAll(async () => {
    await api?.close();
    await sink?.close();
  });

  it('a loss: one e-mail per notification, in the reader’s language, Message-ID = the notification, a link only to a page they may open', async () => {
    const id = await api.issuedDocument('official_use');
    await send('teacher', id, { type: 'REPORT_LOSS', circumstances: 'сумка уурдалды' });
    const security = await lossOf('security', id);
    const clerk = await lossOf('clerk', id);
    await eventually(
      async () => (sink.to(ADDRESS.clerk).length && sink.to(ADDRESS.security).length) || undefined,
      5000,
    );

    const [toSecurity] = sink.to(ADDRESS.security);
    expect(toSecurity.messageId).toBe(`<${security.id}@school35.kg>`);
    expect(toSecurity.headers.get('from')).toBe('Grif <grif@school35.kg>');
    const regNumber = JSON.parse(security.data).regNumber as string;
    expect(toSecurity.subject).toBe(`${regNumber} документи жоголду`);
    expect(toSecurity.text).toContain(`Grif’те ачуу: https://grif.school35.kg/#/documents/${id}`);
    // An e-mail may leave the school: it names the document by number, never the circumstances.
    expect(toSecurity.text).not.toContain('сумка');

    const [toClerk] = sink.to(ADDRESS.clerk);
    expect(toClerk.messageId).toBe(`<${clerk.id}@school35.kg>`);
    expect(toClerk.subject).toBe(`Документ ${regNumber} утрачен`);
    expect(toClerk.text).toContain(`Открыть в Grif: https://grif.school35.kg/#/documents/${id}`);

    // The mailer records the send just after the listener took it: wait for the record, not only the mail.
    for (const user of ['security', 'clerk'])
      await eventually(async () => ((await lossOf(user, id)).emailedAt ? true : undefined), 5000);
    // The teacher reported it and is not told; the director has no address and gets the inbox only.
    expect(sink.to(ADDRESS.teacher)).toEqual([]);
  });

  it('a retried notify job and the reconciler’s pass send nothing twice', async () => {
    const before = sink.mails.length;
    // The delivery job completes only after its mails are recorded: wait for it to be done.
    const job = await eventually(
      async () =>
        (await api.rt.queues.notifications.getJobs(['completed'])).find((j) => j.name === DELIVER_NOTIFICATION_JOB),
      5000,
    );
    await job.retry('completed');
    await eventually(async () => ((await job.isCompleted()) ? true : undefined), 5000);
    expect(await api.app.get(Reconciler).reconcile()).toMatchObject({ mails: 0 });
    expect(sink.mails.length).toBe(before);
  });

  it('a worker dying between the send and the record: the retry waits for the lease, then the same message (same Message-ID) goes again, and only then is it recorded', async () => {
    crashAfterSend = true;
    const id = await api.issuedDocument('official_use');
    await send('clerk', id, { type: 'REPORT_LOSS', circumstances: 'табылган жок' });
    const both = async () => [await lossOf('security', id), await lossOf('clerk', id)];
    // The job failed once (the "crash"), its retry found the first notification claimed and sent the second.
    const [crashed] = await eventually(async () => {
      const ns = await both();
      const pending = ns.filter((n) => n.emailedAt === null);
      return pending.length === 1 && ns.some((n) => n.emailedAt) ? pending : undefined;
    }, 10_000);
    const mailsOf = () => sink.mails.filter((m) => m.messageId === `<${crashed.id}@school35.kg>`);
    expect(mailsOf()).toHaveLength(1);
    expect(crashed.emailClaimedAt).not.toBeNull();
    expect(await api.app.get(Reconciler).reconcile()).toMatchObject({ mails: 0 });

    // The lease runs out (made to, here): the next pass sends it again, as the very same message.
    await api.rt.transactions.run((em) =>
      em.nativeUpdate(Notification, { id: crashed.id }, { emailClaimedAt: '2000-01-01T00:00:00.000Z' }),
    );
    expect(await api.app.get(Reconciler).reconcile()).toMatchObject({ mails: 1 });
    const [first, second] = mailsOf();
    expect(second).toEqual(first);
    expect((await rows({ id: crashed.id }))[0].emailedAt).not.toBeNull();
    expect(await api.app.get(Reconciler).reconcile()).toMatchObject({ mails: 0 });
    expect(mailsOf()).toHaveLength(2);
  });

  it('an address the server refuses for good is recorded and not tried again; the others still get theirs', async () => {
    expect((await setEmail('security', REFUSED)).status).toBe(200);
    try {
      const id = await api.issuedDocument('official_use');
      await send('teacher', id, { type: 'REPORT_LOSS', circumstances: 'жоголду' });
      const refused = await eventually(async () => {
        const n = await lossOf('security', id);
        return n.emailFailedAt ? n : undefined;
      }, 5000);
      expect(refused.emailError).toMatch(/550/);
      expect(refused.emailedAt).toBeNull();
      await eventually(async () => ((await lossOf('clerk', id)).emailedAt ? true : undefined), 5000);
      expect(await api.app.get(Reconciler).reconcile()).toMatchObject({ mails: 0 });
      expect(sink.to(REFUSED)).toEqual([]);
    } finally {
      await setEmail('security', ADDRESS.security);
    }
  });

  it('every person with an address got exactly one e-mail per notification in their inbox', async () => {
    await api.app.get(Reconciler).reconcile();
    for (const user of Object.keys(ADDRESS)) {
      const own = await rows({ userId: api.ids[user], emailFailedAt: null });
      const ids = sink.to(ADDRESS[user]).map((m) => m.messageId);
      expect(new Set(ids)).toEqual(new Set(own.map((n) => `<${n.id}@school35.kg>`)));
    }
  });
});
