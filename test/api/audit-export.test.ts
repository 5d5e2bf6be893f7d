import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ApiHarness, startApi } from '../support/api';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { actEvent, enrolDemoCertificates, expiredDocuments, rendered } from '../support/acts';
import { deleteEvent, deleteInstance, editCheckpoint, flipByte, swapEvents } from '../support/tamper';

const VERIFIER = resolve(__dirname, '../../tools/audit-verify.mjs');
const dir = mkdtempSync(join(tmpdir(), 'grif-audit-export-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The bundle as the auditor downloads it, kept in a file as they would keep it. */
async function exportBundle(api: ApiHarness): Promise<{ path: string; text: string; res: Response }> {
  const res = await fetch(`${api.base}/api/audit/export`, {
    headers: { authorization: `Bearer ${api.tokens.auditor}` },
  });
  const text = await res.text();
  const path = join(dir, `bundle-${++files}.jsonl`);
  writeFileSync(path, text);
  return { path, text, res };
}

/** The offline verifier as an outsider runs it: plain node on the file, nothing of Grif loaded. */
async function verifyOffline(path: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [VERIFIER, path]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

const brokenAt = (out: string) => /broken instance=(\S+) seq=(-?\d+) reason=(\w+)/.exec(out)?.slice(1, 4);

describe('audit export: a signed bundle an outsider verifies offline (R-1.5)', () => {
  let api: ApiHarness;
  let clean: { path: string; text: string };
  beforeAll(async () => {
    api = await startApi({ worker: true, config: { auditKeySecret: 'a test secret, sixteen chars or more' } });
    await enrolDemoCertificates(api, ['security']);
    await api.document('open');
    await api.issuedDocument('official_use');
    const { originals } = await expiredDocuments(api, 2);
    const act = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals });
    expect(act.status).toBe(201);
    await actEvent(api, 'clerk', act.body.id, { type: 'SUBMIT' });
    await rendered(api, act.body.id);
    // One signature: the act's latest revision, the one exported, is a signed PDF.
    const signed = await actEvent(api, 'security', act.body.id, { type: 'SIGN', passphrase: DEMO_PASSWORD });
    expect(signed.status).toBe(200);
    const breach = await api.call('teacher', 'POST', '/api/breaches', {
      system: 'grif',
      account: 'teacher',
      discoveredAt: new Date(Date.now() - 1800_000).toISOString(),
      description: 'Менин аккаунтумдан мен кирбеген убакта документ ачылган',
    });
    expect(breach.status).toBe(201);
    expect((await api.call('security', 'POST', '/api/audit/checkpoints')).status).toBe(201);
    const e = await exportBundle(api);
    expect(e.res.status).toBe(200);
    clean = e;
  }, 90_000);
  afterAll(() => api.close());

  it('answers one JSON Lines attachment: the manifest, the instances, the ledger, the acts, in that order', async () => {
    const { res, text } = await exportBundle(api);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-[\w-]+-\d{4}-\d{2}-\d{2}\.jsonl"$/,
    );
    const lines = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string });
    const kinds = lines.map((l) => l.kind);
    expect(kinds[0]).toBe('manifest');
    expect(kinds.slice(1)).toEqual([...kinds.slice(1)].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
    expect(new Set(kinds.slice(1))).toEqual(new Set(ORDER));
    const manifest = lines[0] as any;
    expect(manifest).toMatchObject({
      format: 'grif-audit/1',
      school: { id: api.schoolId, name: expect.any(String) },
      signature: { alg: 'ES256', chain: [expect.any(String)] },
    });
    expect(manifest.digest).toBe(
      `sha256:${createHash('sha256').update(text.trimEnd().split('\n').slice(1).join('\n')).digest('hex')}`,
    );
    const act = lines.find((l) => l.kind === 'act') as any;
    expect(createHash('sha256').update(Buffer.from(act.pdf, 'base64')).digest('hex')).toBe(act.sha256);
    expect(Buffer.from(act.pdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.from(act.pdf, 'base64').includes('/ByteRange')).toBe(true);
    expect(act.revision).toBe(2);
  });

  it('verifies ok offline, with the counts of the manifest and of GET /api/audit/verify', async () => {
    const { code, out } = await verifyOffline(clean.path);
    const manifest = JSON.parse(clean.text.split('\n')[0]);
    const c = manifest.counts;
    expect({ code, last: out.trim().split('\n').pop() }).toEqual({
      code: 0,
      last: `ok instances=${c.instances} events=${c.events} checkpoints=${c.checkpoints} acts=${c.acts}`,
    });
    expect(c).toMatchObject({ checkpoints: 1, acts: 1 });
    const api_ = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(api_.body).toMatchObject({ ok: true, instances: c.instances, events: c.events, checkpoints: 1 });
  });

  it('signs with the same certificate on every export (the key is kept sealed, not made anew)', async () => {
    const again = await exportBundle(api);
    const cert = (t: string) => JSON.parse(t.split('\n')[0]).signature.certificate;
    expect(cert(again.text)).toBe(cert(clean.text));
  });

  it('an edited manifest fails its signature; an edited line fails the digest and names its link', async () => {
    const [first, ...rest] = clean.text.split('\n');
    const manifest = JSON.parse(first);
    manifest.exportedAt = '2020-01-01T00:00:00.000Z';
    const edited = join(dir, 'edited-manifest.jsonl');
    writeFileSync(edited, [JSON.stringify(manifest), ...rest].join('\n'));
    const r = await verifyOffline(edited);
    expect(r.code).toBe(1);
    expect(r.out).toContain('broken manifest reason=signature_invalid');
    expect(brokenAt(r.out)).toBeUndefined();

    const i = rest.findIndex((l) => l.startsWith('{"kind":"instance"'));
    const instance = JSON.parse(rest[i]);
    instance.events[0].type = `${instance.events[0].type}X`;
    rest[i] = JSON.stringify(instance);
    const line = join(dir, 'edited-line.jsonl');
    writeFileSync(line, [first, ...rest].join('\n'));
    const l = await verifyOffline(line);
    expect(l.code).toBe(1);
    expect(l.out).toContain('broken manifest reason=digest_mismatch');
    expect(brokenAt(l.out)).toEqual([instance.id, '1', 'hash_mismatch']);
  });

  it("a flipped byte of an act's PDF fails its sha256", async () => {
    const lines = clean.text.split('\n');
    const i = lines.findIndex((l) => l.startsWith('{"kind":"act"'));
    const act = JSON.parse(lines[i]);
    const pdf = Buffer.from(act.pdf, 'base64');
    pdf[Math.floor(pdf.length / 2)] ^= 0x01;
    lines[i] = JSON.stringify({ ...act, pdf: pdf.toString('base64') });
    const path = join(dir, 'act-byte.jsonl');
    writeFileSync(path, lines.join('\n'));
    const r = await verifyOffline(path);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`broken act=${act.id} number=${act.number} reason=sha256_mismatch`);
  });

  it('is for auditors: staff are refused, strangers are asked to sign in', async () => {
    expect((await api.call('teacher', 'GET', '/api/audit/verify')).status).toBe(403);
    const res = (user: string | null) =>
      fetch(`${api.base}/api/audit/export`, { headers: user ? { authorization: `Bearer ${api.tokens[user]}` } : {} });
    expect((await res('teacher')).status).toBe(403);
    expect((await res(null)).status).toBe(401);
  });
});

