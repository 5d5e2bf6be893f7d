import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { securityHeaders } from '../../apps/api/src/http/security-headers';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, eventually, startApi } from '../support/api';
import { describeInBrowser, launchChromium, screenshots } from '../support/browser';

/**
 * The browser defences in a real browser (Debian chromium): every page of Grif works under its Content Security
 * Policy with no violation, the UI's writes carry the CSRF token, and a page of another origin cannot make a
 * signed-in browser write anything (issue 10, findings 3 and 6).
 */
describeInBrowser('browser defences, in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  const shot = screenshots('browser-defences-');

  beforeAll(async () => {
    api = await startApi();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** A fresh context whose pages report every CSP violation and script error into `problems`. */
  async function watched(): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ky-KG' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to|Permissions-Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    return { context, page, problems };
  }

  async function signIn(page: Page, username: string): Promise<void> {
    await page.goto(api.base + '/');
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.locator('.app-header').waitFor();
  }

  it('the UI signs in, registers a document and signs out under its CSP, the writes carrying the token', async () => {
    const { context, page, problems } = await watched();
    const unsafe: { url: string; token: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') unsafe.push({ url: r.url(), token: r.headers()['x-csrf-token'] });
    });
    await signIn(page, 'clerk');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('reg-direction').selectOption('incoming');
    await page.getByTestId('reg-kind').selectOption('letter');
    await page.getByTestId('reg-title').fill('Коопсуздук саясаты боюнча кат');
    await page.getByTestId('reg-correspondent').fill('Билим берүү башкармалыгы');
    await page.getByTestId('reg-documentDate').fill('2026-11-20');
    await page.getByTestId('reg-pages').fill('2');
    await page.getByTestId('reg-submit').click();
    await page.waitForSelector('[data-testid=doc-state][data-value=registered]');
    await shot(page, 'registered-under-csp');

    const csrf = (await context.cookies()).find((c) => c.name === 'grif_csrf')!;
    expect([csrf.httpOnly, csrf.sameSite]).toEqual([false, 'Strict']);
    const registered = unsafe.find((r) => r.url.endsWith('/api/documents'));
    expect(registered?.token).toBe(csrf.value);

    const [signedOut] = await Promise.all([
      page.waitForResponse(`${api.base}/api/auth/logout`),
      page.getByTestId('logout').click(),
    ]);
    expect(signedOut.status()).toBe(204);
    await page.getByTestId('login-username').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the API docs (Swagger UI) render every operation under their own CSP', async () => {
    const { context, page, problems } = await watched();
    await page.goto(`${api.base}/api/docs`);
    await page.locator('.swagger-ui .info .title', { hasText: 'Grif API' }).waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThanOrEqual(30);
    await shot(page, 'api-docs', false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the queue board renders for the administrator; only its web font from another host is refused', async () => {
    const { context, page, problems } = await watched();
    await signIn(page, 'director');
    await page.goto(`${api.base}/admin/queues`);
    await page.getByText('deadlines').first().waitFor();
    await shot(page, 'queue-board', false);
    // Bull Board links a font from a font CDN: the policy keeps every page of Grif on its own origin.
    expect(problems.filter((p) => !/fonts\.googleapis\.com/.test(p))).toEqual([]);
    await context.close();
  });

  it("an act's PDF, answered inline with the same headers, opens in Chromium's PDF viewer", async () => {
    // Acts are answered inline (apps/api/src/http/pdf-file.ts); object-src 'none' once kept Chrome's viewer out.
    const doc = await PDFDocument.create();
    doc.addPage().drawText('Act', { x: 50, y: 700, size: 30, font: await doc.embedFont(StandardFonts.Helvetica) });
    const bytes = Buffer.from(await doc.save());
    const app = express();
    app.use(securityHeaders());
    app.get('/api/acts/a/pdf', (_req, res) => {
      res.setHeader('content-disposition', 'inline; filename="act.pdf"');
      res.type('application/pdf').end(bytes);
    });
    const server = await new Promise<Server>((ok) => {
      const s = app.listen(0, '127.0.0.1', () => ok(s));
    });
    try {
      const { context, page, problems } = await watched();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/acts/a/pdf`;
      expect((await fetch(url)).headers.get('content-security-policy')).toContain("object-src 'none'");
      await page.goto(url);
      // The viewer is an extension frame inside the page; its toolbar names the file once the PDF is loaded.
      const viewer = await eventually(
        async () => page.frames().find((f) => f.url().startsWith('chrome-extension://')),
        10000,
      );
      await viewer.locator('#title', { hasText: /\.pdf$/ }).waitFor();
      await shot(page, 'act-pdf-viewer', false);
      expect(problems).toEqual([]);
      await context.close();
    } finally {
      await new Promise<void>((ok) => server.close(() => ok()));
    }
  });

  describe('a page of another origin, opened by a signed-in officer', () => {
    let evil: Server;
    let evilBase: string;
    /** The attacker's page: whatever `html` says, served from another port (another origin, the same site). */
    let html = '';
    beforeAll(async () => {
      evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
      await new Promise<void>((ok) => evil.listen(0, '127.0.0.1', () => ok()));
      evilBase = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((ok) => evil.close(() => ok())));

    const clearancesOfTeacher2 = async () =>
      ((await api.call('security', 'GET', '/api/people')).body as { id: string; clearances: unknown[] }[]).find(
        (p) => p.id === api.ids.teacher2,
      )!.clearances;

    it('cannot record a clearance with a form: 403 CSRF_REJECTED, and nothing is written', async () => {
      const before = await clearancesOfTeacher2();
      const { context, page } = await watched();
      await signIn(page, 'security');
      const target = `${api.base}/api/people/${api.ids.teacher2}/clearances`;

      html = `<form method="post" action="${target}"><input name="kind" value="nda"><input name="date" value="2026-09-02"></form>
        <script>document.forms[0].submit()</script>`;
      const [answer] = await Promise.all([page.waitForResponse(target), page.goto(evilBase + '/form')]);
      expect([answer.status(), (await answer.json()).code]).toEqual([403, 'CSRF_REJECTED']);
      // The officer's cookie did go along (127.0.0.1 is the same site): the Origin check is what refused it.
      expect(await answer.request().headerValue('cookie')).toMatch(/grif_session=/);
      await shot(page, 'forged-form-refused', false);

      expect(await clearancesOfTeacher2()).toEqual(before);
      await context.close();
    });
  });
});
