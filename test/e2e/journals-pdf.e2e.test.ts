import { readFileSync } from 'node:fs';
import { pdfToText } from '../../libs/acts/src/testing/poppler';
import { todayInBishkek } from '../../apps/admin/src/format';
import { ApiHarness, sendEvent, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots } from '../support/browser';

/**
 * "Басып чыгаруу (PDF)" beside the CSV export of the four journals, in a real browser (Debian
 * chromium), in Kyrgyz: a period (this month so far by default) and a language; a period the server
 * would refuse keeps the download disabled and says why; the download is the journal's PDF.
 * Screenshots go to test-artifacts/e2e/ as `journals-pdf-*.png`.
 */
describeInBrowser('printed journals in the UI, end to end in Chromium', () => {
  let api: ApiHarness;
  let regNumber = '';
  const shot = screenshots('journals-pdf-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });

  beforeAll(async () => {
    api = await startApi();
    const id = await api.document('official_use');
    await sendEvent(api, 'clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'отчёт' });
    regNumber = (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.regNumber;
  });
  afterAll(() => api?.close());

  it('prints the registration journal for a period, in Kyrgyz or Russian', async () => {
    const clerk = await signIn('clerk');
    await clerk.goto(`${api.base}/#/registers/registration?direction=incoming`);
    await clerk.getByTestId('export-csv').waitFor();
    await clerk.getByTestId('print-pdf').click();
    const today = todayInBishkek();
    expect(await clerk.getByTestId('print-from').inputValue()).toBe(`${today.slice(0, 8)}01`);
    expect(await clerk.getByTestId('print-to').inputValue()).toBe(today);
    expect(await clerk.getByTestId('print-lang').inputValue()).toBe('ky');
    const href = new URL((await clerk.getByTestId('print-download').getAttribute('href'))!, api.base);
    expect(href.pathname).toBe('/api/registers/registration');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      direction: 'incoming',
      sort: 'regNumber',
      order: 'asc',
      from: `${today.slice(0, 8)}01`,
      to: today,
      lang: 'ky',
      format: 'pdf',
    });
    await shot(clerk, 'registration-print-panel', false);

    // A period that ends before it starts: no download, and the reason.
    await clerk.getByTestId('print-from').fill('2026-12-31');
    await clerk.getByTestId('print-to').fill('2026-01-01');
    expect(await clerk.getByTestId('print-download').count()).toBe(0);
    await clerk.getByText('Мезгилдин башы аягынан кеч болбошу керек.').waitFor();
    await shot(clerk, 'registration-print-period-refused', false);

    await clerk.getByTestId('print-from').fill(`${today.slice(0, 4)}-01-01`);
    await clerk.getByTestId('print-to').fill(today);
    await clerk.getByTestId('print-lang').selectOption('ru');
    const [download] = await Promise.all([clerk.waitForEvent('download'), clerk.getByTestId('print-download').click()]);
    expect(download.suggestedFilename()).toBe(`registration-${today.slice(0, 4)}-01-01-${today}.pdf`);
    const text = pdfToText(readFileSync((await download.path())!));
    expect(text).toContain('Журнал регистрации документов');
    expect(text).toContain(regNumber);
  });

  it('offers the print beside the CSV on the issue and copy journals and the carriers register, not elsewhere', async () => {
    const security = await signIn('security');
    for (const tab of ['issues', 'copies', 'carriers']) {
      await security.goto(`${api.base}/#/registers/${tab}`);
      await security.getByTestId('export-csv').waitFor();
      expect([tab, await security.getByTestId('print-pdf').textContent()]).toEqual([tab, 'Басып чыгаруу (PDF)']);
    }
    await security.getByTestId('print-pdf').click();
    await security.getByTestId('print-download').waitFor();
    await shot(security, 'carriers-print-panel', false);
    await security.goto(`${api.base}/#/registers/cabinets`);
    await security.getByTestId('export-csv').waitFor();
    expect(await security.getByTestId('print-pdf').count()).toBe(0);
  });

  it('on a phone the period opens inside the screen', async () => {
    const clerk = await signIn('clerk', { width: 390, height: 844 });
    await clerk.goto(`${api.base}/#/registers/copies`);
    await clerk.getByTestId('print-pdf').click();
    const panel = clerk.locator('.print-panel');
    await panel.waitFor();
    const box = (await panel.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(clerk, 'copies-print-panel-phone', false);
  });
});
