import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DailyDigests, deliverNotification, IssueRecord } from '@grif/persistence';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';

/**
 * The notifications page and the e-mail field of the People page in a real browser, in Kyrgyz:
 * a settled notice is greyed with its word, a link appears only where the reader may go, the
 * end-of-day list names each item. Screenshots go to test-artifacts/e2e-notifications/.
 */
const SHOTS = join(__dirname, '../../test-artifacts/e2e-notifications');
const CHROMIUM = process.env.GRIF_CHROMIUM ?? '/usr/bin/chromium';
// Skipped, with this reason, on a machine without Debian's chromium; CI sets GRIF_REQUIRE_BROWSER=1.
const browserPresent = existsSync(CHROMIUM) || process.env.GRIF_REQUIRE_BROWSER === '1';

(browserPresent ? describe : describe.skip)('notifications UI in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  let k = 0;
  let returned: string;
  let out: string;

  const signIn = async (username: string) => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'ky-KG',
      timezoneId: 'Asia/Bishkek',
    });
    const page = await context.newPage();
    await page.goto(api.base + '/');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('logout').waitFor();
    return page;
  };
  const notifications = async (page: Page, name: string) => {
    await page.goto(`${api.base}/#/notifications`);
    await page.getByTestId('notification-row').first().waitFor();
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    api = await startApi();
    // An overdue notice to the holder and the clerk (as the deadline ladder sends it), then the document comes back.
    returned = await api.issuedDocument('official_use');
    const issue = await api.rt.transactions.reader().findOneOrFail(IssueRecord, { documentId: returned });
    await deliverNotification(
      api.rt.transactions,
      randomUUID(),
      api.schoolId,
      returned,
      {
        template: 'document.overdue',
        toUserIds: [api.ids.teacher, api.ids.clerk],
        data: { regNumber: issue.regNumber, dueAt: issue.dueAt, issuedAt: issue.issuedAt, holderId: api.ids.teacher },
      },
      new Date(),
    );
    const r = await api.call(
      'clerk',
      'POST',
      `/api/documents/${returned}/events`,
      { type: 'RETURN' },
      { 'idempotency-key': `e2e-n-${++k}` },
    );
    expect(r.status).toBe(200);
    // One For Official Use item still out at the close: the end-of-day list names it.
    out = await api.issuedDocument('official_use');
    await api.rt.app.get(DailyDigests).write(api.schoolId, '2026-12-02', new Date());
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('the clerk: the end-of-day list with each item linked, the settled notice greyed with its word', async () => {
    const clerk = await signIn('clerk');
    await notifications(clerk, '01-clerk-notifications');
    const digest = clerk.locator('[data-testid=notification-row][data-template="digest.official_use_out"]');
    await expect(digest.getByTestId('digest-items').locator('a').getAttribute('href')).resolves.toBe(
      `#/documents/${out}`,
    );
    expect(await digest.textContent()).toContain('Гүлнара Жумабаева (мугалим)');
    const settled = clerk.locator('[data-testid=notification-row][data-settled=true]');
    expect(await settled.count()).toBe(1);
    expect(await settled.getByTestId('notification-settled').textContent()).toContain('Чечилген');
    expect(await settled.getByTestId('notification-doc').getAttribute('href')).toBe(`#/documents/${returned}`);
  });

  it('the former holder: the notice is settled and offers no link to a page they may no longer open', async () => {
    const teacher = await signIn('teacher');
    await notifications(teacher, '02-teacher-notifications');
    const row = teacher.locator('[data-testid=notification-row][data-settled=true]');
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId('notification-doc').count()).toBe(0);
  });

  it('the information-security officer sets a person’s e-mail on the People page', async () => {
    const security = await signIn('security');
    await security.goto(`${api.base}/#/people`);
    const form = security.getByTestId('email-form');
    await form.getByTestId('email-person').selectOption(api.ids.teacher);
    await form.getByTestId('email-address').fill('g.zhumabaeva@school35.kg');
    await form.getByTestId('email-submit').click();
    await security.getByText('g.zhumabaeva@school35.kg', { exact: true }).first().waitFor();
    await security.screenshot({ path: join(SHOTS, '03-people-email.png'), fullPage: true });
    const people = (await api.call('security', 'GET', '/api/people')).body as { id: string; email: string | null }[];
    expect(people.find((p) => p.id === api.ids.teacher)?.email).toBe('g.zhumabaeva@school35.kg');
  });
});
