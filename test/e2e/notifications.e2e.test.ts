import { randomUUID } from 'node:crypto';
import { type Page } from 'playwright-core';
import { DailyDigests, deliverNotification, IssueRecord } from '@grif/persistence';
import { ApiHarness, sendEvent, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, screenshots, seeText } from '../support/browser';

/**
 * The notifications page and the e-mail field of the People page in a real browser, in Kyrgyz:
 * a settled notice is greyed with its word, a link appears only where the reader may go, the
 * end-of-day list names each item. Screenshots go to test-artifacts/e2e/ as notifications-*.png.
 */
describeInBrowser('notifications UI in Chromium', () => {
  let api: ApiHarness;
  let returned: string;
  let out: string;

  const shot = screenshots('notifications-');
  const signIn = chromiumSignIn(() => api.base);
  const notifications = async (page: Page, name: string) => {
    await page.goto(`${api.base}/#/notifications`);
    await page.getByTestId('notification-row').first().waitFor();
    await shot(page, name);
  };

  beforeAll(async () => {
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
    const r = await sendEvent(api, 'clerk', returned, { type: 'RETURN' });
    expect(r.status).toBe(200);
    // One For Official Use item still out at the close: the end-of-day list names it.
    out = await api.issuedDocument('official_use');
    await api.rt.app.get(DailyDigests).write(api.schoolId, '2026-12-02', new Date());
  });
  afterAll(() => api?.close());

  it('the clerk: the end-of-day list with each item linked, the settled notice greyed with its word', async () => {
    const clerk = await signIn('clerk');
    await notifications(clerk, 'clerk-notifications');
    const digest = clerk.locator('[data-testid=notification-row][data-template="digest.official_use_out"]');
    await expect(digest.getByTestId('digest-items').locator('a').getAttribute('href')).resolves.toBe(
      `#/documents/${out}`,
    );
    await seeText(digest, 'Гүлнара Жумабаева (мугалим)');
    const settled = clerk.locator('[data-testid=notification-row][data-settled=true]');
    expect(await settled.count()).toBe(1);
    await seeText(settled.getByTestId('notification-settled'), 'Чечилген');
    expect(await settled.getByTestId('notification-doc').getAttribute('href')).toBe(`#/documents/${returned}`);
  });

  it('the former holder: the notice is settled and offers no link to a page they may no longer open', async () => {
    const teacher = await signIn('teacher');
    await notifications(teacher, 'teacher-notifications');
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
    await shot(security, 'people-email');
    const people = (await api.call('security', 'GET', '/api/people')).body as { id: string; email: string | null }[];
    expect(people.find((p) => p.id === api.ids.teacher)?.email).toBe('g.zhumabaeva@school35.kg');
  });
});
