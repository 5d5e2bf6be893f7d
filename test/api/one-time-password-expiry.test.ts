import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ONE_TIME_PASSWORD_HOURS } from '../../apps/api/src/identity/password';
import { ApiHarness, startApi } from '../support/api';

/**
 * ASVS 2.3.1: a one-time password an administrator gives signs in for 72 hours; after that only a new one does.
 * Only someone who types the right one learns it has expired: a wrong password is the usual answer.
 */
describe('one-time passwords expire (ASVS 2.3.1)', () => {
  let api: ApiHarness;
  let now = Date.parse('2026-11-27T03:00:00.000Z');
  const hours = (h: number) => (now += h * 3600_000);
  const login = (username: string, password: string, lang = 'ky') =>
    api.call(null, 'POST', '/api/auth/login', { username, password }, { 'accept-language': lang });
  /** A demo person's request after the clock moved on: a session of their own, signed in then. */
  const as = async (who: string, method: string, path: string, body?: unknown) => {
    const token = (await login(who, DEMO_PASSWORD)).body.token;
    return api.call(null, method, path, body, { authorization: `Bearer ${token}` });
  };

  beforeAll(async () => {
    api = await startApi({ clock: { now: () => new Date(now) } });
  });
  afterAll(() => api.close());

  it('signs in until 72 hours have passed, then is refused with its own code; a reset gives a working one', async () => {
    expect(ONE_TIME_PASSWORD_HOURS).toBe(72);
    const created = await as('director', 'POST', '/api/users', { username: 'late.starter', displayName: 'Кеч келген' });
    expect(created.status).toBe(201);
    const { oneTimePassword, user } = created.body as { oneTimePassword: string; user: { id: string } };

    hours(71);
    expect(await login('late.starter', oneTimePassword)).toMatchObject({
      status: 200,
      body: { user: { mustChangePassword: true } },
    });
    hours(1);
    const expired = await login('late.starter', oneTimePassword);
    expect(expired).toMatchObject({ status: 401, body: { code: 'ONE_TIME_PASSWORD_EXPIRED' } });
    expect(expired.body.message).toContain('мөөнөтү');
    expect((await login('late.starter', oneTimePassword, 'ru')).body.message).toContain('истёк');
    // A wrong password does not learn that the account waits on an expired one.
    expect((await login('late.starter', 'not-the-password')).body.code).toBe('BAD_CREDENTIALS');

    // The information-security officer sees it in the sign-in log.
    const logged = await as('security', 'GET', '/api/security/logins?outcome=otp_expired');
    expect(logged.status).toBe(200);
    expect(logged.body.map((e: { username: string }) => e.username)).toEqual(['late.starter', 'late.starter']);

    const reset = await as('director', 'POST', `/api/users/${user.id}/password-reset`);
    expect(reset.status).toBe(200);
    const first = await login('late.starter', reset.body.oneTimePassword);
    expect(first.status).toBe(200);
    const own = 'Өз сырсөзүм, 2026-жыл!';
    const changed = await api.call(
      null,
      'POST',
      '/api/auth/password',
      { currentPassword: reset.body.oneTimePassword, newPassword: own },
      { authorization: `Bearer ${first.body.token}` },
    );
    expect(changed.status).toBe(204);
    // The person's own password does not expire.
    hours(24 * 30);
    expect((await login('late.starter', own)).status).toBe(200);
  });
});
