import { pdfSig, pdfToText, signatureReports } from '../../libs/acts/src/testing/poppler';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, eventually, sendEvent, startApi } from '../support/api';
import { actEvent, actPdf, enrolDemoCertificates, rendered } from '../support/acts';

interface Item {
  documentId: string;
  regNumber: string;
  title: string;
  itemKind: 'document' | 'copy' | 'carrier';
  present: boolean | null;
}

/**
 * the records clerk is replaced by order. The director starts the acceptance-transfer act, both clerks
 * check the inventory item by item, the act is rendered, the outgoing clerk, the incoming clerk and the director
 * sign in turn, and the last signature moves custody, switches the appointment and reports what is missing.
 */
describe('custody transfer act (R-4.2.6)', () => {
  let api: ApiHarness;
  const order = { number: '№12-к', date: '2026-11-25' };
  const sign = (user: string, id: string, passphrase = DEMO_PASSWORD) =>
    actEvent(api, user, id, { type: 'SIGN', passphrase });
  const view = (id: string, user = 'director') => api.call(user, 'GET', `/api/acts/${id}`);
  const history = async (doc: string) =>
    (await api.call('auditor', 'GET', `/api/documents/${doc}/history`)).body as { type: string; payload: any }[];
  const rolesOf = async (user: string) => (await api.call(user, 'GET', '/api/me')).body.roles as string[];

  // What the outgoing clerk holds: stored documents, one issued out, a copy, a carrier; and one lost for good.
  let stored = '';
  let foundAgain = '';
  let lostLater = '';
  let issued = '';
  let copy = '';
  let lost = '';
  let carrier = '';
  let actId = '';

  beforeAll(async () => {
    api = await startApi({ worker: true });
    await enrolDemoCertificates(api, ['clerk', 'clerk2', 'director']);
    stored = await api.document('official_use');
    foundAgain = await api.document('confidential');
    lostLater = await api.document('open');
    issued = await api.issuedDocument('personal_data');
    const made = await sendEvent(api, 'clerk', stored, { type: 'COPY', purpose: 'архив үчүн', count: 1 });
    copy = made.body.copies[0].id;
    lost = await api.document('open');
    expect((await sendEvent(api, 'clerk', lost, { type: 'REPORT_LOSS', circumstances: 'өрттө күйгөн' })).status).toBe(
      200,
    );
    const m = await api.call('security', 'POST', '/api/media', {
      label: 'USB №7 (окуучулардын тизмеси)',
      kind: 'usb',
      classification: 'personal_data',
      holderId: api.ids.clerk,
    });
    expect(m.status).toBe(201);
    carrier = m.body.id;
  });
  afterAll(() => api.close());

  it('R-4.2.6: only the director starts it, for someone who is not the clerk already', async () => {
    const body = { kind: 'custody_transfer', incomingClerkId: api.ids.clerk2, order };
    expect(await api.call('clerk', 'POST', '/api/acts', body)).toMatchObject({
      status: 403,
      body: { rule: 'R-4.2.6' },
    });
    expect(await api.call('director', 'POST', '/api/acts', { ...body, incomingClerkId: api.ids.clerk })).toMatchObject({
      status: 422,
      body: { code: 'ALREADY_CLERK' },
    });
    expect(
      (await api.call('director', 'POST', '/api/acts', { ...body, incomingClerkId: 'no-such-person' })).status,
    ).toBe(422);
    expect((await api.call('director', 'POST', '/api/acts', { ...body, order: { number: '№12-к' } })).status).toBe(400);

    const created = await api.call('director', 'POST', '/api/acts', body, { 'idempotency-key': 'transfer-1' });
    expect(created).toMatchObject({
      status: 201,
      body: { state: 'inventory', version: 1, number: expect.stringMatching(/^Т-\d+\/\d{4}$/) },
    });
    actId = created.body.id;
    const replay = await api.call('director', 'POST', '/api/acts', body, { 'idempotency-key': 'transfer-1' });
    expect(replay.body).toEqual(created.body);
  });

  it('R-4.2.6: the inventory lists everything in custody; the incoming clerk sees it without a role', async () => {
    const r = await view(actId, 'clerk2');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      kind: 'custody_transfer',
      state: 'inventory',
      order,
      outgoingClerk: { userId: api.ids.clerk, name: expect.stringContaining('Нуржан Токтогулова') },
      incomingClerk: { userId: api.ids.clerk2, name: expect.stringContaining('Азамат Исаков') },
      signers: [],
    });
    const items = r.body.items as Item[];
    const byId = new Map(items.map((i) => [i.documentId, i]));
    for (const id of [stored, foundAgain, lostLater, issued])
      expect(byId.get(id)).toMatchObject({ itemKind: 'document' });
    expect(byId.get(copy)).toMatchObject({ itemKind: 'copy', copyOfId: stored });
    expect(byId.get(carrier)).toMatchObject({ itemKind: 'carrier', regNumber: 'USB №7 (окуучулардын тизмеси)' });
    expect(byId.get(issued)!.title).toContain('берилген: Гүлнара Жумабаева');
    expect(byId.has(lost)).toBe(false); // lost for good: in no one's custody
    expect(items.every((i) => i.present === null)).toBe(true);
    // Sent only once every item is marked.
    expect(r.body.availableEvents).toEqual(['MARK', 'REJECT']);
    expect((await view(actId, 'teacher')).status).toBe(404);
    expect((await api.call('clerk2', 'GET', '/api/acts')).body.map((a: { id: string }) => a.id)).toEqual([actId]);
  });

  it('R-4.2.6: both clerks mark each item, and nobody else; it is sent only once every item is marked', async () => {
    const mark = (user: string, documentId: string, present: boolean) =>
      actEvent(api, user, actId, { type: 'MARK', documentId, present });
    expect(await mark('security', stored, true)).toMatchObject({ status: 422, body: { rule: 'R-4.2.6' } });
    expect(await mark('director', stored, true)).toMatchObject({ status: 422, body: { rule: 'R-4.2.6' } });
    expect((await mark('teacher', stored, true)).status).toBe(404);
    expect(await mark('clerk', 'not-in-the-act', true)).toMatchObject({
      status: 422,
      body: { code: 'ITEM_NOT_IN_ACT' },
    });

    expect(await actEvent(api, 'clerk2', actId, { type: 'SUBMIT' })).toMatchObject({
      status: 422,
      body: { code: 'ITEMS_UNMARKED' },
    });
    const items = (await view(actId)).body.items as Item[];
    for (const [n, i] of items.entries())
      expect((await mark(n % 2 ? 'clerk2' : 'clerk', i.documentId, i.documentId !== foundAgain)).status).toBe(200);
    // Found after all, and the original found missing on a second look: a mark may change until the act is sent.
    expect((await mark('clerk2', foundAgain, true)).status).toBe(200);
    expect((await mark('clerk2', stored, false)).status).toBe(200);
    const ready = (await view(actId)).body;
    expect(ready.availableEvents).toEqual(['SUBMIT', 'REJECT']);
    // The director may send it, but the marks are the clerks' (R-4.2.6): shown, with the rule.
    expect(ready.blockedEvents).toEqual([{ type: 'MARK', rule: 'R-4.2.6', code: 'RULE_VIOLATION' }]);
    const submitted = await actEvent(api, 'clerk2', actId, { type: 'SUBMIT' });
    expect(submitted).toMatchObject({ status: 200, body: { state: 'rendering' } });
  });

  it('R-4.2.6: one hand-over at a time: a second transfer while one is open is refused', async () => {
    const second = await api.call('director', 'POST', '/api/acts', {
      kind: 'custody_transfer',
      incomingClerkId: api.ids.clerk2,
      order: { number: '№13-к', date: '2026-11-26' },
    });
    expect(second).toMatchObject({ status: 409, body: { code: 'TRANSFER_IN_PROGRESS' } });
  });

  it('R-4.2.6: the act is rendered in Kyrgyz, with both clerks and the director to sign', async () => {
    const ready = await rendered(api, actId, 'director');
    expect(ready.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ready.signers.map((s: { userId: string; role: string }) => [s.role, s.userId])).toEqual([
      ['outgoing_clerk', api.ids.clerk],
      ['incoming_clerk', api.ids.clerk2],
      ['director', api.ids.director],
    ]);
    expect(ready.items.find((i: Item) => i.documentId === stored).present).toBe(false);
    const text = pdfToText(await actPdf(api, 'clerk2', actId));
    expect(text).toContain('Иш кагаздарын кабыл алуу-өткөрүп берүү акты');
    for (const name of ['Нуржан Токтогулова', 'Азамат Исаков', 'Айгүл Асанова']) expect(text).toContain(name);
    expect(text).toContain('№12-к');
    expect(text).toContain('Жок'); // the missing items
  });

  it('R-4.2.6: outgoing, incoming, director in turn; the last signature moves custody and switches the appointment', async () => {
    // Marks close once the act is sent.
    expect((await actEvent(api, 'clerk', actId, { type: 'MARK', documentId: stored, present: true })).status).toBe(409);
    expect((await sign('director', actId)).body).toMatchObject({ code: 'NOT_YOUR_TURN' });
    expect((await sign('clerk2', actId)).body).toMatchObject({ code: 'NOT_YOUR_TURN' });
    expect((await sign('clerk', actId, 'not-the-passphrase')).body.code).toBe('PASSPHRASE_WRONG');
    expect((await api.call('clerk', 'GET', '/api/acts?awaiting=me')).body.map((a: { id: string }) => a.id)).toEqual([
      actId,
    ]);
    expect(await sign('clerk', actId)).toMatchObject({ status: 200, body: { state: 'awaiting_signatures' } });
    expect((await sign('director', actId)).body).toMatchObject({ code: 'NOT_YOUR_TURN' });
    expect(await sign('clerk2', actId)).toMatchObject({ status: 200, body: { state: 'awaiting_signatures' } });

    // Lost after the check, before the last signature: no longer anyone's custody to move.
    expect(
      (await sendEvent(api, 'clerk', lostLater, { type: 'REPORT_LOSS', circumstances: 'суу каптаган' })).status,
    ).toBe(200);
    expect(await rolesOf('clerk')).toContain('records_clerk');
    expect(await rolesOf('clerk2')).not.toContain('records_clerk');

    const last = await sign('director', actId);
    expect(last).toMatchObject({ status: 200, body: { state: 'completed' } });

    expect(await rolesOf('clerk2')).toContain('records_clerk');
    expect(await rolesOf('clerk')).not.toContain('records_clerk');
    // The new clerk does the clerk's work now; the old one no longer does.
    expect((await api.call('clerk2', 'GET', '/api/acts/destruction/candidates')).status).toBe(200);
    expect((await api.call('clerk', 'GET', '/api/acts/destruction/candidates')).status).toBe(403);

    const actNumber = (await view(actId)).body.number;
    for (const doc of [foundAgain, issued, copy]) {
      const transferred = (await history(doc)).filter((e) => e.type === 'CUSTODY_TRANSFERRED');
      expect(transferred).toEqual([
        expect.objectContaining({ payload: { actId, actNumber, toUserId: api.ids.clerk2 } }),
      ]);
    }
    for (const doc of [stored, lostLater])
      expect((await history(doc)).map((e) => e.type)).not.toContain('CUSTODY_TRANSFERRED');
    const media = (await api.call('clerk2', 'GET', '/api/media')).body as { id: string; holderId: string }[];
    expect(media.find((x) => x.id === carrier)?.holderId).toBe(api.ids.clerk2);
  });

  it('R-4.2.6: the information-security officer hears what is missing', async () => {
    const number = (await view(actId)).body.number;
    const notice = await eventually(async () => {
      const r = await api.call('security', 'GET', '/api/notifications');
      return r.body.items.find((n: { template: string }) => n.template === 'act.items_missing');
    }, 20_000);
    expect(notice).toMatchObject({
      instanceId: actId,
      data: {
        actId,
        actNumber: number,
        kind: 'custody_transfer',
        items: [{ documentId: stored, regNumber: expect.any(String), title: expect.any(String), itemKind: 'document' }],
      },
    });
    const completed = await eventually(async () => {
      const r = await api.call('clerk2', 'GET', '/api/notifications');
      return r.body.items.find((n: { template: string }) => n.template === 'act.completed');
    }, 20_000);
    expect(completed.data).toMatchObject({ actId, kind: 'custody_transfer' });
  });

  it('R-4.2.6: the signed act verifies: three valid signatures, the last over the whole document', async () => {
    const verified = await api.call('auditor', 'GET', `/api/acts/${actId}/verify`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ ok: true, hashMatches: true });
    expect(verified.body.signatures).toHaveLength(3);
    expect(verified.body.signatures.every((s: { valid: boolean }) => s.valid)).toBe(true);
    expect(verified.body.signatures.map((s: { signer: string }) => s.signer)).toEqual([
      expect.stringContaining('Нуржан Токтогулова'),
      expect.stringContaining('Азамат Исаков'),
      expect.stringContaining('Айгүл Асанова'),
    ]);
    expect(verified.body.signatures[2].coversWholeDocument).toBe(true);
    const each = signatureReports(pdfSig(await actPdf(api, 'auditor', actId)));
    expect(each).toHaveLength(3);
    for (const s of each) expect(s).toContain('Signature is Valid.');
    expect(each[2]).toContain('Total document signed');
    // A signed act cannot change.
    expect((await actEvent(api, 'director', actId, { type: 'REJECT', reason: 'кеч' })).status).toBe(409);
  });

  it('R-4.2.6: once it is completed a new hand-over may start, and a clerk of the act may reject it', async () => {
    const next = await api.call('director', 'POST', '/api/acts', {
      kind: 'custody_transfer',
      incomingClerkId: api.ids.clerk,
      order: { number: '№14-к', date: '2026-11-26' },
    });
    expect(next.status).toBe(201);
    expect((await view(next.body.id, 'clerk2')).body.outgoingClerk.userId).toBe(api.ids.clerk2);
    const rejected = await actEvent(api, 'clerk2', next.body.id, { type: 'REJECT', reason: 'Буйрук жокко чыгарылды' });
    expect(rejected.body.state).toBe('rejected');
  });
});
