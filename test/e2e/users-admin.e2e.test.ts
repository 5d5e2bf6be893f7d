import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { anotherSchoolWithAdmin, ApiHarness, startApi } from '../support/api';
import { describeInBrowser, launchChromium, screenshots, seeText, signIn } from '../support/browser';

/**
 * Issue 10, users and roles, in a real browser (Debian chromium), in Kyrgyz:
 * the administrator creates a user and reads the one-time password once, appoints a role by order;
 * the new user signs in with that password and must change it first; the administrator disables them and their
 * open session ends at once. A reader (the information-security officer) sees the same screen with what only the
 * administrator may do shown disabled, with the reason. Screenshots: test-artifacts/e2e/users-*.png.
 */
describeInBrowser('users and roles in Chromium, in Kyrgyz', () => {
  let api: ApiHarness;
  let browser: Browser;
  const shot = screenshots('users-');
  const NEW_PASSWORD = 'Күздүн узун кечи 2026!';

  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** Signs in with any password, in a fresh context; the caller waits for what should come next. */
  async function signInWith(username: string, password: string): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'ky-KG',
      timezoneId: 'Asia/Bishkek',
    });
    const page = await context.newPage();
    await page.goto(api.base + '/');
    // Before anyone signs in, the install's school (the first founded) heads the page.
    await seeText(page.getByTestId('login-school'), DEMO_SCHOOL, { exact: true });
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    return page;
  }

  it('creates a user, appoints a role by order, the user must change the one-time password; disabling ends their session', async () => {
    const admin = await signIn(browser, api.base, 'director', { width: 1366, height: 900 });
    await admin.getByTestId('nav-users').click();
    await admin.getByTestId('user-row').first().waitFor();
    await admin.getByTestId('user-username').fill('asel.t');
    await admin.getByTestId('user-display-name').fill('Асел Токтосунова');
    await admin.getByTestId('user-create-submit').click();
    const otp = (await admin.getByTestId('one-time-password').textContent())!.trim();
    expect(otp.length).toBeGreaterThanOrEqual(12);
    await seeText(admin.getByTestId('user-create-form'), 'asel.t@sch35');
    await shot(admin, 'created-one-time-password');

    // The user's page: no role yet; appointed by order №77-к.
    const row = admin.getByTestId('user-row').filter({ hasText: 'Асел Токтосунова' });
    await row.waitFor();
    // ASVS 2.3.1: the list says until when the one-time password signs in.
    await seeText(row.getByTestId('user-one-time-password'), 'чейин жарактуу');
    await row.getByTestId('user-open').click();
    await admin.getByTestId('user-page').waitFor();
    await seeText(admin.getByTestId('user-roles-now'), 'Кызматы жок', { exact: true });
    await admin.getByTestId('appoint-role').selectOption('staff');
    await admin.getByTestId('appoint-order-number').fill('№77-к');
    await admin.getByTestId('appoint-submit').click();
    await admin.getByTestId('appointment-row').filter({ hasText: '№77-к' }).waitFor();
    await admin.getByTestId('user-roles-now').filter({ hasText: 'Кызматкер' }).waitFor();
    await seeText(admin.getByTestId('appointment-row').first(), 'Айгүл Асанова (директор)');

    // The new user: the one-time password lets them in only to change it.
    const user = await signInWith('asel.t', otp);
    await user.getByTestId('password-form').waitFor();
    await user.getByTestId('password-current').fill(otp);
    await user.getByTestId('password-new').fill(NEW_PASSWORD);
    await user.getByTestId('password-repeat').fill(NEW_PASSWORD);
    await user.getByTestId('password-submit').click();
    await user.locator('.app-header').waitFor();
    await seeText(user.getByTestId('user-name'), 'Асел Токтосунова', { exact: true });
    await seeText(user.getByTestId('user-roles'), 'Кызматкер');
    await shot(user, 'new-user-signed-in');

    // Disabled with the reason: the user's next request finds the session ended and the sign-in form returns.
    await admin.getByTestId('user-disable-reason').fill('Башка мектепке которулду');
    await admin.getByTestId('user-disable-submit').click();
    await admin.locator('[data-testid=user-state][data-state=disabled]').waitFor();
    await seeText(admin.getByTestId('user-page'), 'Башка мектепке которулду');
    // The account's own history keeps who disabled it and why.
    const disabledEvent = admin.getByTestId('account-events').locator('[data-kind=disabled]');
    await disabledEvent.waitFor();
    await seeText(disabledEvent, 'Айгүл Асанова (директор)');
    await shot(admin, 'disabled-with-reason');
    // Its next request (here, the screen loaded again) finds the session ended; the menu's own poll would take 30 s.
    await user.reload();
    await user.getByTestId('login-username').waitFor();
    const again = await signInWith('asel.t', NEW_PASSWORD);
    await again.getByTestId('refusal').waitFor();
    expect(await again.locator('.app-header').count()).toBe(0);
    await shot(again, 'disabled-user-refused');
  });

  it('a reader sees the users with what only the administrator may do disabled, with the reason', async () => {
    const security = await signIn(browser, api.base, 'security', { width: 1366, height: 900 });
    await security.getByTestId('nav-users').click();
    await security.getByTestId('users-read-only').waitFor();
    expect(await security.getByTestId('user-create-submit').isDisabled()).toBe(true);
    const row = security.getByTestId('user-row').filter({ hasText: 'Гүлнара Жумабаева' });
    await row.getByTestId('user-open').click();
    await security.getByTestId('appointments').waitFor();
    expect(await security.getByTestId('appoint-submit').isDisabled()).toBe(true);
    await seeText(security.getByTestId('appoint-why'), 'Муну администратор гана жасайт.', { exact: true });
    await seeText(security.getByTestId('appointment-row').first(), '№4-к');
    await shot(security, 'reader-sees-disabled-actions');
    // The server refuses it anyway.
    const r = await api.call('security', 'POST', `/api/users/${api.ids.teacher}/appointments`, {
      role: 'admin',
      orderNumber: '№1',
      orderDate: '2026-09-01',
    });
    expect(r).toMatchObject({ status: 403, body: { rule: 'R-2.3' } });
  });

  it("another school's administrator sees their school, and the job queues in the menu disabled with why; the install's follows it", async () => {
    await anotherSchoolWithAdmin(api, 'Айылдык мектеп', 'village-admin');
    const village = await signInWith('village-admin', DEMO_PASSWORD);
    const queues = village.getByTestId('nav-queues');
    await queues.waitFor();
    // Its own school heads every screen, not the install's.
    await seeText(village.locator('header .school'), 'Айылдык мектеп', { exact: true });
    expect(await queues.evaluate((e) => [e.tagName, e.getAttribute('aria-disabled'), e.getAttribute('href')])).toEqual([
      'SPAN',
      'true',
      null,
    ]);
    expect(await queues.getAttribute('title')).toBe(
      'Тапшырмалар кезегинде бардык мектептердин тапшырмалары бар: аны Гриф орнотулган мектептин администраторлору гана ачат.',
    );
    await shot(village, 'other-school-admin-queues-disabled');
    const director = await signIn(browser, api.base, 'director', { width: 1366, height: 900 });
    await director.getByTestId('nav-queues').click();
    await director.waitForURL(/\/admin\/queues/);
    expect(await director.title()).not.toBe('');
  });
});
