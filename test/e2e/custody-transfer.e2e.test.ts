import { type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { enrolDemoCertificates } from '../support/acts';
import { ApiHarness, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots, seeText } from '../support/browser';

/**
 * Issue 8, an acceptance-transfer act in a real browser, in Kyrgyz: the director appoints the incoming clerk
 * by order from a picker of names; both clerks mark the inventory; the incoming clerk, who holds no role yet, finds
 * the act on their home page; the outgoing clerk, the incoming clerk and the director sign in turn; the appointment
 * switches. Screenshots go to test-artifacts/e2e/ as custody-transfer-*.png.
 */
const SLOW = { timeout: 30_000 };

describeInBrowser('an acceptance-transfer act in Chromium, in Kyrgyz', () => {
  let api: ApiHarness;
  const shot = screenshots('custody-transfer-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });
  const item = (page: Page, id: string) => page.locator(`[data-testid=act-item][data-id="${id}"]`);

  beforeAll(async () => {
    api = await startApi({ worker: true });
    await enrolDemoCertificates(api, ['clerk', 'clerk2', 'director']);
    await api.document('official_use');
    await api.issuedDocument('official_use');
  });
  afterAll(() => api?.close());

  it('R-4.2.6: ordered by the director, checked by both clerks, signed in turn; the appointment switches', async () => {
    // 1. The director: the incoming clerk by name (the clerk in office cannot take over from themself), the order.
    const director = await signIn('director');
    await director.getByTestId('nav-acts').click();
    await director.getByTestId('acts-new-custody').click();
    const picker = director.getByTestId('custody-incoming');
    await picker.locator(`option[value="${api.ids.clerk2}"]`).waitFor({ state: 'attached' });
    expect(await picker.locator(`option[value="${api.ids.clerk}"]`).isDisabled()).toBe(true);
    await picker.selectOption(api.ids.clerk2);
    await director.getByTestId('custody-order-number').fill('№12-к');
    await director.getByTestId('custody-order-date').fill('2026-11-25');
    await seeText(director.getByTestId('rule-R-4.2.6'), 'R-4.2.6');
    await shot(director, 'director-orders-the-transfer');
    await director.getByTestId('custody-create').click();
    await director.waitForSelector('[data-testid=act-state][data-value=inventory]', SLOW);
    const actId = decodeURIComponent(new URL(director.url()).hash).split('/')[2]!;
    await seeText(director.getByTestId('act-outgoing'), 'Нуржан Токтогулова');
    await seeText(director.getByTestId('act-incoming'), 'Азамат Исаков');
    expect(await director.getByTestId('item-mark-present').count()).toBe(0); // the marks are the clerks'
    const items = await director.getByTestId('act-item').evaluateAll((rows) => rows.map((r) => r.dataset.id!));
    expect(items.length).toBeGreaterThanOrEqual(2);

    // 2. The outgoing clerk marks all but the last; the incoming clerk, with no role yet, lands on the acts.
    const clerk = await signIn('clerk');
    await clerk.goto(`${api.base}/#/acts/${actId}`);
    for (const id of items.slice(0, -1)) {
      await item(clerk, id).getByTestId('item-mark-present').click();
      await clerk.waitForSelector(`[data-testid=act-item][data-id="${id}"][data-present=present]`);
    }
    const clerk2 = await signIn('clerk2');
    await clerk2.locator(`[data-testid=act-row][data-id="${actId}"]`).getByTestId('act-link').click();
    const last = items.at(-1)!;
    await item(clerk2, last).getByTestId('item-mark-missing').click();
    await clerk2.waitForSelector(`[data-testid=act-item][data-id="${last}"][data-present=missing]`);
    expect(await clerk2.getByTestId('items-unmarked').getAttribute('data-count')).toBe('0');
    await shot(clerk2, 'inventory-marked-by-both-clerks');
    await clerk2.getByTestId('action-SUBMIT').click();
    await clerk2.waitForSelector('[data-testid=act-state][data-value=awaiting_signatures]', SLOW);

    // 3. Outgoing, incoming, then the director from the "To sign" queue.
    for (const page of [clerk, clerk2]) {
      await page.reload();
      await signAct(page);
    }
    await director.goto(`${api.base}/`);
    await director.locator(`[data-testid=to-sign] [data-testid=act-row][data-id="${actId}"]`).waitFor();
    await director.getByTestId('to-sign').getByTestId('act-link').first().click();
    await signAct(director);
    await director.waitForSelector('[data-testid=act-state][data-value=completed]', SLOW);
    await director.waitForSelector('[data-testid=act-verify][data-ok=true]', SLOW);
    expect(await director.locator('[data-testid=signature-badge][data-valid=true]').count()).toBe(3);
    await seeText(director.getByTestId('act-completed'), 'жаңы жооптуунун карамагына');
    await shot(director, 'completed-three-signatures');
    expect((await api.call('clerk2', 'GET', '/api/me')).body.roles).toContain('records_clerk');
  });
});

/** On the act's page: SIGN, the demo certificate's passphrase (the demo password), sign; a refusal fails at once. */
async function signAct(page: Page): Promise<void> {
  await page.getByTestId('action-SIGN').click(SLOW);
  await page.getByTestId('sign-passphrase').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-submit').click();
  await page.locator('[data-testid=act-notice], [data-testid=refusal]').first().waitFor(SLOW);
  const refusal = page.getByTestId('refusal');
  if (await refusal.count()) throw new Error(`SIGN refused: ${await refusal.textContent()}`);
}
