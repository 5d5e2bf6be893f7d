import { pdfSig, pdfToText, signatureReports } from '../../libs/acts/src/testing/poppler';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, sendEvent, startApi } from '../support/api';
import { actEvent, actPdf, enrolDemoCertificates, expiredDocuments, rendered } from '../support/acts';

/** R-4.1d: a destruction act, from the retention candidates to the director's signature. */
describe('destruction act (R-4.1d)', () => {
  let api: ApiHarness;

  beforeAll(async () => {
    api = await startApi({ worker: true });
    await enrolDemoCertificates(api);
  });
  afterAll(() => api.close());

  const sign = (user: string, id: string, passphrase = DEMO_PASSWORD) =>
    actEvent(api, user, id, { type: 'SIGN', passphrase });

  it('R-4.1d: candidates are stored documents of files whose retention has run out, with their copies', async () => {
    const { originals, copies } = await expiredDocuments(api, 2, { copies: 1 });
    const current = await api.document('open'); // no file: never a candidate
    const r = await api.call('clerk', 'GET', '/api/acts/destruction/candidates');
    expect(r.status).toBe(200);
    const ids = r.body.map((c: { documentId: string }) => c.documentId);
    expect(ids).toEqual(expect.arrayContaining(originals));
    expect(ids).not.toContain(current);
    expect(ids).not.toContain(copies[0]); // listed under its original
    const first = r.body.find((c: { documentId: string }) => c.documentId === originals[0]);
    expect(first).toMatchObject({ eligibleSince: '2024-01-01', copies: [{ documentId: copies[0] }] });
    expect((await api.call('teacher', 'GET', '/api/acts/destruction/candidates')).status).toBe(403);
  });

  it('R-4.1d: an original goes only with its copies; an unexpired or issued document is refused, and nothing is written', async () => {
    const { originals, copies } = await expiredDocuments(api, 1, { copies: 1 });
    const alone = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals });
    expect(alone).toMatchObject({ status: 422, body: { code: 'RULE_VIOLATION', rule: 'R-4.1d' } });
    const fresh = await api.document('open');
    const young = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: [fresh] });
    expect(young).toMatchObject({ status: 422, body: { rule: 'R-4.1d' } });
    expect((await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: [] })).status).toBe(400);
    expect(
      (await api.call('teacher', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals })).status,
    ).toBe(403);
    const both = await api.call('clerk', 'POST', '/api/acts', {
      kind: 'destruction',
      documentIds: [...originals, ...copies],
    });
    expect(both.status).toBe(201);
    expect(both.body).toMatchObject({ state: 'draft', version: 1, number: expect.stringMatching(/^Ж-\d+\/\d{4}$/) });
  });

  it('R-4.1d: an item in a draft is not issued; withdrawing it frees it, but a copy stays while its original does', async () => {
    const { originals, copies } = await expiredDocuments(api, 2, { copies: 1 });
    const act = await api.call('clerk', 'POST', '/api/acts', {
      kind: 'destruction',
      documentIds: [...originals, ...copies],
    });
    const issue = { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'текшерүү' };
    expect((await sendEvent(api, 'clerk', originals[1], issue)).body).toMatchObject({ rule: 'R-4.1d' });
    const view = await api.call('clerk', 'GET', `/api/documents/${originals[1]}`);
    expect(view.body.blockedEvents).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'ISSUE', rule: 'R-4.1d' })]),
    );
    const copyOut = await actEvent(api, 'clerk', act.body.id, { type: 'WITHDRAW_ITEM', documentId: copies[0] });
    expect(copyOut.body).toMatchObject({ rule: 'R-4.1d' });
    const withdrawn = await actEvent(api, 'clerk', act.body.id, { type: 'WITHDRAW_ITEM', documentId: originals[1] });
    expect(withdrawn).toMatchObject({ status: 200, body: { state: 'draft' } });
    expect((await sendEvent(api, 'clerk', originals[1], issue)).status).toBe(200);
    const view2 = await api.call('clerk', 'GET', `/api/acts/${act.body.id}`);
    expect(view2.body.items.map((i: { documentId: string }) => i.documentId)).toEqual([originals[0], copies[0]]);
    const reject = await actEvent(api, 'clerk', act.body.id, { type: 'REJECT', reason: 'Комиссия чогула элек' });
    expect(reject.body.state).toBe('rejected');
    expect((await sendEvent(api, 'clerk', originals[0], { type: 'COPY', purpose: 'x', count: 1 })).status).toBe(200);
  });

  it('R-4.1d: the commission signs, then the director; the last signature destroys every item at once', async () => {
    const { originals, copies } = await expiredDocuments(api, 3, { copies: 2 });
    const items = [...originals, ...copies];
    const act = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: items });
    const id = act.body.id;
    const draft = await api.call('clerk', 'GET', `/api/acts/${id}`);
    expect(draft.body.availableEvents).toEqual(expect.arrayContaining(['SUBMIT', 'WITHDRAW_ITEM', 'REJECT']));
    const submitted = await actEvent(api, 'clerk', id, { type: 'SUBMIT' });
    expect(submitted.body.state).toBe('rendering');
    const ready = await rendered(api, id);
    expect(ready.pdfSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ready.signers.map((s: { role: string }) => s.role)).toEqual([
      'commission_member',
      'commission_member',
      'commission_member',
      'director',
    ]);
    const text = pdfToText(await actPdf(api, 'clerk', id));
    expect(text).toContain('Документтерди жок кылуу жөнүндө акт');
    expect(text).toContain('Бакыт Осмонов');
    expect(
      (await api.call('security', 'GET', '/api/acts?awaiting=me')).body.map((a: { id: string }) => a.id),
    ).toContain(id);
    expect(
      (await api.call('director', 'GET', '/api/acts?awaiting=me')).body.map((a: { id: string }) => a.id),
    ).not.toContain(id);

    expect((await sign('director', id)).body).toMatchObject({ code: 'NOT_YOUR_TURN' });
    expect((await sign('security', id, 'not-the-passphrase')).body.code).toBe('PASSPHRASE_WRONG');
    expect((await sign('teacher', id)).status).toBe(404); // not among those who see the act
    for (const [i, user] of ['security', 'support', 'clerk'].entries()) {
      const r = await sign(user, id);
      expect(r).toMatchObject({ status: 200, body: { state: 'awaiting_signatures' } });
      const report = pdfSig(await actPdf(api, 'clerk', id));
      const each = signatureReports(report);
      expect(each).toHaveLength(i + 1);
      for (const s of each) expect(s).toContain('Signature is Valid.');
      expect(each.at(-1)).toContain('Total document signed');
    }
    expect(
      (await api.call('director', 'GET', '/api/acts?awaiting=me')).body.map((a: { id: string }) => a.id),
    ).toContain(id);
    const last = await sign('director', id);
    expect(last).toMatchObject({ status: 200, body: { state: 'completed' } });

    for (const doc of items) {
      const d = await api.call('clerk', 'GET', `/api/documents/${doc}`);
      expect(d.body.state).toBe('destroyed');
      const h = await api.call('clerk', 'GET', `/api/documents/${doc}/history`);
      expect(h.body.at(-1)).toMatchObject({ type: 'DESTROY', payload: { actId: id } });
    }
    // Destroyed, they have left the school's keeping: the cabinet they lay in lists them no more.
    const inventory = await api.call(
      'clerk',
      'GET',
      `/api/registers/cabinets?cabinetId=${api.secureCabinetId}&pageSize=500`,
    );
    const listed = inventory.body.items.map((i: { itemId: string }) => i.itemId);
    expect(listed.filter((doc: string) => items.includes(doc))).toEqual([]);
    const verified = await api.call('auditor', 'GET', `/api/acts/${id}/verify`);
    expect(verified.body.ok).toBe(true);
    expect(verified.body.hashMatches).toBe(true);
    expect(verified.body.signatures).toHaveLength(4);
    expect(verified.body.signatures[3]).toMatchObject({
      signer: expect.stringContaining('Айгүл Асанова'),
      valid: true,
      coversWholeDocument: true,
    });
    const print = await fetch(`${api.base}/api/acts/${id}/printout`, {
      headers: { authorization: `Bearer ${api.tokens.clerk}` },
    });
    expect(print.headers.get('content-type')).toBe('application/pdf');
    const paper = pdfToText(Buffer.from(await print.arrayBuffer())).replace(/\s+/g, ' ');
    expect(paper).toContain('Кол коюлду'); // each signer's time, on the paper copy
    expect(paper).toContain('SHA-256');
    const history = await api.call('auditor', 'GET', `/api/documents/${items[0]}/history`);
    expect(history.status).toBe(200);
    // A signed act cannot change.
    expect((await actEvent(api, 'clerk', id, { type: 'REJECT', reason: 'кеч' })).status).toBe(409);
  });

  it('the two-step route: the data to sign goes out, the signature value comes back, and the PDF verifies', async () => {
    const { createDemoSigningBundle, openPkcs12, signData } = await import('@grif/acts');
    const { webcrypto } = await import('node:crypto');
    const { originals } = await expiredDocuments(api, 1);
    const act = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals });
    await actEvent(api, 'clerk', act.body.id, { type: 'SUBMIT' });
    await rendered(api, act.body.id);
    // A token holds the key: only its certificate and the signature value reach Grif.
    const token = await createDemoSigningBundle([{ key: 'security', name: 'Бакыт Осмонов (токен)' }], {
      organization: 'Мектеп',
      now: new Date(Date.now() - 60_000),
      passphrase: 'token-pin',
    });
    const opened = await openPkcs12(token.signers.security.pkcs12, 'token-pin');
    const key = await webcrypto.subtle
      .importKey('pkcs8', opened.privateKeyPkcs8, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign'])
      .catch(() =>
        webcrypto.subtle.importKey(
          'pkcs8',
          opened.privateKeyPkcs8,
          { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
          false,
          ['sign'],
        ),
      );
    const prepared = await api.call('security', 'POST', `/api/acts/${act.body.id}/signing`, {
      certificate: Buffer.from(opened.certificate).toString('base64'),
    });
    expect(prepared.status).toBe(201);
    const value = await signData(key, Buffer.from(prepared.body.dataToSign, 'base64'));
    const bad = await api.call('security', 'POST', `/api/acts/${act.body.id}/signing/${prepared.body.sessionId}`, {
      signatureValue: Buffer.from(value.map((b) => b ^ 1)).toString('base64'),
    });
    expect(bad.status).toBe(422);
    const done = await api.call('security', 'POST', `/api/acts/${act.body.id}/signing/${prepared.body.sessionId}`, {
      signatureValue: Buffer.from(value).toString('base64'),
    });
    expect(done).toMatchObject({ status: 200, body: { state: 'awaiting_signatures' } });
    const report = signatureReports(pdfSig(await actPdf(api, 'security', act.body.id)));
    expect(report[0]).toContain('Signature is Valid.');
  });

  it('enrolment: a wrong passphrase or a file that is not a PKCS#12 writes nothing', async () => {
    const junk = Buffer.from('not a pkcs12').toString('base64');
    const r = await api.call('teacher', 'POST', '/api/me/certificate', { pkcs12: junk, passphrase: 'x' });
    expect(r).toMatchObject({ status: 422, body: { code: 'CERTIFICATE_INVALID' } });
    expect((await api.call('teacher', 'GET', '/api/me/certificate')).body).toEqual({ enrolled: false });
    const mine = await api.call('security', 'GET', '/api/me/certificate');
    expect(mine.body).toMatchObject({ enrolled: true, subject: expect.stringContaining('Бакыт Осмонов') });
  });
});
