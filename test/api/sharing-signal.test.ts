import { Session, SharingSignals } from '@grif/persistence';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const CHROME =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const MINUTE = 60_000;

/**
 * R-5.2.1 (nobody shares a login): one Grif account active from two different clients at once tells the
 * information-security officer, once per person and window (10 minutes by default), with a link to the
 * breach report form filled in for that account. The clock is the test's (now, moved on by hand), so
 * "at once" and "a minute later" are decided without waiting.
 */
describe('sharing signal: one account from two clients at once (R-5.2.1)', () => {
  let api: ApiHarness;
  let offset = 0;

  const login = async (username: string, userAgent?: string) => {
    const r = await api.call(
      null,
      'POST',
      '/api/auth/login',
      { username, password: DEMO_PASSWORD },
      userAgent ? { 'user-agent': userAgent } : {},
    );
    expect(r.status).toBe(200);
    return r.body.token as string;
  };
  const me = async (token: string) => {
    const r = await fetch(`${api.base}/api/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
  };
  const signals = async (reader: string, about?: string) =>
    (await api.call(reader, 'GET', '/api/notifications')).body.items.filter(
      (n: { template: string; data: { username?: string } }) =>
        n.template === 'breach.sharing_suspected' && (!about || n.data.username === about),
    );
  const lastSeen = async (userId: string) =>
    (await api.rt.transactions.reader().find(Session, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(
      (s) => s.lastSeenAt,
    );

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => new Date(Date.now() + offset) } });
  });
  afterAll(() => api.close());

  it('R-5.2.1: a second sign-in from another browser tells the officer once, with the clients and a link to report', async () => {
    // The clerk signed in at start-up from this test's own client; now from Firefox, then from a phone.
    await login('clerk', FIREFOX);
    await login('clerk', CHROME);
    const told = await signals('security', 'clerk');
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({
      instanceId: null,
      readAt: null,
      settled: false,
      link: '/breaches/new?system=grif&account=clerk',
      data: { userId: api.ids.clerk, username: 'clerk' },
    });
    // The clients as the officer reads them: the browser, its system, the address masked to its network.
    expect(told[0].data.clients).toHaveLength(2);
    expect(told[0].data.clients).toContain('Firefox 133, Windows · 127.0.0.x');
    // Only the officer is told: not the account's owner, not the director, not support.
    for (const other of ['clerk', 'director', 'support', 'teacher']) expect(await signals(other)).toEqual([]);
  });

  it('R-5.2.1: once the officer opens the case from it, the signal is settled and leads to that case', async () => {
    const opened = await api.call('security', 'POST', '/api/breaches', {
      system: 'grif',
      account: 'clerk',
      discoveredAt: new Date(Date.now() + offset - 60_000).toISOString(),
      description: 'Бир эле аккаунт эки башка түзмөктөн бир убакта колдонулган',
    });
    expect(opened.status).toBe(201);
    const [told] = await signals('security', 'clerk');
    expect(told).toMatchObject({ settled: true, link: `/breaches/${opened.body.id}` });
  });

  it('R-5.2.1: sign-ins from three clients at the same moment still tell the officer once', async () => {
    const agents = [FIREFOX, CHROME, 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'];
    await Promise.all(agents.map((ua) => login('director', ua)));
    expect(await signals('security', 'director')).toHaveLength(1);
  });

  it('R-5.2.1: a signal raised five times at once is written once (the window is idempotent)', async () => {
    const at = new Date(Date.now() + offset);
    const raised = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.rt.app.get(SharingSignals).raise({
          schoolId: api.schoolId,
          userId: api.ids.clerk2,
          username: 'clerk2',
          clients: ['a', 'b'],
          at,
          since: new Date(at.getTime() - 10 * MINUTE),
        }),
      ),
    );
    expect(raised.filter(Boolean)).toHaveLength(1);
    expect(await signals('security', 'clerk2')).toHaveLength(1);
  });

  it('R-5.2.1: the same client signing in twice raises nothing', async () => {
    await login('teacher2');
    await login('teacher2');
    expect(await signals('security', 'teacher2')).toEqual([]);
  });

  it('R-5.2.1: a session signed out no longer counts', async () => {
    expect((await api.call('auditor', 'POST', '/api/auth/logout')).status).toBe(204);
    await login('auditor', FIREFOX);
    expect(await signals('security', 'auditor')).toEqual([]);
  });

  it('R-5.2.1: a request on an older session looks again, its last-seen time moving at most once a minute', async () => {
    offset += 11 * MINUTE;
    // The start-up session was last seen 11 minutes ago: outside the window, nothing at sign-in.
    const phone = await login('teacher', CHROME);
    expect(await signals('security', 'teacher')).toEqual([]);
    const [before] = await lastSeen(api.ids.teacher);

    // A request on the start-up session now: both clients seen within the window.
    await me(api.tokens.teacher);
    const [moved] = await lastSeen(api.ids.teacher);
    expect(moved > before).toBe(true);
    expect(await signals('security', 'teacher')).toHaveLength(1);

    // Within the minute: the time does not move (no write).
    offset += 30_000;
    await me(api.tokens.teacher);
    expect((await lastSeen(api.ids.teacher))[0]).toBe(moved);

    // A minute on it moves, but the window's signal was raised already.
    offset += MINUTE;
    await me(api.tokens.teacher);
    expect((await lastSeen(api.ids.teacher))[0] > moved).toBe(true);
    expect(await signals('security', 'teacher')).toHaveLength(1);

    // The next window: both still in use, the officer is told again.
    offset += 11 * MINUTE;
    await me(api.tokens.teacher);
    await me(phone);
    expect(await signals('security', 'teacher')).toHaveLength(2);
  });
});
