import { type Page } from 'playwright-core';
import { ApiHarness, sendEvent, startApi } from '../support/api';
import { act, chromiumSignIn, describeInBrowser, openDocument, screenshots, seeText } from '../support/browser';

/**
 * The records office in a real browser (Debian chromium): the clerk registers a For Official
 * Use letter, classifies it, stores it in a secure cabinet and issues it to a teacher; the teacher
 * signs for it; the clerk takes it back; a dispatch attempt is refused with.
 * Screenshots of every step go to test-artifacts/e2e/ as records-office-*.png.
 */
describeInBrowser('records office UI, end to end in Chromium', () => {
  let api: ApiHarness;
  const shot = screenshots('records-office-');
  const signIn = chromiumSignIn(() => api.base);
  const stateIs = (page: Page, state: string) => page.waitForSelector(`[data-testid=doc-state][data-value=${state}]`);

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  it('runs a For Official Use letter through the office, in Kyrgyz', async () => {
    const clerk = await signIn('clerk');
    await shot(clerk, 'clerk-signed-in');
    expect(await clerk.getByTestId('lang-ky').getAttribute('aria-pressed')).toBe('true');

    await clerk.getByTestId('nav-register').click();
    await clerk.getByTestId('reg-direction').selectOption('incoming');
    await clerk.getByTestId('reg-kind').selectOption('letter');
    await clerk.getByTestId('reg-title').fill('Окуучулардын жеке делолору боюнча кат');
    await clerk.getByTestId('reg-correspondent').fill('Бишкек шаарынын билим берүү башкармалыгы');
    await clerk.getByTestId('reg-documentDate').fill('2026-11-20');
    await clerk.getByTestId('reg-pages').fill('3');
    await shot(clerk, 'register-form');
    await clerk.getByTestId('reg-submit').click();
    await stateIs(clerk, 'registered');
    const regNumber = (await clerk.getByTestId('doc-regnumber').textContent())!.trim();
    expect(regNumber).toMatch(/^К-\d{4}\/\d{4}$/);
    await shot(clerk, 'registered');

    await act(clerk, 'CLASSIFY', (p) =>
      p
        .getByTestId('field-classification')
        .selectOption('official_use')
        .then(() => undefined),
    );
    await stateIs(clerk, 'classified');
    await seeText(clerk.getByTestId('doc-classification'), 'Кызматтык колдонуу үчүн');
    await shot(clerk, 'classified');

    await act(clerk, 'STORE', async (p) => {
      if (await p.getByTestId('variant-cabinetId').count()) await p.getByTestId('variant-cabinetId').check();
      await p.getByTestId('field-cabinetId').selectOption(api.secureCabinetId);
    });
    await stateIs(clerk, 'in_storage');
    await shot(clerk, 'stored-in-secure-cabinet');

    await act(clerk, 'ISSUE', async (p) => {
      await p.getByTestId('field-holderId').selectOption(api.ids.teacher);
      await p.getByTestId('field-purpose').fill('педагогикалык кеңешке даярдануу');
    });
    await stateIs(clerk, 'issued');
    // The close of the working day: 18:00, or 17:00 when the real today (or the next working day) is a shortened day.
    await seeText(clerk.getByTestId('doc-due'), /1[78]:00/);
    await shot(clerk, 'issued-to-teacher');

    const teacher = await signIn('teacher');
    await teacher.getByTestId('nav-mine').click();
    await teacher.getByTestId('mine-row').filter({ hasText: regNumber }).waitFor();
    await shot(teacher, 'teacher-issued-to-me');
    await teacher.getByTestId('mine-ack').click();
    await teacher.getByTestId('mine-ack').waitFor({ state: 'detached' });
    await shot(teacher, 'teacher-acknowledged');

    await clerk.reload();
    await stateIs(clerk, 'issued');
    await act(clerk, 'RETURN', async (p) => {
      if (await p.getByTestId('field-condition').count())
        await p.getByTestId('field-condition').fill('бүтүн, бардык барактары бар');
    });
    await stateIs(clerk, 'in_storage');
    await shot(clerk, 'returned');

    await act(clerk, 'DISPATCH', async (p) => {
      await p.getByTestId('field-addressee').fill('Райондук билим берүү бөлүмү');
    });
    const refusal = clerk.getByTestId('refusal');
    await refusal.waitFor();
    await seeText(refusal, 'R-4.2.5');
    await seeText(refusal, 'мектептин сыртына чыгарууга тыюу салынат');
    await shot(clerk, 'dispatch-refused-R-4.2.5');

    // The refused form stays open; in Russian, the same attempt is refused in Russian.
    await clerk.getByTestId('lang-ru').click();
    await clerk.getByTestId('action-submit').click();
    await clerk.getByTestId('refusal').filter({ hasText: 'за пределы школы запрещено' }).waitFor();
    await shot(clerk, 'dispatch-refused-in-russian');

    const history = await clerk.getByTestId('history-item').count();
    expect(history).toBe(6); // CREATE, CLASSIFY, STORE, ISSUE, ACKNOWLEDGE, RETURN — and nothing for the refusals
  });

  it('the information-security officer records a clearance and reclassifies; the auditor verifies every chain', async () => {
    const security = await signIn('security');
    await security.getByTestId('nav-people').click();
    for (const [kind, date] of [
      ['nda', '2026-11-02'],
      ['briefing', '2026-11-03'],
    ]) {
      await security.getByTestId('clearance-person').selectOption(api.ids.teacher2);
      await security.getByTestId('clearance-kind').selectOption(kind);
      await security.getByTestId('clearance-date').fill(date);
      await security.getByTestId('clearance-submit').click();
      await security
        .getByTestId('person-row')
        .filter({ hasText: 'teacher2' })
        .filter({ hasText: date.slice(8, 10).replace(/^0/, '') + '-ноябрь' })
        .waitFor();
    }
    await security.getByTestId('person-row').filter({ hasText: 'teacher2' }).getByTestId('cleared-badge').waitFor();
    await shot(security, 'security-clearance-recorded');

    const id = await api.document('confidential');
    await openDocument(security, api.base, id);
    await act(security, 'RECLASSIFY', async (p) => {
      await p.getByTestId('field-classification').selectOption('official_use');
      await p.getByTestId('field-reason').fill('директордун 2026-жылдын 20-ноябрындагы №45 буйругу');
    });
    await security.waitForSelector('[data-testid=doc-classification][data-value=official_use]');
    await shot(security, 'security-reclassified');
    // the clearance recorded in the browser is what lets the clerk issue to teacher2 now.
    const issue = await sendEvent(api, 'clerk', id, { type: 'ISSUE', holderId: api.ids.teacher2, purpose: 'текшерүү' });
    expect(issue.status).toBe(200);

    // Sealing the chain heads writes to the ledger: the security officer does it; the auditor only reads and verifies.
    await security.getByTestId('nav-audit').click();
    await security.getByTestId('audit-seal').click();
    await security.getByTestId('audit-sealed').waitFor();
    const auditor = await signIn('auditor');
    await auditor.getByTestId('nav-audit').click();
    expect(await auditor.getByTestId('audit-seal').count()).toBe(0);
    await auditor.getByTestId('audit-verify').click();
    await auditor.waitForSelector('[data-testid=audit-result][data-ok=true]');
    await shot(auditor, 'auditor-chains-verified');
  });
});
