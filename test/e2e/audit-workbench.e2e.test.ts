import { ApiHarness, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots } from '../support/browser';

/**
 * The auditor's workbench in a real browser (Debian chromium), in Kyrgyz: search the events by type,
 * open the instance, see its statechart with the current state highlighted and the path taken, the
 * timeline with the context's changes, and the print button. Screenshots: test-artifacts/e2e/audit-workbench-*.png.
 */
describeInBrowser("the auditor's workbench, end to end in Chromium", () => {
  let api: ApiHarness;
  let id = '';
  let regNumber = '';
  const shot = screenshots('audit-workbench-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });

  beforeAll(async () => {
    api = await startApi();
    id = await api.issuedDocument('official_use');
    regNumber = (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.regNumber;
  });
  afterAll(() => api?.close());

  it('searches, opens an instance and sees its statechart with the current state highlighted', async () => {
    const auditor = await signIn('auditor');
    await auditor.goto(`${api.base}/#/audit`);
    await auditor.getByTestId('audit-search').waitFor();
    await auditor.getByTestId('audit-filter-type').selectOption('ISSUE');
    // The unfiltered list shows first: wait for the filtered answer (one ISSUE event in the school).
    await auditor.getByText('Табылды: 1').waitFor();
    const row = auditor.getByTestId('audit-events').locator('tbody tr');
    await row.first().getByText(regNumber).waitFor();
    expect(await row.count()).toBe(1);
    // Names, never ids: the clerk's name and the event in Kyrgyz.
    await row.first().getByText('Нуржан Токтогулова (иш кагаздары)').waitFor();
    await row.first().getByText('Берүү').waitFor();
    expect(await row.first().innerText()).not.toContain(id);
    await shot(auditor, 'search');

    await auditor.getByTestId('audit-open-instance').first().click();
    await auditor.getByTestId('statechart').waitFor();
    const current = auditor.getByTestId('chart-state-issued');
    expect(await current.getAttribute('data-current')).toBe('true');
    expect(await auditor.getByTestId('chart-state-in_storage').getAttribute('data-visited')).toBe('true');
    expect(await auditor.getByTestId('chart-state-destroyed').getAttribute('data-visited')).toBe('false');
    expect(await auditor.getByTestId('chart-arrow-in_storage-issued').getAttribute('data-taken')).toBe('true');
    expect(await auditor.locator('[data-testid^="chart-state-"]').count()).toBe(9);
    await auditor.getByTestId('audit-current-state').getByText('Берилген').waitFor();
    await auditor.getByTestId('audit-step-2').getByText('official_use').waitFor();
    // The holder in the ISSUE step's change is named, not shown by id.
    const issueStep = auditor.getByTestId('audit-step-4');
    await issueStep.getByText('Гүлнара Жумабаева (мугалим)').waitFor();
    expect(await issueStep.innerText()).not.toContain(api.ids.teacher);
    const print = await auditor.getByTestId('audit-print').getAttribute('href');
    expect(print).toBe(`/api/audit/instances/${id}/history.pdf?lang=ky`);
    await shot(auditor, 'instance');
  });
});
