import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiHarness, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots } from '../support/browser';

/**
 * The Compliance screen in a real browser, in Kyrgyz: the auditor finds it in the menu, reads each clause with its
 * status, the code that enforces it and its tests, filters by status and downloads the printed matrix; a teacher has
 * no such menu item and the page refuses. Screenshots go to test-artifacts/e2e/ as `compliance-*.png`.
 */
describeInBrowser('the compliance screen, end to end in Chromium', () => {
  let api: ApiHarness;
  let dir: string;
  const shot = screenshots('compliance-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });
  const OUT_BAN = 'R-4.2.5';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'grif-compliance-e2e-'));
    const results = join(dir, 'results.json');
    writeFileSync(
      results,
      JSON.stringify([
        { fullName: `${OUT_BAN}: a copy never leaves the school`, file: 'test/api/x.test.ts', status: 'passed' },
        { fullName: `${OUT_BAN}: nor the original`, file: 'test/api/x.test.ts', status: 'failed' },
      ]),
    );
    process.env.GRIF_TEST_RESULTS = results;
    api = await startApi();
  });
  afterAll(async () => {
    delete process.env.GRIF_TEST_RESULTS;
    rmSync(dir, { recursive: true, force: true });
    await api?.close();
  });

  it('shows the auditor every clause with its status, code and tests, and prints it', async () => {
    const auditor = await signIn('auditor');
    await auditor.getByTestId('nav-compliance').click();
    await auditor.getByText('Жобого шайкештик').first().waitFor();
    const rows = auditor.getByTestId('compliance-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(30);

    const ban = auditor.locator(`[data-testid="compliance-row"][data-rule="${OUT_BAN}"]`);
    expect(await ban.getAttribute('data-status')).toBe('fail');
    await ban.getByText('Тест өтпөдү').waitFor();
    await ban.getByText(/2 тест: 1 өттү, 1 өтпөдү/).click();
    await ban.getByText(`${OUT_BAN}: nor the original`).waitFor();
    await ban.locator('summary', { hasText: 'жер' }).click();
    await ban
      .getByText(/^workflows\/.+:\d+$/)
      .first()
      .waitFor();
    await shot(auditor, 'matrix');

    await auditor.getByTestId('compliance-status').selectOption('fail');
    await auditor.waitForFunction(
      () => document.querySelectorAll('[data-testid="compliance-row"]:not([data-status="fail"])').length === 0,
    );
    expect(await rows.count()).toBeGreaterThanOrEqual(1);

    const link = new URL((await auditor.getByTestId('compliance-print').getAttribute('href'))!, api.base);
    expect([link.pathname, Object.fromEntries(link.searchParams)]).toEqual([
      '/api/compliance',
      { format: 'pdf', lang: 'ky' },
    ]);
    const [download] = await Promise.all([
      auditor.waitForEvent('download'),
      auditor.getByTestId('compliance-print').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^compliance-\d{4}-\d{2}-\d{2}\.pdf$/);
  });

  it('is not offered to a teacher, and refuses if reached', async () => {
    const teacher = await signIn('teacher');
    expect(await teacher.getByTestId('nav-compliance').count()).toBe(0);
    await teacher.goto(`${api.base}/#/compliance`);
    await teacher.locator('.alert-error').waitFor();
  });
});
