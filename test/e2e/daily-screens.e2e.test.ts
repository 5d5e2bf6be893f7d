import { Deadline } from '@grif/persistence';
import { ApiHarness, eventually, sendEvent, startApi } from '../support/api';
import { chromiumSignIn, describeInBrowser, openDocument, screenshots, seeText } from '../support/browser';

/**
 * The records office's day in a real browser (Debian chromium), in Kyrgyz: the deadline board with an
 * overdue item, the issue journal at 1366×768 with every column on screen, an action form that opens
 * where the user looks, the focus ring in the dark header, a phone header that leaves the page room,
 * the auditor offered nothing to write, and the director changing the working week and the ladder.
 * Screenshots go to test-artifacts/e2e/daily-*.png (other suites own the other names there).
 *
 * The server's clock is the test's: Thursday 26 November 2026, a working day in Bishkek.
 */
const WIDE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

describeInBrowser('the daily screens, end to end in Chromium', () => {
  let api: ApiHarness;
  let now = new Date('2026-11-26T06:30:00Z'); // 12:30 in Bishkek
  let overdueId: string;
  let dueTodayId: string;

  const shot = screenshots('daily-', { fullPage: false });
  const signIn = chromiumSignIn(() => api.base, WIDE);
  const issue = async (classification: string, dueAt?: string) => {
    const id = await api.document(classification);
    const r = await sendEvent(api, 'clerk', id, {
      type: 'ISSUE',
      holderId: api.ids.teacher,
      purpose: 'ата-энелер жыйналышына',
      dueAt,
    });
    expect(r.status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => now } });
    overdueId = await issue('confidential', '2026-11-26T07:00:00Z'); // 13:00 today
    dueTodayId = await issue('official_use'); // by the close of the working day, 18:00
    now = new Date('2026-11-26T08:00:00Z'); // 14:00: the first is late, and its alarm rings
    const deadline = await api.rt.transactions
      .reader()
      .findOneOrFail(Deadline, { instanceId: overdueId, status: 'pending', eventType: 'DEADLINE_PASSED' });
    expect(await api.rt.engine.fireDeadline(deadline.id)).toEqual({ outcome: 'fired' });
  });
  afterAll(() => api?.close());

  it('lands the clerk on the deadline board: the overdue item and the one due today, linked, in Kyrgyz', async () => {
    const clerk = await signIn('clerk');
    await clerk.waitForURL(/#\/board$/);
    const late = clerk.getByTestId('board-overdue').getByTestId('board-row');
    await late.first().waitFor();
    expect(await late.count()).toBe(1);
    expect(await late.getAttribute('data-document-id')).toBe(overdueId);
    expect(await late.getAttribute('data-state')).toBe('overdue');
    const lateText = (await late.textContent())!;
    expect(lateText).toContain('Купуялуу маалымат'); // the mark as a word
    expect(lateText).toContain('Гүлнара Жумабаева'); // the holder's name, not an id
    expect(lateText).toContain('2026-ж., 26-ноябрь 13:00'); // Bishkek time
    expect(lateText).toContain('1 саат 0 мүнөт кечикти');
    expect(lateText).not.toContain(api.ids.teacher);
    const today = clerk.getByTestId('board-due-today').getByTestId('board-row');
    expect(await today.getAttribute('data-document-id')).toBe(dueTodayId);
    await seeText(today, '18:00');
    await shot(clerk, 'board-clerk', true);

    await late.getByRole('link').click();
    await clerk.waitForSelector(`[data-testid=doc-state][data-value=overdue]`);
    await clerk.context().close();
  });

  it('shows every column of the issue journal at 1366×768, and opens an action form on screen', async () => {
    const clerk = await signIn('clerk');
    await clerk.goto(`${api.base}/#/registers/issues`);
    const table = clerk.getByTestId('table-scroll');
    await table.locator('tbody tr').first().waitFor();
    const fit = await table.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      rightmost: Math.max(...Array.from(el.querySelectorAll('th')).map((th) => th.getBoundingClientRect().right)),
      viewport: window.innerWidth,
      columns: el.querySelectorAll('th').length,
    }));
    expect(fit.columns).toBe(11);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.rightmost).toBeLessThanOrEqual(fit.viewport);
    expect(await clerk.getByTestId('table-scroll-hint').count()).toBe(0);
    await shot(clerk, 'issue-journal-1366x768');

    const stored = await api.document('official_use');
    await openDocument(clerk, api.base, stored);
    await clerk.getByTestId('action-ISSUE').click();
    const form = clerk.getByTestId('action-form-ISSUE');
    await form.waitFor();
    // Scrolled to where the user looks, the first field focused.
    await clerk.waitForFunction(() => {
      const r = document.querySelector('[data-testid=action-form-ISSUE]')!.getBoundingClientRect();
      return r.top >= 0 && r.top < 200;
    });
    expect(await clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('field-holderId');
    await shot(clerk, 'action-form-in-view');
    await clerk.context().close();
  });

  it('draws a visible focus ring on the dark header', async () => {
    const clerk = await signIn('clerk');
    await clerk.getByTestId('board-refresh').waitFor();
    await clerk.keyboard.press('Tab'); // the skip link
    let focused = '';
    for (let i = 0; i < 12 && focused !== 'nav-board'; i++) {
      await clerk.keyboard.press('Tab');
      focused = (await clerk.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ?? '';
    }
    expect(focused).toBe('nav-board');
    const ring = await clerk.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: s.outlineWidth, color: s.outlineColor };
    });
    expect(ring).toEqual({ style: 'solid', width: '3px', color: 'rgb(255, 211, 77)' });
    await shot(clerk.locator('.app-header'), 'header-focus');
    await clerk.context().close();
  });

  it('keeps the phone header under 120 px, with the menu one tap away', async () => {
    const clerk = await signIn('clerk', PHONE);
    await clerk.getByTestId('board-refresh').waitFor();
    const height = await clerk.locator('.app-header').evaluate((e) => e.getBoundingClientRect().height);
    expect(height).toBeLessThan(120);
    expect(await clerk.getByTestId('nav-documents').isVisible()).toBe(false);
    await shot(clerk, 'phone-390x844');
    await clerk.getByTestId('menu-toggle').click();
    await clerk.getByTestId('nav-documents').waitFor();
    expect(await clerk.getByTestId('logout').isVisible()).toBe(true);
    await shot(clerk, 'phone-menu-open');
    await clerk.getByTestId('nav-documents').click();
    await clerk.waitForURL(/#\/documents$/);
    // The menu folds after navigating: on the render that follows the new address, so wait for it (at most 5 s).
    await clerk.getByTestId('nav-documents').waitFor({ state: 'hidden', timeout: 5000 });

    // Too narrow for the journal: it scrolls sideways, says so, and keeps the number column in place.
    await clerk.goto(`${api.base}/#/registers/issues`);
    await clerk.getByTestId('table-scroll-hint').waitFor();
    const first = clerk.getByTestId('table-scroll').locator('tbody td').first();
    // The rows may still be replaced as the journal loads: ask until a settled first cell answers.
    const position = () => first.evaluate((td) => getComputedStyle(td).position).catch(() => '');
    expect(await eventually(async () => ((await position()) === 'sticky' ? 'sticky' : undefined), 5000)).toBe('sticky');
    await clerk.getByTestId('table-scroll').evaluate((el) => el.scrollBy(200, 0));
    await shot(clerk, 'phone-journal-scrolled', true);
    await clerk.context().close();
  });

  it('confirms a registration with its number, linked', async () => {
    const clerk = await signIn('clerk');
    await clerk.getByTestId('nav-register').click();
    await clerk.getByTestId('reg-title').fill('Райондук билим берүү бөлүмүнүн маалымдамасы');
    await clerk.getByTestId('reg-correspondent').fill('Райондук билим берүү бөлүмү');
    await clerk.getByTestId('reg-submit').click();
    const notice = clerk.getByTestId('registered-notice');
    await notice.waitFor();
    const number = (await clerk.getByTestId('doc-regnumber').textContent())!.trim();
    await seeText(notice, number);
    expect(await notice.getByRole('link').getAttribute('href')).toMatch(/^#\/documents\/[0-9a-f-]{36}$/);
    await shot(clerk, 'registered-confirmation');
    await clerk.context().close();
  });

  it('offers the auditor nothing to write: the chain-head ledger is explained, not offered', async () => {
    const auditor = await signIn('auditor');
    await auditor.getByTestId('nav-audit').click();
    await auditor.getByTestId('audit-verify').waitFor();
    expect(await auditor.getByTestId('audit-seal').count()).toBe(0);
    await seeText(auditor.getByTestId('audit-seal-note'), 'окуу режиминде');
    await shot(auditor, 'auditor-read-only');
    await auditor.context().close();
  });

  it('lets the director make the week six days and change the ladder; others read both, with the reason', async () => {
    const clerk = await signIn('clerk');
    await clerk.goto(`${api.base}/#/calendar`);
    await clerk.getByTestId('calendar-read-only').waitFor();
    expect(await clerk.getByTestId('calendar-save').count()).toBe(0);
    expect(await clerk.getByTestId('calendar-week-six').isDisabled()).toBe(true);
    await clerk.goto(`${api.base}/#/calendar/deadlines`);
    await clerk.getByTestId('settings-read-only').waitFor();
    await clerk.context().close();

    const director = await signIn('director');
    await director.getByTestId('nav-calendar').click();
    await director.getByTestId('calendar-day').first().waitFor();
    const saturdays = () =>
      director
        .locator('[data-testid=calendar-day]')
        .evaluateAll((cells) =>
          cells
            .filter((c) => new Date(`${c.getAttribute('data-date')}T00:00:00Z`).getUTCDay() === 6)
            .map((c) => c.getAttribute('data-kind')),
        );
    expect(await saturdays()).not.toContain('working');
    await director.getByTestId('calendar-week-six').check();
    await director.getByTestId('calendar-save').click();
    await director.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid=calendar-day]')).some(
        (c) =>
          new Date(`${c.getAttribute('data-date')}T00:00:00Z`).getUTCDay() === 6 &&
          c.getAttribute('data-kind') === 'working',
      ),
    );
    await seeText(director.getByTestId('calendar-saved'), /Кайра эсептелген мөөнөттөр: \d+/);
    await seeText(director.getByTestId('calendar-updated'), 'Айгүл Асанова');
    await shot(director, 'director-six-day-week', true);
    const calendar = await api.call('clerk', 'GET', '/api/calendar');
    expect(calendar.body.calendar.workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);

    await director.getByTestId('tab-deadlines').click();
    await director.getByTestId('settings-reminder-n').fill('45');
    await director.getByTestId('settings-director-after').check();
    await director.getByTestId('settings-after-n').fill('2');
    await director.getByTestId('settings-after-unit').selectOption('hours');
    await director.getByTestId('settings-save').click();
    await director.getByTestId('settings-saved').waitFor();
    await shot(director, 'director-deadline-settings');
    expect((await api.call('clerk', 'GET', '/api/settings/deadlines')).body).toEqual({
      reminderBefore: 'PT45M',
      directorAfter: 'PT2H',
      defaultReturnDays: 3,
    });
    await director.context().close();
  });
});
