import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfToText } from '../../libs/acts/src/testing/poppler';
import { ApiHarness, startApi } from '../support/api';

/** is an item of the heading. */
const isItemOf = (id: string, heading: string) =>
  id !== heading && new RegExp(`^${heading.replace(/\./g, '\\.')}[.a-z]`).test(id);
const REPO = join(__dirname, '..', '..');
const CLAUSES: { id: string; title: string }[] = JSON.parse(
  readFileSync(join(REPO, 'docs', 'regulation-clauses.json'), 'utf8'),
);
/** The clause every test here looks at: taking "For Official Use" documents out of the school is forbidden. */
const OUT_BAN = 'R-4.2.5';
/** A real test of the repository that names that clause (its file is checked to hold the words). */
const REAL_TEST = {
  file: 'test/api/records-rules.test.ts',
  fullName: `records office rules over HTTP (R-2.5, R-4.1c, R-4.2.2, ${OUT_BAN}, R-4.3) ${OUT_BAN}: For Official Use documents never leave the school`,
};

/**
 * The compliance matrix over the real checkout: the clauses from the committed list, the code from the source as it
 * is, the tests from a results file of the reporter's shape (GRIF_TEST_RESULTS), since a clean clone has run nothing yet.
 */
describe('the compliance matrix: GET /api/compliance', () => {
  let api: ApiHarness;
  let dir: string;
  const results = (tests: { fullName: string; file: string; status: string }[]) => {
    const file = join(dir, `results-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(tests));
    process.env.GRIF_TEST_RESULTS = file;
  };
  const row = (rows: any[], rule: string) => rows.find((r) => r.rule === rule);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-compliance-'));
    api = await startApi();
  });
  afterAll(async () => {
    delete process.env.GRIF_TEST_RESULTS;
    rmSync(dir, { recursive: true, force: true });
    await api?.close();
  });

  it('lists every clause of the Regulation once, in its order, with a title', async () => {
    results([]);
    const r = await api.call('auditor', 'GET', '/api/compliance');
    expect(r.status).toBe(200);
    expect(r.body.map((x: any) => [x.rule, x.title])).toEqual(CLAUSES.map((c) => [c.id, c.title]));
  });

  it('points at real lines of non-test source that name the clause: the ban on taking documents out is enforced', async () => {
    results([]);
    const rows = (await api.call('auditor', 'GET', '/api/compliance')).body;
    const ban = row(rows, OUT_BAN);
    expect(ban.enforcedIn.length).toBeGreaterThan(0);
    expect(ban.enforcedIn.some((p: any) => p.file.startsWith('workflows/') || p.file.startsWith('libs/'))).toBe(true);
    for (const r of rows) {
      for (const { file, line } of r.enforcedIn) {
        expect(file).not.toMatch(/\.(spec|test)\.ts$|^test\/|^apps\/admin\//);
        const text = readFileSync(join(REPO, file), 'utf8').split('\n')[line - 1];
        expect([file, line, text.includes(r.rule)]).toEqual([file, line, true]);
      }
    }
  });

  it('joins the tests whose names cite the clause with their latest result, and rates the clause by them', async () => {
    expect(readFileSync(join(REPO, REAL_TEST.file), 'utf8')).toContain(
      `${OUT_BAN}: For Official Use documents never leave the school`,
    );
    results([
      { ...REAL_TEST, fullName: `${REAL_TEST.fullName} a copy is refused`, status: 'passed' },
      { ...REAL_TEST, fullName: `${REAL_TEST.fullName} the original is refused`, status: 'passed' },
      { file: 'test/api/other.test.ts', fullName: 'names no clause', status: 'failed' },
    ]);
    let ban = row((await api.call('auditor', 'GET', '/api/compliance')).body, OUT_BAN);
    expect(ban.tests).toEqual([
      { name: `${REAL_TEST.fullName} a copy is refused`, file: REAL_TEST.file, status: 'pass' },
      { name: `${REAL_TEST.fullName} the original is refused`, file: REAL_TEST.file, status: 'pass' },
    ]);
    expect(ban.status).toBe('pass');

    results([{ ...REAL_TEST, status: 'failed' }]);
    const rows = (await api.call('auditor', 'GET', '/api/compliance')).body;
    ban = row(rows, OUT_BAN);
    expect([ban.tests.map((t: any) => t.status), ban.status]).toEqual([['fail'], 'fail']);
    // The heading over the item fails with it.
    expect(row(rows, 'R-4.2').status).toBe('fail');
  });

  it('says "not run" for an enforced clause while there are no results, and "untested" once there are', async () => {
    process.env.GRIF_TEST_RESULTS = join(dir, 'none-yet.json');
    expect(existsSync(process.env.GRIF_TEST_RESULTS)).toBe(false);
    let rows = (await api.call('auditor', 'GET', '/api/compliance')).body;
    expect(row(rows, OUT_BAN)).toMatchObject({ tests: [], status: 'not_run' });
    // Without results nothing passes or fails: a clause is either not enforced or not run (a heading: as its items).
    for (const r of rows) expect(['not_run', 'not_enforced']).toContain(r.status);
    const items = rows.filter((x: any) => x.enforcedIn.length > 0 && !rows.some((y: any) => isItemOf(y.rule, x.rule)));
    for (const r of items) expect([r.rule, r.status]).toEqual([r.rule, 'not_run']);

    results([]);
    rows = (await api.call('auditor', 'GET', '/api/compliance')).body;
    expect(row(rows, OUT_BAN).status).toBe('untested');
  });

  it('is for auditors: every auditing role reads it; a teacher gets 403, nobody 401', async () => {
    results([]);
    for (const user of ['auditor', 'security', 'director']) {
      expect([user, (await api.call(user, 'GET', '/api/compliance')).status]).toEqual([user, 200]);
    }
    const teacher = await api.call('teacher', 'GET', '/api/compliance');
    expect([teacher.status, teacher.body.code]).toEqual([403, 'ROLE_REQUIRED']);
    expect((await api.call('clerk', 'GET', '/api/compliance')).status).toBe(403);
    expect((await api.call(null, 'GET', '/api/compliance')).status).toBe(401);
  });

  it('refuses a format or language it does not print with 400 naming the field', async () => {
    const format = await api.call('auditor', 'GET', '/api/compliance?format=xml');
    expect([format.status, format.body.code, format.body.fields?.map((f: any) => f.field)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['format'],
    ]);
    const lang = await api.call('auditor', 'GET', '/api/compliance?format=pdf&lang=en');
    expect([lang.status, lang.body.code, lang.body.fields?.map((f: any) => f.field)]).toEqual([
      400,
      'VALIDATION_FAILED',
      ['lang'],
    ]);
  });

  it('prints the matrix as a PDF in Kyrgyz or Russian, with every clause and its status', async () => {
    results([{ ...REAL_TEST, status: 'passed' }]);
    const print = async (lang: string) => {
      const res = await fetch(`${api.base}/api/compliance?format=pdf&lang=${lang}`, {
        headers: { authorization: `Bearer ${api.tokens.auditor}` },
      });
      expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="compliance-\d{4}-\d{2}-\d{2}\.pdf"/,
      );
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      return pdfToText(bytes);
    };
    const ky = await print('ky');
    expect(ky).toContain('шайкештик матрицасы');
    expect(ky).toContain('Коддо кайда аткарылат');
    expect(ky).toMatch(/өттү 1,/);
    for (const c of CLAUSES) expect(ky).toMatch(new RegExp(`(^|\\s)${c.id.replace(/\./g, '\\.')}\\s`, 'm'));
    const ru = await print('ru');
    expect(ru).toContain('Матрица соответствия');
    expect(ru).toMatch(/пройдено 1,/);
  });
});
