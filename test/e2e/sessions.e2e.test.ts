import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, launchChromium, screenshots, seeText } from '../support/browser';

/**
 * Sign-in and sessions in a real browser (issue 10), in Kyrgyz: a throttled sign-in says how long to wait;
 * the information-security officer reads the sign-in log by names; "sign out everywhere" ends every
 * session of the person. The API trusts the proxy, so the failed attempts below come from other
 * addresses (X-Forwarded-For) than the browser's. Screenshots: test-artifacts/e2e/sessions-*.png.
 */
describeInBrowser('sign-in throttling, the sign-in log and sign-out everywhere in Chromium', () => {
  let api: ApiHarness;
  const shot = screenshots('sessions-');
  const signIn = chromiumSignIn(() => api.base);

  beforeAll(async () => {
    api = await startApi({ config: { trustProxy: true } });
    for (let i = 1; i <= 10; i++)
      await api.call(
        null,
        'POST',
        '/api/auth/login',
        { username: 'teacher2', password: `wrong ${i}` },
        { 'x-forwarded-for': `10.0.7.${i}` },
      );
  });
  afterAll(() => api?.close());

  it('a throttled sign-in shows the wait, and the button rests', async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ locale: 'ky-KG', timezoneId: 'Asia/Bishkek' });
      const page = await context.newPage();
      await page.goto(`${api.base}/`);
      await page.getByTestId('login-username').fill('teacher2');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      const message = page.getByTestId('login-throttled');
      await message.waitFor();
      await seeText(message, /^Кирүү аракеттери өтө көп болду\. 1[45] мүнөттөн кийин/);
      expect(await page.getByTestId('login-submit').isDisabled()).toBe(true);
      await shot(page, 'throttled');
    } finally {
      await browser.close();
    }
  });

  it('the officer reads the sign-in log with names and outcomes in Kyrgyz', async () => {
    const security = await signIn('security');
    await security.getByTestId('nav-logins').click();
    await security.getByTestId('login-row').first().waitFor();
    const rows = await security.getByTestId('login-row').allTextContents();
    expect(rows.some((r) => r.includes('Эрлан Садыков (мугалим)') && r.includes('Убактылуу бөгөттөлдү'))).toBe(true);
    expect(rows.filter((r) => r.includes('Туура эмес сырсөз'))).toHaveLength(10);
    expect(rows.some((r) => r.includes('10.0.7.x'))).toBe(true);
    await security.getByTestId('logins-outcome').selectOption('throttled');
    await security.waitForFunction(() => document.querySelectorAll('[data-testid=login-row]').length === 1, undefined, {
      timeout: 5000,
    });
    await shot(security, 'officer-log');
    // A teacher has no such menu entry.
    const teacher = await signIn('teacher');
    expect(await teacher.getByTestId('nav-logins').count()).toBe(0);
  });

  it('"sign out everywhere" ends every session of the person, this browser’s too', async () => {
    const director = await signIn('director');
    const other = (await api.call(null, 'POST', '/api/auth/login', { username: 'director', password: DEMO_PASSWORD }))
      .body.token as string;
    director.once('dialog', (d) => void d.accept());
    await director.getByTestId('logout-all').click();
    await director.getByTestId('login-username').waitFor();
    await shot(director, 'signed-out-everywhere');
    expect((await api.call(null, 'GET', '/api/me', undefined, { authorization: `Bearer ${other}` })).status).toBe(401);
    // After a reload the page asks the server again and still lands on the sign-in form (no session survived).
    await director.reload();
    await director.getByTestId('login-username').waitFor({ state: 'visible' });
    expect(await director.getByTestId('user-name').count()).toBe(0);
  });
});
