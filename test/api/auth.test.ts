import { FirstStart } from '../../apps/api/src/first-start';
import { startGrif, TestRuntime } from '../support/harness';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { ApiHarness, startApi } from '../support/api';

describe('identity: login, sessions, roles by appointment', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api.close());

  it('logs in with a bearer token of at least 128 bits and returns the user with the roles of their appointments', async () => {
    const r = await api.call(null, 'POST', '/api/auth/login', { username: 'clerk', password: 'demo-password-2026' });
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(r.body.user).toMatchObject({ username: 'clerk', roles: ['commission_member', 'records_clerk'] });
    const me = await api.call(null, 'GET', '/api/me', undefined, { authorization: `Bearer ${r.body.token}` });
    expect(me.body).toMatchObject({ username: 'clerk', roles: ['commission_member', 'records_clerk'] });
  });

  it('sets an HttpOnly, SameSite=Strict session cookie that authenticates too', async () => {
    const res = await fetch(`${api.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teacher', password: 'demo-password-2026' }),
    });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/grif_session=[^;]+;.*HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const me = await fetch(`${api.base}/api/me`, { headers: { cookie: cookie.split(';')[0] } });
    expect((await me.json()).username).toBe('teacher');
  });

  it('refuses a wrong password and an unknown user alike, without saying which', async () => {
    const a = await api.call(null, 'POST', '/api/auth/login', { username: 'clerk', password: 'wrong-password' });
    const b = await api.call(null, 'POST', '/api/auth/login', { username: 'nobody', password: 'wrong-password' });
    expect([a.status, b.status]).toEqual([401, 401]);
    expect(a.body).toEqual(b.body);
  });

  it('stores only a hash of the token, and logout revokes it', async () => {
    const r = await api.call(null, 'POST', '/api/auth/login', { username: 'auditor', password: 'demo-password-2026' });
    const rows = await api.rt.transactions.reader().getConnection().execute('select token_hash from sessions');
    expect(rows.some((x: { token_hash: string }) => x.token_hash === r.body.token)).toBe(false);
    const auth = { authorization: `Bearer ${r.body.token}` };
    expect((await api.call(null, 'POST', '/api/auth/logout', undefined, auth)).status).toBe(204);
    expect((await api.call(null, 'GET', '/api/me', undefined, auth)).status).toBe(401);
  });

  it('needs a session for everything but login, health and the API docs', async () => {
    expect((await api.call(null, 'GET', '/api/documents/x')).status).toBe(401);
    expect((await api.call(null, 'GET', '/health')).body).toMatchObject({ status: 'ok', database: 'up', redis: 'up' });
    const docs = await fetch(`${api.base}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
  });
});

describe('first start without demo data', () => {
  let db: TestDatabase;
  let rt: TestRuntime;
  afterAll(async () => {
    await rt?.close();
    await db?.drop();
  });

  it('creates one administrator with a one-time password that must be changed before anything else', async () => {
    db = await createTestDatabase();
    const started = await startGrif('api', db.settings);
    rt = started.rt;
    const app = started.app;
    const printed: string[] = [];
    await app.get(FirstStart).seedIfEmpty(false, (l) => printed.push(l));
    await app.get(FirstStart).seedIfEmpty(false, (l) => printed.push(l));
    const line = printed.find((l) => l.includes('one-time password'))!;
    expect(printed.filter((l) => l.includes('one-time password'))).toHaveLength(1);
    const password = line.split('one-time password: ')[1].trim();
    await app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    try {
      const post = (path: string, body: unknown, token?: string) =>
        fetch(base + path, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
      const login = await (await post('/api/auth/login', { username: 'admin', password })).json();
      expect(login.user).toMatchObject({ username: 'admin', mustChangePassword: true, roles: ['admin'] });
      const blocked = await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${login.token}` } });
      expect(blocked.status).toBe(403);
      expect((await blocked.json()).code).toBe('PASSWORD_CHANGE_REQUIRED');
      const weak = await post('/api/auth/password', { currentPassword: password, newPassword: 'short' }, login.token);
      expect(weak.status).toBe(400);
      const changed = await post(
        '/api/auth/password',
        { currentPassword: password, newPassword: 'Ала-Тоо тоолору 2026' },
        login.token,
      );
      expect(changed.status).toBe(204);
      const after = await fetch(`${base}/api/audit/verify`, { headers: { authorization: `Bearer ${login.token}` } });
      expect(after.status).toBe(200);
      expect((await post('/api/auth/login', { username: 'admin', password })).status).toBe(401);
    } finally {
      await rt.close();
    }
  });
});
