import { SchoolsRepository } from '@grif/persistence';
import { hashPassword } from '../../apps/api/src/identity/password';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';

/**
 * Issue 10, users and roles: the administrator (the demo director holds `admin`) creates, disables, enables and
 * resets accounts; roles come only by appointment with an order number and date, and every change
 * of what a person may do ends their sessions at once.
 */
describe('users: administration, appointments by order (R-2.3, R-4.3), school-qualified usernames', () => {
  let api: ApiHarness;
  let otherSchoolClerk: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const login = (username: string, password: string) =>
    api.call(null, 'POST', '/api/auth/login', { username, password });
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bishkek' }).format(new Date());

  async function newUser(username: string, displayName = `Колдонуучу ${username}`) {
    const r = await api.call('director', 'POST', '/api/users', { username, displayName });
    if (r.status !== 201) throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { user: { id: string }; oneTimePassword: string };
  }

  /** Signs in with the one-time password and replaces it: a token of a usable session. */
  async function signedIn(username: string, oneTimePassword: string): Promise<string> {
    const first = await login(username, oneTimePassword);
    const password = `Жаңы сырсөз ${username} 2026!`;
    const changed = await api.call(
      null,
      'POST',
      '/api/auth/password',
      { currentPassword: oneTimePassword, newPassword: password },
      bearer(first.body.token),
    );
    if (changed.status !== 204) throw new Error(`password: ${changed.status} ${JSON.stringify(changed.body)}`);
    return (await login(username, password)).body.token;
  }

  beforeAll(async () => {
    api = await startApi();
    // A second school in the same install, with its own `clerk`.
    const founded = await api.app.get(SchoolsRepository).found(
      'Башка мектеп',
      [
        {
          username: 'clerk',
          displayName: 'Башка мектептин иш кагаздары',
          passwordHash: await hashPassword('other-school-password'),
          mustChangePassword: false,
          roles: [{ role: 'records_clerk', orderNumber: '№1', orderDate: '2026-09-01' }],
        },
      ],
      new Date().toISOString(),
      'other',
    );
    otherSchoolClerk = founded.users.clerk;
  });
  afterAll(() => api.close());

  it('lists the accounts of the school with their roles and state, never a password hash', async () => {
    const r = await api.call('director', 'GET', '/api/users');
    expect(r.status).toBe(200);
    const clerk = r.body.find((u: { username: string }) => u.username === 'clerk');
    expect(clerk).toMatchObject({
      signInName: 'clerk@sch35',
      displayName: 'Нуржан Токтогулова (иш кагаздары)',
      disabled: false,
      roles: ['commission_member', 'records_clerk'],
    });
    expect(clerk.lastLoginAt).toEqual(expect.any(String));
    expect(r.body.some((u: { id: string }) => u.id === otherSchoolClerk)).toBe(false);
    expect(JSON.stringify(r.body)).not.toContain('scrypt');
    // The officer and the director read it too; a teacher does not.
    expect((await api.call('security', 'GET', '/api/users')).status).toBe(200);
    expect((await api.call('teacher', 'GET', '/api/users')).status).toBe(403);
    expect((await api.call('auditor', 'GET', `/api/users/${api.ids.clerk}/events`)).status).toBe(403);
  });

  it('creates an account with no role and a one-time password of 12+ characters that must be changed', async () => {
    const r = await api.call('director', 'POST', '/api/users', {
      username: 'Jyldyz.K',
      displayName: '  Жылдыз Кадырова ',
      email: 'jyldyz@example.kg',
      locale: 'ru',
    });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({
      username: 'jyldyz.k',
      signInName: 'jyldyz.k@sch35',
      displayName: 'Жылдыз Кадырова',
      email: 'jyldyz@example.kg',
      locale: 'ru',
      roles: [],
      disabled: false,
      mustChangePassword: true,
      lastLoginAt: null,
    });
    expect(r.body.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    const first = await login('jyldyz.k@sch35', r.body.oneTimePassword);
    expect(first.status).toBe(200);
    expect(first.body.user.mustChangePassword).toBe(true);
    const blocked = await api.call(null, 'GET', '/api/notifications', undefined, bearer(first.body.token));
    expect(blocked).toMatchObject({ status: 403, body: { code: 'PASSWORD_CHANGE_REQUIRED' } });
  });

  it('refuses a username taken in the school with 409 USERNAME_TAKEN, writing nothing', async () => {
    const before = (await api.call('director', 'GET', '/api/users')).body.length;
    const r = await api.call('director', 'POST', '/api/users', { username: 'CLERK', displayName: 'Дубль' });
    expect(r).toMatchObject({ status: 409, body: { code: 'USERNAME_TAKEN' } });
    expect((await api.call('director', 'GET', '/api/users')).body.length).toBe(before);
  });

  it.each([
    [{ displayName: 'Аты жок' }, 'username'],
    [{ username: 'a@b', displayName: 'Белги' }, 'username'],
    [{ username: 'x', displayName: 'Кыска' }, 'username'],
    [{ username: 'valid.name', displayName: '' }, 'displayName'],
    [{ username: 'valid.name', displayName: 'Ok', email: 'not-an-email' }, 'email'],
    [{ username: 'valid.name', displayName: 'Ok', role: 'admin' }, ''],
  ])('refuses a bad account %j with 400 naming the field', async (body, field) => {
    const r = await api.call('director', 'POST', '/api/users', body);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    if (field) expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('disabling ends every session of the person at once; enabling lets them sign in again', async () => {
    const u = await newUser('disable.me');
    const token = await signedIn('disable.me', u.oneTimePassword);
    expect((await api.call(null, 'GET', '/api/me', undefined, bearer(token))).status).toBe(200);
    const r = await api.call('director', 'POST', `/api/users/${u.user.id}/disable`, { reason: 'Иштен кетти' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ disabled: true, disabledReason: 'Иштен кетти' });
    expect((await api.call(null, 'GET', '/api/me', undefined, bearer(token))).status).toBe(401);
    const live = await api.rt.transactions
      .reader()
      .getConnection()
      .execute('select count(*) as n from sessions where user_id = ? and revoked_at is null', [u.user.id]);
    expect(Number(live[0].n)).toBe(0);
    expect((await login('disable.me', 'Жаңы сырсөз disable.me 2026!')).status).toBe(401);
    // The first reason stands.
    const twice = await api.call('director', 'POST', `/api/users/${u.user.id}/disable`, { reason: 'Башка себеп' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'USER_DISABLED' } });
    const enabled = await api.call('director', 'POST', `/api/users/${u.user.id}/enable`);
    expect(enabled).toMatchObject({ status: 200, body: { disabled: false, disabledReason: null } });
    expect((await login('disable.me', 'Жаңы сырсөз disable.me 2026!')).status).toBe(200);
    expect((await api.call('director', 'POST', `/api/users/${u.user.id}/enable`)).status).toBe(200);
    // Enabling clears the flag and the reason, not the history: who disabled it, when and why stays.
    const events = await api.call('security', 'GET', `/api/users/${u.user.id}/events`);
    expect(events.status).toBe(200);
    expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['enabled', 'disabled', 'created']);
    expect(events.body[1]).toMatchObject({ reason: 'Иштен кетти', byName: 'Айгүл Асанова (директор)' });
  });

  it('needs a reason to disable, and the administrator cannot disable themselves', async () => {
    const u = await newUser('no.reason');
    const r = await api.call('director', 'POST', `/api/users/${u.user.id}/disable`, { reason: '  ' });
    expect(r).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await api.call('director', 'GET', '/api/users')).body.find((x: any) => x.id === u.user.id).disabled).toBe(
      false,
    );
    const self = await api.call('director', 'POST', `/api/users/${api.ids.director}/disable`, { reason: 'сыноо' });
    expect(self).toMatchObject({ status: 422, body: { code: 'CANNOT_DISABLE_SELF' } });
  });

  it('a password reset gives a new one-time password, ends every session and must be changed', async () => {
    const u = await newUser('reset.me');
    const token = await signedIn('reset.me', u.oneTimePassword);
    const r = await api.call('director', 'POST', `/api/users/${u.user.id}/password-reset`);
    expect(r.status).toBe(200);
    expect(r.body.oneTimePassword.length).toBeGreaterThanOrEqual(12);
    expect((await api.call(null, 'GET', '/api/me', undefined, bearer(token))).status).toBe(401);
    expect((await login('reset.me', 'Жаңы сырсөз reset.me 2026!')).status).toBe(401);
    const again = await login('reset.me', r.body.oneTimePassword);
    expect(again).toMatchObject({ status: 200, body: { user: { mustChangePassword: true } } });
    const events = await api.call('director', 'GET', `/api/users/${u.user.id}/events`);
    expect(events.body.map((e: { kind: string }) => e.kind)).toEqual(['password_reset', 'created']);
  });

  it('R-2.3, R-4.3: a role comes by an order and ends by an order; the history shows both, newest first', async () => {
    const u = await newUser('appointee', 'Азиз Дайындалган');
    const token = await signedIn('appointee', u.oneTimePassword);
    const day = today();
    const appointed = await api.call('director', 'POST', `/api/users/${u.user.id}/appointments`, {
      role: 'auditor',
      orderNumber: '№42-к',
      orderDate: day,
    });
    expect(appointed.status).toBe(201);
    expect(appointed.body).toMatchObject({
      role: 'auditor',
      orderNumber: '№42-к',
      orderDate: day,
      validFrom: day,
      validUntil: null,
      createdByName: 'Айгүл Асанова (директор)',
      endedByName: null,
    });
    // A role change ends the person's sessions: the next session carries the new role.
    expect((await api.call(null, 'GET', '/api/me', undefined, bearer(token))).status).toBe(401);
    const withRole = await login('appointee', 'Жаңы сырсөз appointee 2026!');
    expect(withRole.body.user.roles).toEqual(['auditor']);
    expect((await api.call(null, 'GET', '/api/rooms', undefined, bearer(withRole.body.token))).status).toBe(200);

    // One running appointment per role.
    const twice = await api.call('director', 'POST', `/api/users/${u.user.id}/appointments`, {
      role: 'auditor',
      orderNumber: '№43-к',
      orderDate: day,
    });
    expect(twice).toMatchObject({ status: 409, body: { code: 'ROLE_ALREADY_HELD' } });

    const ended = await api.call('director', 'POST', `/api/users/${u.user.id}/appointments/${appointed.body.id}/end`, {
      orderNumber: '№50-к',
      orderDate: day,
    });
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({
      endOrderNumber: '№50-к',
      endOrderDate: day,
      endedByName: 'Айгүл Асанова (директор)',
    });
    expect(ended.body.validUntil < day).toBe(true);
    expect((await api.call(null, 'GET', '/api/me', undefined, bearer(withRole.body.token))).status).toBe(401);
    expect((await login('appointee', 'Жаңы сырсөз appointee 2026!')).body.user.roles).toEqual([]);

    const again = await api.call('director', 'POST', `/api/users/${u.user.id}/appointments/${appointed.body.id}/end`, {
      orderNumber: '№51-к',
      orderDate: day,
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'APPOINTMENT_ALREADY_ENDED' } });

    const second = await api.call('director', 'POST', `/api/users/${u.user.id}/appointments`, {
      role: 'staff',
      orderNumber: '№60-к',
      orderDate: day,
    });
    expect(second.status).toBe(201);
    const history = await api.call('security', 'GET', `/api/users/${u.user.id}/appointments`);
    expect(history.status).toBe(200);
    expect(history.body.map((a: { orderNumber: string }) => a.orderNumber)).toEqual(['№60-к', '№42-к']);
    expect(history.body[1]).toMatchObject({ role: 'auditor', endOrderNumber: '№50-к' });
  });

  it('R-2.3: refuses an appointment without an order, with an order dated ahead, or to an unknown role (400)', async () => {
    const u = await newUser('no.order');
    const path = `/api/users/${u.user.id}/appointments`;
    const bad = [
      { role: 'staff', orderDate: '2026-09-01' },
      { role: 'staff', orderNumber: ' ', orderDate: '2026-09-01' },
      { role: 'staff', orderNumber: '№1', orderDate: '2999-01-01' },
      { role: 'staff', orderNumber: '№1', orderDate: '2026-09-01', validFrom: '2026-08-01' },
      { role: 'king', orderNumber: '№1', orderDate: '2026-09-01' },
      { role: 'staff', orderNumber: '№1', orderDate: '01.09.2026' },
    ];
    for (const body of bad) expect((await api.call('director', 'POST', path, body)).status).toBe(400);
    expect((await api.call('director', 'GET', path)).body).toEqual([]);
    const a = await api.call('director', 'POST', path, { role: 'staff', orderNumber: '№2', orderDate: '2026-09-01' });
    const end = `${path}/${a.body.id}/end`;
    expect((await api.call('director', 'POST', end, { orderDate: '2026-09-01' })).status).toBe(400);
    expect(
      (
        await api.call('director', 'POST', end, {
          orderNumber: '№3',
          orderDate: '2026-09-01',
          validUntil: '2026-09-01',
        })
      ).status,
    ).toBe(400);
    expect((await api.call('director', 'GET', path)).body[0]).toMatchObject({ validUntil: null, endOrderNumber: null });
  });

  it('R-2.3: two administrators appointing the same role at once: one appointment, the other 409', async () => {
    const u = await newUser('raced');
    const order = (n: string) => ({ role: 'commission_member', orderNumber: n, orderDate: today() });
    const path = `/api/users/${u.user.id}/appointments`;
    const answers = await Promise.all([
      api.call('director', 'POST', path, order('№70-к')),
      api.call('director', 'POST', path, order('№71-к')),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await api.call('director', 'GET', path)).body).toHaveLength(1);
  });

  it("keeps the school's last administrator: ending that appointment is refused (409 LAST_ADMINISTRATOR)", async () => {
    const [adminAppointment] = (
      await api.call('director', 'GET', `/api/users/${api.ids.director}/appointments`)
    ).body.filter((a: { role: string }) => a.role === 'admin');
    const r = await api.call(
      'director',
      'POST',
      `/api/users/${api.ids.director}/appointments/${adminAppointment.id}/end`,
      { orderNumber: '№99-к', orderDate: today() },
    );
    expect(r).toMatchObject({ status: 409, body: { code: 'LAST_ADMINISTRATOR' } });
    expect((await login('director', DEMO_PASSWORD)).body.user.roles).toContain('admin');
  });

  it('refuses every change to anyone but the administrator (403, citing R-2.3 for appointments)', async () => {
    const u = await newUser('target');
    const id = u.user.id;
    const order = { role: 'staff', orderNumber: '№9', orderDate: '2026-09-01' };
    for (const who of ['security', 'teacher', 'auditor', 'clerk']) {
      expect((await api.call(who, 'POST', '/api/users', { username: 'sneaky', displayName: 'X' })).status).toBe(403);
      expect((await api.call(who, 'POST', `/api/users/${id}/disable`, { reason: 'x' })).status).toBe(403);
      expect((await api.call(who, 'POST', `/api/users/${id}/enable`)).status).toBe(403);
      expect((await api.call(who, 'POST', `/api/users/${id}/password-reset`)).status).toBe(403);
      const appoint = await api.call(who, 'POST', `/api/users/${id}/appointments`, order);
      expect(appoint).toMatchObject({ status: 403, body: { rule: 'R-2.3' } });
    }
    expect((await api.call('director', 'GET', `/api/users/${id}/appointments`)).body).toEqual([]);
  });

  it("another school's account is not found (404), and nothing of it changes", async () => {
    for (const [method, path, body] of [
      ['GET', `/api/users/${otherSchoolClerk}/appointments`, undefined],
      ['GET', `/api/users/${otherSchoolClerk}/events`, undefined],
      ['POST', `/api/users/${otherSchoolClerk}/disable`, { reason: 'чет' }],
      ['POST', `/api/users/${otherSchoolClerk}/enable`, undefined],
      ['POST', `/api/users/${otherSchoolClerk}/password-reset`, undefined],
      [
        'POST',
        `/api/users/${otherSchoolClerk}/appointments`,
        { role: 'admin', orderNumber: '№1', orderDate: '2026-09-01' },
      ],
      ['POST', `/api/users/${api.ids.clerk}/appointments/nope/end`, { orderNumber: '№1', orderDate: '2026-09-01' }],
    ] as const) {
      const r = await api.call('director', method, path, body);
      expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    expect((await login('clerk@other', 'other-school-password')).status).toBe(200);
  });

  it('school-qualified usernames: clerk@sch35 and clerk@other sign into their own schools; a bare ambiguous name is refused like a wrong password', async () => {
    const ours = await login('clerk@sch35', DEMO_PASSWORD);
    expect(ours.status).toBe(200);
    expect(ours.body.user).toMatchObject({ id: api.ids.clerk, schoolId: api.schoolId });
    const theirs = await login('CLERK@other', 'other-school-password');
    expect(theirs.status).toBe(200);
    expect(theirs.body.user.id).toBe(otherSchoolClerk);
    expect(theirs.body.user.schoolId).not.toBe(api.schoolId);
    // Each school's password opens only its own account.
    expect((await login('clerk@other', DEMO_PASSWORD)).status).toBe(401);
    const ambiguous = await login('clerk', DEMO_PASSWORD);
    const wrong = await login('teacher', 'wrong-password');
    expect(ambiguous.status).toBe(401);
    expect(ambiguous.body).toEqual(wrong.body);
    expect((await login('clerk@nowhere', DEMO_PASSWORD)).status).toBe(401);
    // A bare name that only one school has still works.
    expect((await login('teacher', DEMO_PASSWORD)).status).toBe(200);
  });
});
