import { type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { enrolDemoCertificates, expiredDocuments } from '../support/acts';
import { ApiHarness, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots, seeText } from '../support/browser';

/**
 * Issue 8, one destruction act (R-4.1d) from the candidates to the director's signature, in a real browser
 * (Debian chromium), in Kyrgyz: the clerk drafts the act from the documents whose retention has run out
 * (choosing an original chooses its copies) and sends it for signatures; the PDF is rendered by the worker;
 * the three commission members sign in turn with their certificate's passphrase, then the director signs
 * from the "To sign" queue on the home page. The act is completed, every signature verifies, and every
 * listed document is destroyed. Screenshots go to test-artifacts/e2e/ as destruction-act-*.png.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
const COMMISSION = ['security', 'clerk', 'support'];
/** Rendering and signing run as jobs; on a busy machine they take seconds. */
const SLOW = { timeout: 30_000 };

describeInBrowser('a destruction act in Chromium, in Kyrgyz', () => {
  let api: ApiHarness;
  const shot = screenshots('destruction-act-');
  const signIn = chromiumSignIn(() => api.base, { width: 1366, height: 900 });
  const state = (page: Page) => page.getByTestId('act-state').getAttribute('data-value');

  beforeAll(async () => {
    api = await startApi({ worker: true });
    // The demo's signers hold certificates enrolled with the demo password; 2020's letters are past their 3 years.
    await enrolDemoCertificates(api);
    await expiredDocuments(api, 2, { copies: 2 });
  });
  afterAll(() => api?.close());

  it('R-4.1d: candidates → draft → signatures of the commission and the director → completed, documents destroyed', async () => {
    // 1. The clerk: Актылар → a new destruction act; the candidates are the documents past their retention.
    const clerk = await signIn('clerk');
    await clerk.getByTestId('nav-acts').click();
    await clerk.getByTestId('acts-new-destruction').click();
    await clerk.getByTestId('candidate-row').first().waitFor(SLOW);
    await seeText(clerk.getByTestId('rule-R-4.1d'), 'кеминде үч');

    // An original with copies: choosing it chooses them, and they cannot be unchosen while it stays.
    const withCopies = clerk
      .getByTestId('candidate-row')
      .filter({ has: clerk.getByTestId('candidate-copy-check') })
      .first();
    await withCopies.getByTestId('candidate-check').check();
    const copyChecks = withCopies.getByTestId('candidate-copy-check');
    const copies = await copyChecks.count();
    expect(copies).toBeGreaterThan(0);
    for (let i = 0; i < copies; i++) {
      expect(await copyChecks.nth(i).isChecked()).toBe(true);
      expect(await copyChecks.nth(i).isDisabled()).toBe(true);
    }
    // …and one more original, so the act lists several documents.
    const another = clerk
      .getByTestId('candidate-row')
      .filter({ hasNot: clerk.locator('input[data-testid=candidate-check]:checked') })
      .first();
    await another.getByTestId('candidate-check').check();
    const chosen = Number(await clerk.getByTestId('candidates-summary').getAttribute('data-count'));
    expect(chosen).toBeGreaterThanOrEqual(copies + 2);
    await seeText(clerk.getByTestId('candidates-summary'), 'Тандалды');
    await shot(clerk, 'candidates-original-chooses-its-copies');

    await clerk.getByTestId('act-create').click();
    await clerk.waitForSelector('[data-testid=act-state][data-value=draft]');
    const actId = decodeURIComponent(new URL(clerk.url()).hash).split('/')[2]!;
    expect(await clerk.getByTestId('act-item').count()).toBe(chosen);
    expect(await clerk.getByTestId('act-item').filter({ hasText: 'Көчүрмө' }).count()).toBe(copies);
    expect(await clerk.getByTestId('item-withdraw').count()).toBe(chosen);
    await shot(clerk, 'draft-act');

    // 2. Sent for signatures: the worker renders the PDF; signers sign only once it is there.
    await clerk.getByTestId('action-SUBMIT').click();
    await clerk.waitForSelector('[data-testid=act-state][data-value=awaiting_signatures]', SLOW);
    expect(await clerk.getByTestId('act-pdf').getAttribute('href')).toBe(`/api/acts/${actId}/pdf`);
    expect(await clerk.getByTestId('act-item').count()).toBe(chosen);
    expect(await clerk.getByTestId('item-withdraw').count()).toBe(0);
    await shot(clerk, 'awaiting-signatures');

    // 3. The commission signs (the chair first), each from "waiting for my signature", with the certificate's passphrase.
    for (const [n, username] of COMMISSION.entries()) {
      const page = await signIn(username);
      await page.getByTestId('nav-acts').click();
      await page.getByTestId('acts-awaiting').check();
      const row = page.locator(`[data-testid=act-row][data-id="${actId}"]`);
      await row.waitFor();
      expect(await row.getAttribute('data-awaiting-me')).toBe('true');
      if (n === 0) await shot(page, 'commission-chair-waiting-for-me');
      await row.getByTestId('act-link').click();
      await signAct(page);
      const me = page.locator(`[data-testid=act-signer][data-user="${api.ids[username]}"]`);
      await me.locator('[data-testid=signature-badge][data-valid=true]').waitFor(SLOW);
      await seeText(me.getByTestId('signer-signed-at'), 'Кол койду');
      if (n === 0) await shot(page, 'first-signature-valid');
    }

    // 4. The director: the "To sign" queue on the home page, in names; signs last.
    const director = await signIn('director');
    const queue = director.getByTestId('to-sign');
    await queue.locator(`[data-testid=act-row][data-id="${actId}"]`).waitFor();
    const queueText = (await queue.textContent())!;
    expect(queueText).not.toMatch(UUID);
    expect(queueText).toContain('Айгүл Асанова');
    await shot(director, 'director-home-to-sign');
    await queue.locator(`[data-testid=act-row][data-id="${actId}"]`).getByTestId('act-link').click();
    await signAct(director);
    await director.waitForSelector('[data-testid=act-state][data-value=completed]', SLOW);
    expect(await state(director)).toBe('completed');
    await director.waitForSelector('[data-testid=act-verify][data-ok=true]', SLOW);
    const badges = director.getByTestId('signature-badge');
    await director.waitForFunction(
      () => document.querySelectorAll('[data-testid=signature-badge][data-valid=true]').length === 4,
      undefined,
      SLOW,
    );
    expect(await badges.count()).toBe(4);
    expect(await director.locator('[data-testid=signature-badge][data-valid=false]').count()).toBe(0);
    expect((await director.locator('main').textContent())!).not.toMatch(UUID);
    await shot(director, 'completed-all-signatures-valid');

    // 5. Every listed document and copy is destroyed, the act's id in its history.
    const items = (await api.call('clerk', 'GET', `/api/acts/${actId}`)).body.items as { documentId: string }[];
    for (const item of items) {
      const doc = (await api.call('clerk', 'GET', `/api/documents/${item.documentId}`)).body;
      expect([item.documentId, doc.state]).toEqual([item.documentId, 'destroyed']);
    }
    await director.getByTestId('act-item-link').first().click();
    await director.waitForSelector('[data-testid=doc-state][data-value=destroyed]');
    await shot(director, 'document-destroyed');
  });
});

/** On the act's page: SIGN, the demo certificate's passphrase (the demo password), sign. */
async function signAct(page: Page): Promise<void> {
  await page.getByTestId('action-SIGN').click(SLOW);
  await page.getByTestId('sign-passphrase').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-submit').click();
  // Either the notice that it was done, or the refusal (shown in full, rather than waiting out the time).
  await page.locator('[data-testid=act-notice], [data-testid=refusal]').first().waitFor(SLOW);
  const refusal = page.getByTestId('refusal');
  if (await refusal.count()) throw new Error(`SIGN refused: ${await refusal.textContent()}`);
}