const ORDER = ['instance', 'checkpoint', 'act'];

/**
 * Each kind of tampering on a fresh school: the offline verifier, run on an export of the tampered database, names
 * the same instance and seq as GET /api/audit/verify.
 */
describe.each([
  ['a flipped byte', (a: ApiHarness, id: string) => flipByte(a, id, 2), 2],
  ['a deleted event', (a: ApiHarness, id: string) => deleteEvent(a, id, 2), 2],
  ['two swapped events', (a: ApiHarness, id: string) => swapEvents(a, id, 2, 3), 2],
  ['a deleted instance', (a: ApiHarness, id: string) => deleteInstance(a, id), 4],
  ['an edited checkpoint', (a: ApiHarness) => editCheckpoint(a, a.schoolId, 1), 1],
] as const)('audit export: %s is named alike offline and by the API (R-1.5)', (_name, tamper, seq) => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  }, 60_000);
  afterAll(() => api.close());

  it('names the instance and the seq', async () => {
    await api.document('open');
    const target = await api.issuedDocument('official_use');
    await api.document('open');
    expect((await api.call('security', 'POST', '/api/audit/checkpoints')).status).toBe(201);
    await tamper(api, target);

    const online = await api.call('auditor', 'GET', '/api/audit/verify');
    expect(online.body.ok).toBe(false);
    const { path } = await exportBundle(api);
    const offline = await verifyOffline(path);
    expect(offline.code).toBe(1);
    const [instance, at] = brokenAt(offline.out) ?? [];
    expect({ instance, seq: Number(at) }).toEqual({
      instance: online.body.firstBreak.instanceId,
      seq: online.body.firstBreak.seq,
    });
    expect(instance).toBe(_name === 'an edited checkpoint' ? 'checkpoint:1' : target);
    expect(Number(at)).toBe(seq);
    // The bundle itself is sound: what is broken is the history it carries, not the file.
    expect(offline.out).not.toContain('broken manifest');
    expect(readFileSync(path, 'utf8').split('\n')[0]).toContain('"kind":"manifest"');
  });
});
