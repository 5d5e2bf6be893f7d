import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { pdfToText } from '../../libs/acts/src/testing/poppler';
import { ApiHarness, eventually, startApi } from '../support/api';
import { actPdf, enrolDemoCertificates } from '../support/acts';

let sent = 0;
/** a credential-breach case, from the report to the signed report act. */
describe('credential-breach cases (R-5.2.3)', () => {
  let api: ApiHarness;
  const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString();
  const event = (user: string, id: string, body: object) =>
    api.call(user, 'POST', `/api/breaches/${id}/events`, body, { 'idempotency-key': `breach-${++sent}` });
  const report = (user: string, body: object) =>
    api.call(user, 'POST', '/api/breaches', {
      system: 'grif',
      discoveredAt: hoursAgo(0.5),
      description: 'Менин аккаунтумдан мен кирбеген убакта документ ачылган',
      ...body,
    });

  beforeAll(async () => {
    api = await startApi({ worker: true });
    await enrolDemoCertificates(api, ['security', 'director']);
  });
  afterAll(() => api.close());

  it('R-5.2.3: anyone reports a breach of their own account; the case starts reported, with its one-working-day limit', async () => {
    const r = await report('teacher', { account: 'teacher' });
    expect(r).toMatchObject({
      status: 201,
      body: { state: 'reported', late: false, number: expect.stringMatching(/^Б-\d+\/\d{4}$/), version: 1 },
    });
    expect(r.body.reportDueAt > hoursAgo(0.5)).toBe(true);
    const seen = await api.call('teacher', 'GET', `/api/breaches/${r.body.id}`);
    expect(seen.body).toMatchObject({ state: 'reported', owner: { userId: api.ids.teacher }, onBehalf: false });
    expect(seen.body.step).toMatchObject({ name: 'triage', escalated: false });
  });

  it("R-5.2.3: someone else's account only by support or the officer; a reporter sees their own cases and nobody else's", async () => {
    expect((await report('teacher', { account: 'teacher2' })).status).toBe(403);
    const bySupport = await report('support', { account: 'teacher2' });
    expect(bySupport.status).toBe(201);
    const portal = await report('teacher2', { system: 'portal', account: 'e.sadykov@portal.edu.kg' });
    expect(portal.status).toBe(201);
    expect((await api.call('teacher', 'GET', `/api/breaches/${bySupport.body.id}`)).status).toBe(404);
    const mine = (await api.call('teacher2', 'GET', '/api/breaches')).body.map((c: { id: string }) => c.id);
    expect(mine).toEqual(expect.arrayContaining([bySupport.body.id, portal.body.id]));
    const teachers = (await api.call('teacher', 'GET', '/api/breaches')).body.map((c: { id: string }) => c.id);
    expect(teachers).not.toContain(bySupport.body.id);
    expect((await report('teacher', { account: 'nobody-here' })).status).toBe(400);
    // Support picks the owner by name; the names are all they read of the people.
    const names = await api.call('support', 'GET', '/api/people/names');
    expect(names.body).toEqual(expect.arrayContaining([expect.objectContaining({ username: 'teacher2' })]));
    expect((await api.call('teacher', 'GET', '/api/people/names')).status).toBe(403);
  });

  it('R-5.2.3: a report later than one working day after discovery is late and must say why (400 naming lateReason)', async () => {
    const old = { account: 'teacher', discoveredAt: hoursAgo(24 * 10) };
    const bare = await report('teacher', old);
    expect(bare.status).toBe(400);
    expect(bare.body.fields.map((f: { field: string }) => f.field)).toContain('lateReason');
    const late = await report('teacher', { ...old, lateReason: 'Каникулда элем' });
    expect(late).toMatchObject({ status: 201, body: { late: true } });
    const future = await report('teacher', {
      account: 'teacher',
      discoveredAt: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(future.status).toBe(400);
  });

  it('R-5.2.3, R-5.2.2: containment shuts a Grif account at once: its token gets 401 and the next login must change the password', async () => {
    const r = await report('security', { account: 'teacher2' });
    expect((await api.call('teacher2', 'GET', '/api/me')).status).toBe(200);
    expect((await event('security', r.body.id, { type: 'TRIAGE', severity: 'high', personalData: true })).status).toBe(
      200,
    );
    const contained = await event('support', r.body.id, { type: 'CONTAIN' });
    expect(contained).toMatchObject({ status: 200, body: { state: 'contained' } });
    expect((await api.call('teacher2', 'GET', '/api/me')).status).toBe(401);
    const login = await api.call(null, 'POST', '/api/auth/login', { username: 'teacher2', password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    api.tokens.teacher2 = login.body.token;
    expect(login.body.user.mustChangePassword ?? true).toBe(true);
    const blocked = await api.call('teacher2', 'GET', '/api/breaches');
    expect(blocked).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  });

  it('a portal account waits for support to confirm the reset there', async () => {
    const r = await report('teacher', { system: 'portal', account: 'g.zhumabaeva@portal.edu.kg' });
    await event('security', r.body.id, { type: 'TRIAGE', severity: 'medium', personalData: false });
    expect((await event('security', r.body.id, { type: 'CONTAIN' })).body.state).toBe('awaiting_reset');
    expect((await event('security', r.body.id, { type: 'CONFIRM_RESET' })).status).toBe(403);
    expect((await event('support', r.body.id, { type: 'CONFIRM_RESET' })).body.state).toBe('contained');
  });

  it('R-1.3, R-5.2.1, R-2.5: detected, contained, eliminated: investigation notes the owner liable for shared credentials; remediation re-briefs the owner; the officer and the director sign the report', async () => {
    const r = await report('teacher', { account: 'teacher' });
    const id = r.body.id;
    await event('security', id, { type: 'TRIAGE', severity: 'low', personalData: false });
    await event('security', id, { type: 'CONTAIN' });
    const trace = await api.call('security', 'GET', `/api/breaches/${id}/access-trace`);
    expect(trace.status).toBe(200);
    // The sessions the containment revoked are still there to read, with the client they came from.
    expect(trace.body.sessions.length).toBeGreaterThan(0);
    expect(trace.body.events.map((e: { type: string }) => e.type)).toContain('CREATE');
    const inv = await event('security', id, { type: 'INVESTIGATE', cause: 'shared_credentials', accessed: 'Эч нерсе' });
    expect(inv.body.state).toBe('investigated');
    expect((await api.call('security', 'GET', `/api/breaches/${id}`)).body.investigation).toMatchObject({
      ownerLiable: true,
    });
    await event('security', id, { type: 'REMEDIATE', measures: 'Сырсөз алмаштырылды', rebriefing: true });
    const people = await api.call('security', 'GET', '/api/people');
    const teacher = people.body.find((p: { id: string }) => p.id === api.ids.teacher);
    expect(JSON.stringify(teacher)).toContain('briefing');
    expect((await event('security', id, { type: 'SUBMIT_REPORT' })).body.state).toBe('rendering');
    await eventually(async () => {
      const v = await api.call('security', 'GET', `/api/breaches/${id}`);
      return v.body.state === 'awaiting_signatures' ? v : undefined;
    }, 20_000);
    const queue = await api.call('security', 'GET', '/api/acts?awaiting=me');
    expect(queue.body.find((a: { id: string }) => a.id === id)).toMatchObject({ kind: 'breach_report' });
    expect((await event('director', id, { type: 'SIGN', passphrase: DEMO_PASSWORD })).body.code).toBe('NOT_YOUR_TURN');
    expect((await event('security', id, { type: 'SIGN', passphrase: DEMO_PASSWORD })).status).toBe(200);
    expect((await event('director', id, { type: 'SIGN', passphrase: DEMO_PASSWORD })).body.state).toBe('closed');
    const text = pdfToText(await actPdf(api, 'security', id));
    expect(text).toContain('R-5.2.1');
    expect((await api.call('auditor', 'GET', `/api/acts/${id}/verify`)).body).toMatchObject({ ok: true });
    // The teacher's own account was shut by the containment: the officer reads the history.
    const history = await api.call('security', 'GET', `/api/breaches/${id}/history`);
    expect(history.body.map((e: { type: string }) => e.type)).toEqual([
      'CREATE',
      'TRIAGE',
      'CONTAIN',
      'INVESTIGATE',
      'REMEDIATE',
      'SUBMIT_REPORT',
      'RENDERED',
      'SIGN',
      'SIGN',
    ]);
  });

  it('R-5.2.3: a missed step limit escalates to the director, against real BullMQ', async () => {
    // Every hour a working hour, so a limit of a few seconds runs whenever the suite does.
    const cal = (await api.call('director', 'GET', '/api/calendar')).body.calendar;
    const always = {
      ...cal,
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
      dayStart: '00:00',
      dayEnd: '23:59',
      nationalCalendar: 'none',
      entries: [],
    };
    const put = await api.call('director', 'PUT', '/api/calendar', always);
    expect(put.status).toBe(200);
    const limits = {
      triageHours: 0.001,
      containmentHours: 1,
      investigationHours: 1,
      remediationHours: 1,
      reportHours: 1,
    };
    expect((await api.call('director', 'PUT', '/api/settings/breach-limits', limits)).status).toBe(200);
    expect((await api.call('security', 'PUT', '/api/settings/breach-limits', limits)).status).toBe(403);
    // The teachers' accounts were shut by the cases above; the auditor reports their own.
    const r = await report('auditor', { account: 'auditor' });
    const escalated = await eventually(async () => {
      const v = await api.call('security', 'GET', `/api/breaches/${r.body.id}`);
      return v.body.step?.escalated ? v.body : undefined;
    }, 20_000);
    expect(escalated.state).toBe('reported');
    const inbox = await api.call('director', 'GET', '/api/notifications');
    const items = Array.isArray(inbox.body) ? inbox.body : inbox.body.items;
    expect(items.some((n: { template: string }) => n.template === 'breach.step_overdue')).toBe(true);
  });
});
