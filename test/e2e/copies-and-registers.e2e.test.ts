import { type Page } from 'playwright-core';
import { ApiHarness, sendEvent, startApi } from '../support/api';
import {
  act,
  chromiumSignIn,
  describeInBrowser,
  openDocument,
  screenshots,
  seeText,
  seeValue,
} from '../support/browser';

/**
 * Copies that can be followed (R-4.1c) and lists that keep their filters, in a real browser
 * (Debian chromium), in Kyrgyz: COPY names the new copies as links; "Copies made" opens the copy
 * journal filtered by the original's registration number; the RECLASSIFY form says what happens
 * to the copies; Back (and the page's own back link) returns to a list with its filters, sort and
 * page. Screenshots go to test-artifacts/e2e/ as `copies-registers-*.png` (other suites' files stay).
 */
describeInBrowser('copies and registers in the UI, end to end in Chromium', () => {
  let api: ApiHarness;
  const shot = screenshots('copies-registers-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });
  const regNumberOf = async (id: string) => (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.regNumber;
  const hashOf = (page: Page) => decodeURIComponent(new URL(page.url()).hash);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('COPY names the new copies; "Copies made" opens the copy journal by reg number; RECLASSIFY warns about copies', async () => {
    const original = await api.document('official_use');
    const regNumber = await regNumberOf(original);
    const clerk = await signIn('clerk');
    await openDocument(clerk, api.base, original);
    await act(clerk, 'COPY', async (p) => {
      await p.getByTestId('field-purpose').fill('педагогикалык кеңеш үчүн');
      await p.getByTestId('field-count').fill('2');
    });

    const links = clerk.getByTestId('new-copy-link');
    await links.nth(1).waitFor();
    expect(await links.allTextContents()).toEqual([`${regNumber}/1`, `${regNumber}/2`]);
    await seeText(clerk.getByTestId('new-copies'), 'Жаңы көчүрмөлөр:');
    await shot(clerk, 'copy-made-with-links');

    await links.first().click();
    await clerk
      .getByTestId('doc-regnumber')
      .filter({ hasText: `${regNumber}/1` })
      .waitFor();
    expect(await clerk.getByTestId('doc-classification').getAttribute('data-value')).toBe('official_use');
    await shot(clerk, 'first-copy-page');

    await clerk.goBack();
    const copiesLink = clerk.getByTestId('doc-copies-link');
    await copiesLink.waitFor();
    await seeText(copiesLink, '2 — көчүрмөлөр журналында', { exact: true });
    await copiesLink.click();
    await clerk.getByTestId('copy-row').nth(1).waitFor();
    expect(hashOf(clerk)).toBe(`#/registers/copies?of=${regNumber}`);
    expect(await clerk.getByTestId('copies-of').inputValue()).toBe(regNumber);
    expect(await clerk.getByTestId('copy-row').count()).toBe(2);
    expect(await clerk.getByTestId('copy-link').allTextContents()).toEqual(
      expect.arrayContaining([`${regNumber}/1`, `${regNumber}/2`]),
    );
    await shot(clerk, 'copy-journal-of-original');

    const security = await signIn('security');
    await openDocument(security, api.base, original);
    await security.getByTestId('action-RECLASSIFY').click();
    const note = security.getByTestId('reclassify-copies-note');
    await note.waitFor();
    await seeText(note, 'Бул документтин 2 көчүрмөсү бар: аларга да ушул эле гриф коюлат.', { exact: true });
    await shot(security, 'reclassify-says-what-happens-to-copies');
  });

  it("Back, and the page's own back link, return to a list with its filters, sort and page", async () => {
    for (const c of ['official_use', 'official_use', 'open', 'personal_data']) await api.document(c);
    const out = await api.document('confidential');
    await sendEvent(api, 'clerk', out, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'отчет' });

    const clerk = await signIn('clerk');
    await clerk.getByTestId('nav-documents').click();
    await clerk.getByTestId('doc-row').first().waitFor();
    await clerk.getByTestId('filter-classification').selectOption('official_use');
    await clerk.locator('th button.sort', { hasText: 'Каттоо номери' }).click();
    // Settled: the sort is in the address, the table no longer busy, and its rows answer the filter.
    await clerk.waitForFunction(() => {
      const rows = Array.from(document.querySelectorAll('[data-testid=doc-row]'));
      const busy = document.querySelector('table')?.getAttribute('aria-busy') === 'true';
      return (
        location.hash.includes('sort=regNumber') &&
        !busy &&
        rows.length > 0 &&
        rows.every((r) => r.querySelector('.mark-official_use'))
      );
    });
    const listHash = hashOf(clerk);
    expect(listHash).toMatch(/^#\/documents\?/);
    expect(listHash).toContain('classification=official_use');
    expect(listHash).toContain('sort=regNumber');
    const firstRows = await clerk.getByTestId('doc-link').allTextContents();
    await shot(clerk, 'documents-filtered');

    await clerk.getByTestId('doc-link').first().click();
    await clerk.getByTestId('doc-regnumber').waitFor();
    await clerk.goBack();
    await clerk.getByTestId('doc-row').first().waitFor();
    expect(hashOf(clerk)).toBe(listHash);
    expect(await clerk.getByTestId('filter-classification').inputValue()).toBe('official_use');
    expect(await clerk.getByTestId('doc-link').allTextContents()).toEqual(firstRows);
    await shot(clerk, 'documents-after-back');

    await clerk.getByTestId('doc-link').nth(1).click();
    await clerk.getByTestId('back-to-list').click();
    await clerk.getByTestId('doc-row').first().waitFor();
    expect(hashOf(clerk)).toBe(listHash);
    expect(await clerk.getByTestId('filter-classification').inputValue()).toBe('official_use');

    // A journal too: the issue journal, open issues only, ten a page.
    await clerk.getByTestId('nav-registers').click();
    await clerk.getByTestId('tab-issues').click();
    await clerk.getByTestId('issues-status').selectOption('open');
    await clerk.locator('.page-size select').selectOption('10');
    await clerk.waitForFunction(() => location.hash.includes('status=open') && location.hash.includes('size=10'));
    const journalHash = hashOf(clerk);
    await clerk
      .locator('table a', { hasText: await regNumberOf(out) })
      .first()
      .click();
    await clerk.getByTestId('doc-regnumber').waitFor();
    await clerk.goBack();
    await clerk.locator('table a').first().waitFor();
    expect(hashOf(clerk)).toBe(journalHash);
    expect(await clerk.getByTestId('issues-status').inputValue()).toBe('open');
    expect(await clerk.locator('.page-size select').inputValue()).toBe('10');
    await shot(clerk, 'issue-journal-after-back');

    // The carriers register and a cabinet's contents, as the clerk reads them.
    await clerk.getByTestId('tab-carriers').click();
    await clerk.getByTestId('carrier-row').first().waitFor();
    await seeText(clerk.getByTestId('carriers-help'), 'R-3');
    expect(await clerk.getByTestId('carrier-row').filter({ hasText: 'Колдо (берилген)' }).count()).toBe(1);
    await shot(clerk, 'carriers-register');
    await clerk.getByTestId('carrier-row').first().locator('a', { hasText: 'Шкаф 1' }).first().click();
    await clerk.getByTestId('cabinet-row').first().waitFor();
    expect(hashOf(clerk)).toBe(`#/registers/cabinets?cabinet=${api.secureCabinetId}`);
    await seeValue(clerk.getByTestId('cabinets-cabinet'), api.secureCabinetId);
    expect(await clerk.getByTestId('cabinet-row').filter({ hasText: 'Шкафта жок' }).count()).toBe(1);
    await shot(clerk, 'cabinet-contents');
  });
});
