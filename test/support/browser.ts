import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page, type ViewportSize } from 'playwright-core';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';

/**
 * What every browser suite in test/e2e needs: Debian's chromium (found, or the suite skipped with the reason),
 * a signed-in page in Kyrgyz on Bishkek time, numbered screenshots, and the document page's moves.
 */

export const CHROMIUM = process.env.GRIF_CHROMIUM ?? '/usr/bin/chromium';
// Skipped, with this reason, on a machine without Debian's chromium (apt-get install chromium);
// CI sets GRIF_REQUIRE_BROWSER=1 so there a missing browser fails instead.
const browserPresent = existsSync(CHROMIUM) || process.env.GRIF_REQUIRE_BROWSER === '1';

/** `describe` where there is a browser; elsewhere `describe.skip`, saying why. */
export function describeInBrowser(name: string, suite: () => void): void {
  if (browserPresent) return describe(name, suite);
  console.warn(`test/e2e skipped: no browser at ${CHROMIUM} (apt-get install chromium, or set GRIF_CHROMIUM)`);
  describe.skip(name, suite);
}

/** Headless chromium with nothing of its own on the network; Playwright gives each launch a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

const SHOTS = join(__dirname, '../../test-artifacts/e2e');

/** Saves the next numbered screenshot: of the page (whole, or as far as the viewport shows), or of one element. */
export type Shot = (target: Page | Locator, name: string, fullPage?: boolean) => Promise<void>;

/**
 * Screenshots to test-artifacts/e2e/<prefix>NN-<name>.png. Call it in a describe body: before the suite's
 * own beforeAll it clears this prefix's old files, and only those, for the suites all save side by side.
 */
export function screenshots(prefix: string, { fullPage: wholePage = true } = {}): Shot {
  let step = 0;
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    for (const f of readdirSync(SHOTS)) if (f.startsWith(prefix)) rmSync(join(SHOTS, f));
  });
  return async (target, name, fullPage = wholePage) => {
    const path = join(SHOTS, `${prefix}${String(++step).padStart(2, '0')}-${name}.png`);
    // A page has a context; an element (a Locator) does not, and is taken as it stands.
    if ('context' in target) await target.screenshot({ path, fullPage });
    else await target.screenshot({ path });
  };
}

/**
 * In a describe body: chromium for the suite's tests (launched before them, closed after them) and a sign-in on
 * it at `viewport`, unless the call names another. `base` is read at each sign-in: the suite starts its API later.
 */
export function chromiumSignIn(base: () => string, viewport?: ViewportSize) {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (username: string, size = viewport) => signIn(browser!, base(), username, size);
}

/** Signs a demo user in, in a fresh context (its own cookies), in Kyrgyz on Bishkek time. */
export async function signIn(
  browser: Browser,
  base: string,
  username: string,
  viewport: ViewportSize = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'ky-KG', timezoneId: 'Asia/Bishkek' });
  const page = await context.newPage();
  await page.goto(base + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  // The header is there once signed in, at every width (on a phone the logout button waits in the folded menu).
  await page.locator('.app-header').waitFor();
  return page;
}

/** A document's page, once its state shows. */
export async function openDocument(page: Page, base: string, id: string): Promise<void> {
  await page.goto(`${base}/#/documents/${id}`);
  await page.getByTestId('doc-state').waitFor();
}

/** Opens an action's form on the document's page, fills it and submits it. */
export async function act(page: Page, type: string, fill: (page: Page) => Promise<void> = async () => undefined) {
  await page.getByTestId(`action-${type}`).click();
  await fill(page);
  await page.getByTestId('action-submit').click();
}

/**
 * Waits until the element's text contains `expected` (or matches it, or with `exact` equals it), then asserts it,
 * as Playwright's own `toHaveText` does: a screen re-renders after a save or a refetch, and the text read at one
 * instant may be the one before. The assertion at the end reports the last text read.
 */
export async function seeText(
  target: Locator,
  expected: string | RegExp,
  { exact = false, timeout = 10_000 }: { exact?: boolean; timeout?: number } = {},
): Promise<void> {
  const matches = (text: string) =>
    typeof expected !== 'string' ? expected.test(text) : exact ? text === expected : text.includes(expected);
  const text = await readUntil(async () => (await target.textContent({ timeout })) ?? '', matches, timeout);
  if (typeof expected !== 'string') expect(text).toMatch(expected);
  else if (exact) expect(text).toBe(expected);
  else expect(text).toContain(expected);
}

/**
 * Waits until a field's value equals `expected`, then asserts it, as Playwright's `toHaveValue` does: a select whose
 * options come from a fetch shows no value until they arrive, even when the address already names one.
 */
export async function seeValue(target: Locator, expected: string, timeout = 10_000): Promise<void> {
  const value = await readUntil(
    () => target.inputValue({ timeout }),
    (v) => v === expected,
    timeout,
  );
  expect(value).toBe(expected);
}

async function readUntil(read: () => Promise<string>, matches: (value: string) => boolean, timeout: number) {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!matches(value) && Date.now() < deadline) {
    await new Promise((settle) => setTimeout(settle, 100));
    value = await read();
  }
  return value;
}
