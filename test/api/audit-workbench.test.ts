import { WorkflowInstance, SchoolsRepository } from '@grif/persistence';
import { documentWorkflow } from '@grif/workflows';
import { pdfToText } from '../../libs/acts/src/testing/poppler';
import { ApiHarness, startApi } from '../support/api';

/** The auditor's workbench (issue 11): search, timeline with diffs, statechart, printable history. */
describe("audit workbench: the auditor's read-only views of the history (R-1.5)", () => {
  let api: ApiHarness;
  let issued: string;
  let stored: string;
  let foreign: string;
  beforeAll(async () => {
    api = await startApi();
    issued = await api.issuedDocument('official_use');
    stored = await api.document('open');
    // Another school in the same install, with an instance of its own.
    const other = await api.app.get(SchoolsRepository).found('Башка мектеп', [], new Date().toISOString(), 'other');
    foreign = '00000000-0000-4000-8000-0000000000aa';
    const now = new Date().toISOString();
    const row = new WorkflowInstance(
      foreign,
      other.schoolId,
      'document',
      1,
      'registered',
      '{}',
      1,
      1,
      'x'.repeat(64),
      now,
      now,
    );
    await api.rt.transactions.reader().fork().insert(WorkflowInstance, row);
  });
  afterAll(() => api.close());

  const regNumberOf = async (id: string) =>
    (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.regNumber as string;

  it('searches the events by instance, type, actor and day, newest first, with names and never ids', async () => {
    const all = await api.call('auditor', 'GET', `/api/audit/events?documentId=${issued}`);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(4);
    expect(all.body.items.map((e: { seq: number }) => e.seq)).toEqual([4, 3, 2, 1]);
    const issue = all.body.items[0];
    expect(issue).toMatchObject({
      instanceId: issued,
      machine: 'document',
      type: 'ISSUE',
      subject: await regNumberOf(issued),
    });
    expect(issue.actorName).toBe('Нуржан Токтогулова (иш кагаздары)');

    const bySubject = await api.call(
      'auditor',
      'GET',
      `/api/audit/events?subject=${encodeURIComponent(issue.subject)}`,
    );
    expect(bySubject.body.total).toBe(4);
    expect(bySubject.body.items.every((e: { instanceId: string }) => e.instanceId === issued)).toBe(true);
    const noSuch = await api.call('auditor', 'GET', '/api/audit/events?subject=%D0%9A-9999%2F1999');
    expect(noSuch.body).toMatchObject({ total: 0, items: [] });

    const byType = await api.call('auditor', 'GET', '/api/audit/events?type=ISSUE');
    expect(byType.body.items.map((e: { instanceId: string }) => e.instanceId)).toEqual([issued]);

    const byActor = await api.call('auditor', 'GET', `/api/audit/events?actor=${api.ids.teacher}`);
    expect(byActor.body.total).toBe(0);
    const byClerk = await api.call('auditor', 'GET', `/api/audit/events?actor=${api.ids.clerk}&pageSize=2&page=2`);
    expect(byClerk.body).toMatchObject({ page: 2, pageSize: 2 });
    expect(byClerk.body.total).toBeGreaterThanOrEqual(7);
    expect(byClerk.body.items).toHaveLength(2);

    const future = await api.call('auditor', 'GET', '/api/audit/events?from=2099-01-01');
    expect(future.body.total).toBe(0);
    const past = await api.call(
      'auditor',
      'GET',
      `/api/audit/events?from=2020-01-01&to=2099-12-31&instanceId=${stored}`,
    );
    expect(past.body.total).toBe(3);
  });

  it("the unfiltered search's total is the school's every event, counted from its instances (issue 12)", async () => {
    const all = await api.call('auditor', 'GET', '/api/audit/events?pageSize=5');
    expect(all.status).toBe(200);
    const [{ n }] = await api.rt.transactions
      .reader()
      .getConnection()
      .execute<{ n: number | string }[]>('select count(*) as n from workflow_events where school_id = ?', [
        api.schoolId,
      ]);
    expect(all.body.total).toBe(Number(n));
    expect(all.body.total).toBeGreaterThan(5);
    expect(all.body.items).toHaveLength(5);
    // Another school's instances (the one above has no events of ours) are not counted.
    const byType = await Promise.all(
      ['CREATE', 'CLASSIFY', 'STORE', 'ISSUE'].map(
        async (type) => (await api.call('auditor', 'GET', `/api/audit/events?type=${type}`)).body.total as number,
      ),
    );
    expect(all.body.total).toBeGreaterThanOrEqual(byType.reduce((a, b) => a + b, 0));
  });

  it('refuses a bad filter with 400 naming it, and never shows another school', async () => {
    const bad = await api.call('auditor', 'GET', '/api/audit/events?from=yesterday&pageSize=0');
    expect(bad.status).toBe(400);
    const foreignEvents = await api.call('auditor', 'GET', `/api/audit/events?instanceId=${foreign}`);
    expect(foreignEvents.body.total).toBe(0);
  });

  it('gives the timeline with the change of the context at each step', async () => {
    const r = await api.call('auditor', 'GET', `/api/audit/instances/${issued}/timeline`);
    expect(r.status).toBe(200);
    expect(r.body.instance).toMatchObject({
      id: issued,
      machine: 'document',
      state: 'issued',
      subject: await regNumberOf(issued),
    });
    expect(r.body.steps.map((s: { type: string }) => s.type)).toEqual(['CREATE', 'CLASSIFY', 'STORE', 'ISSUE']);
    const classify = r.body.steps[1];
    expect(classify).toMatchObject({ fromState: 'registered', state: 'classified' });
    expect(classify.diff).toContainEqual(expect.objectContaining({ path: 'classification', after: 'official_use' }));
    const issue = r.body.steps[3];
    expect(issue.diff).toContainEqual({ path: 'holderId', after: api.ids.teacher });
    // Ids in the changes come with the names a reader knows them by.
    expect(r.body.names[api.ids.teacher]).toBe('Гүлнара Жумабаева (мугалим)');
    expect(issue.actorName).toBe('Нуржан Токтогулова (иш кагаздары)');
  });

  it('draws the statechart from the machine definition: every state, the current one and the path taken', async () => {
    const r = await api.call('auditor', 'GET', `/api/audit/instances/${issued}/statechart`);
    expect(r.status).toBe(200);
    const ids = r.body.states.map((s: { id: string }) => s.id);
    expect(ids).toEqual(Object.keys(documentWorkflow.machine.root.states));
    expect(r.body.current).toEqual(['issued']);
    expect(r.body.visited.sort()).toEqual(['classified', 'in_storage', 'issued', 'registered']);
    expect(r.body.taken).toContainEqual({ from: 'in_storage', to: 'issued', event: 'ISSUE' });
    expect(r.body.transitions).toEqual(expect.arrayContaining(r.body.taken));
    expect(r.body.states.find((s: { id: string }) => s.id === 'destroyed')).toMatchObject({ final: true });
  });

  it('prints the history in Kyrgyz (and Russian) with the acts layout', async () => {
    const res = await fetch(`${api.base}/api/audit/instances/${issued}/history.pdf?lang=ky`, {
      headers: { authorization: `Bearer ${api.tokens.auditor}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfToText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain('Объекттин тарыхы');
    expect(text).toContain(await regNumberOf(issued));
    for (const word of ['Каттоо', 'Гриф коюу', 'Берүү', 'Берилген', 'Нуржан Токтогулова', 'Гүлнара Жумабаева'])
      expect(text).toContain(word);

    const ru = await fetch(`${api.base}/api/audit/instances/${issued}/history.pdf?lang=ru`, {
      headers: { authorization: `Bearer ${api.tokens.auditor}` },
    });
    expect(await pdfToText(new Uint8Array(await ru.arrayBuffer()))).toContain('История объекта');
    expect((await api.call('auditor', 'GET', `/api/audit/instances/${issued}/history.pdf?lang=de`)).status).toBe(400);
  });

  it("another school's instance, or none at all, is not found (404)", async () => {
    for (const view of ['timeline', 'statechart', 'history.pdf']) {
      expect((await api.call('auditor', 'GET', `/api/audit/instances/${foreign}/${view}`)).status).toBe(404);
      expect((await api.call('auditor', 'GET', `/api/audit/instances/no-such-id/${view}`)).status).toBe(404);
    }
  });

  it('is for auditors: a teacher gets 403, no session 401', async () => {
    for (const path of [
      '/api/audit/events',
      `/api/audit/instances/${issued}/timeline`,
      `/api/audit/instances/${issued}/statechart`,
    ]) {
      expect((await api.call('teacher', 'GET', path)).status).toBe(403);
      expect((await api.call(null, 'GET', path)).status).toBe(401);
    }
    expect((await api.call('security', 'GET', `/api/audit/instances/${issued}/timeline`)).status).toBe(200);
  });
});
