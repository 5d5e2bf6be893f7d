import cookieParser from 'cookie-parser';
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { csrfProtection, issueCsrfCookie } from '../../apps/api/src/http/csrf';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { ApiHarness, startApi } from '../support/api';

const EVIL = 'https://evil.example';

/** A signed-in browser: what login set (the session and CSRF cookies), and the Cookie header that sends both. */
interface Browser {
  session: string;
  csrf: string;
  cookie: string;
  setCookies: string[];
}

/**
 * Issue 10, finding 3: with only the session cookie, a page of another site recorded a clearance (201), registered a
 * carrier, signed the user out and in. Now any unsafe request from another origin is refused, and one that a cookie
 * authenticates must repeat the CSRF cookie in X-CSRF-Token (double submit); Bearer clients are not browsers.
 */
describe('CSRF: cookie sessions need the double-submit token; other origins are refused', () => {
  let api: ApiHarness;
  let security: Browser;
  beforeAll(async () => {
    api = await startApi();
    security = await signIn('security');
  });
  afterAll(() => api?.close());

  async function signIn(username: string): Promise<Browser> {
    const res = await fetch(`${api.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: api.base, 'sec-fetch-site': 'same-origin' },
      body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const setCookies = res.headers.getSetCookie();
    const value = (name: string) =>
      setCookies
        .find((c) => c.startsWith(`${name}=`))
        ?.split(';')[0]!
        .split('=')[1];
    const session = value('grif_session')!;
    const csrf = value('grif_csrf')!;
    return { session, csrf, setCookies, cookie: `grif_session=${session}; grif_csrf=${csrf}` };
  }

  /** A request as a browser sends it: the cookies ride along; the page decides the rest. */
  const send = (method: string, path: string, headers: Record<string, string>, body?: string) =>
    api.call(null, method, path, body, headers);

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const clearancesOf = async (username: string) =>
    ((await api.call('security', 'GET', '/api/people')).body as { id: string; clearances: unknown[] }[]).find(
      (p) => p.id === api.ids[username],
    )!.clearances;
  const mediaCount = async () => ((await api.call('security', 'GET', '/api/media')).body as unknown[]).length;
  const refused = { statusCode: 403, code: 'CSRF_REJECTED', message: expect.any(String) };

  it('login sets a readable, SameSite=Strict CSRF cookie of 128 random bits beside the HttpOnly session cookie', async () => {
    const csrfCookie = security.setCookies.find((c) => c.startsWith('grif_csrf='))!;
    expect(csrfCookie).toMatch(/; Path=\//);
    expect(csrfCookie).toMatch(/; SameSite=Strict/);
    expect(csrfCookie).not.toMatch(/HttpOnly/i);
    expect(Buffer.from(security.csrf, 'base64url')).toHaveLength(16);
    expect(security.setCookies.find((c) => c.startsWith('grif_session='))).toMatch(/HttpOnly/);
    // A new token at every login.
    expect((await signIn('security')).csrf).not.toBe(security.csrf);
  });

  describe("the probe's attacks: a form of another site, posted with the victim's cookie", () => {
    it('POST /api/people/{id}/clearances is refused and records nothing', async () => {
      const before = await clearancesOf('teacher2');
      for (const page of [{ origin: EVIL }, { 'sec-fetch-site': 'cross-site' }, {}] as Record<string, string>[]) {
        const r = await send(
          'POST',
          `/api/people/${api.ids.teacher2}/clearances`,
          { ...form, ...page, cookie: security.cookie, 'accept-language': 'en' },
          'kind=nda&date=2026-09-02',
        );
        expect([page, r.status, r.body]).toEqual([
          page,
          403,
          { ...refused, message: expect.stringMatching(/refused/) },
        ]);
      }
      expect(await clearancesOf('teacher2')).toEqual(before);
    });

    it('POST /api/media is refused and registers nothing', async () => {
      const before = await mediaCount();
      const r = await send(
        'POST',
        '/api/media',
        { ...form, origin: EVIL, cookie: security.cookie },
        'label=USB&kind=usb&classification=open',
      );
      expect([r.status, r.body]).toEqual([403, refused]);
      expect(await mediaCount()).toBe(before);
    });

    it('logout is refused, and the session lives on', async () => {
      const r = await send('POST', '/api/auth/logout', { origin: EVIL, cookie: security.cookie });
      expect([r.status, r.body]).toEqual([403, refused]);
      const me = await send('GET', '/api/me', { cookie: security.cookie });
      expect([me.status, me.body.username]).toEqual([200, 'security']);
    });

    it('login is refused (login CSRF) and sets no cookie', async () => {
      for (const page of [{ origin: EVIL }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Record<
        string,
        string
      >[]) {
        const res = await fetch(`${api.base}/api/auth/login`, {
          method: 'POST',
          headers: { ...form, ...page },
          body: `username=clerk&password=${DEMO_PASSWORD}`,
        });
        expect([page, res.status, (await res.json()).code]).toEqual([page, 403, 'CSRF_REJECTED']);
        expect(res.headers.getSetCookie()).toEqual([]);
      }
    });
  });

  describe('a page of Grif itself', () => {
    const clearance = JSON.stringify({ kind: 'nda', date: '2026-09-03' });
    const ours = () => ({ 'content-type': 'application/json', origin: api.base, 'sec-fetch-site': 'same-origin' });

    it('without X-CSRF-Token, or with another token, is refused and writes nothing', async () => {
      const before = await clearancesOf('teacher2');
      for (const token of [undefined, '', 'A'.repeat(22), `${security.csrf}x`]) {
        const headers = {
          ...ours(),
          cookie: security.cookie,
          ...(token === undefined ? {} : { 'x-csrf-token': token }),
        };
        const r = await send('POST', `/api/people/${api.ids.teacher2}/clearances`, headers, clearance);
        expect([token, r.status, r.body]).toEqual([token, 403, refused]);
      }
      // The token of the CSRF cookie alone, with no cookie to match, proves nothing either.
      const noCookie = await send(
        'POST',
        `/api/people/${api.ids.teacher2}/clearances`,
        { ...ours(), cookie: `grif_session=${security.session}`, 'x-csrf-token': security.csrf },
        clearance,
      );
      expect([noCookie.status, noCookie.body]).toEqual([403, refused]);
      expect(await clearancesOf('teacher2')).toEqual(before);
    });

    it('with the token of its cookie works, with or without an Origin header', async () => {
      const headers = { cookie: security.cookie, 'x-csrf-token': security.csrf };
      const a = await send('POST', `/api/people/${api.ids.teacher2}/clearances`, { ...ours(), ...headers }, clearance);
      expect(a.status).toBe(201);
      const b = await send(
        'POST',
        `/api/people/${api.ids.teacher2}/clearances`,
        { 'content-type': 'application/json', ...headers },
        JSON.stringify({ kind: 'briefing', date: '2026-09-03' }),
      );
      expect(b.status).toBe(201);
      expect(await clearancesOf('teacher2')).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'nda', date: '2026-09-03' }),
          expect.objectContaining({ kind: 'briefing', date: '2026-09-03' }),
        ]),
      );
    });

    it('signs out with the token', async () => {
      const mine = await signIn('auditor');
      const r = await send('POST', '/api/auth/logout', { ...ours(), cookie: mine.cookie, 'x-csrf-token': mine.csrf });
      expect(r.status).toBe(204);
      expect((await send('GET', '/api/me', { cookie: mine.cookie })).status).toBe(401);
    });

    it('GET /api/me hands a CSRF cookie to a session that has none, and leaves one that has it alone', async () => {
      const bare = await fetch(`${api.base}/api/me`, { headers: { cookie: `grif_session=${security.session}` } });
      expect(bare.status).toBe(200);
      const issued = bare.headers.getSetCookie().find((c) => c.startsWith('grif_csrf='))!;
      expect(issued).toMatch(/^grif_csrf=[A-Za-z0-9_-]{22}; Path=\/; SameSite=Strict$/);
      const token = issued.split(';')[0]!.split('=')[1]!;
      const r = await send(
        'POST',
        `/api/people/${api.ids.teacher2}/clearances`,
        { ...ours(), cookie: `grif_session=${security.session}; grif_csrf=${token}`, 'x-csrf-token': token },
        JSON.stringify({ kind: 'nda', date: '2026-09-04' }),
      );
      expect(r.status).toBe(201);
      const kept = await fetch(`${api.base}/api/me`, { headers: { cookie: security.cookie } });
      expect(kept.headers.getSetCookie().filter((c) => c.startsWith('grif_csrf='))).toEqual([]);
    });
  });

  describe('API clients with a Bearer token', () => {
    it('are not asked for the token, even when a cookie rides along', async () => {
      const before = await mediaCount();
      const r = await api.call('security', 'POST', '/api/media', {
        label: 'USB №9',
        kind: 'usb',
        classification: 'open',
        holderId: api.ids.clerk,
      });
      expect(r.status).toBe(201);
      const withCookie = await api.call(
        'security',
        'POST',
        `/api/people/${api.ids.teacher2}/clearances`,
        { kind: 'nda', date: '2026-09-05' },
        { cookie: security.cookie },
      );
      expect(withCookie.status).toBe(201);
      expect(await mediaCount()).toBe(before + 1);
    });

    it('from another origin are refused all the same: a browser page cannot pass for one', async () => {
      const r = await api.call(
        'security',
        'POST',
        '/api/media',
        { label: 'x', kind: 'usb', classification: 'open' },
        {
          'sec-fetch-site': 'cross-site',
        },
      );
      expect([r.status, r.body]).toEqual([403, refused]);
    });
  });

  describe('the queue board, which cannot send the header', () => {
    const director = async () => (await signIn('director')).cookie;

    it('takes an unsafe request only from our own origin', async () => {
      const cookie = await director();
      // An unknown queue: Bull Board's own 404 once the request is let through, and nothing is changed.
      const path = '/admin/queues/api/queues/no-such-queue/pause';
      const bare = await fetch(api.base + path, { method: 'PUT', headers: { cookie } });
      expect([bare.status, (await bare.json()).code]).toEqual([403, 'CSRF_REJECTED']);
      const foreign = await fetch(api.base + path, { method: 'PUT', headers: { cookie, origin: EVIL } });
      expect(foreign.status).toBe(403);
      const ours = await fetch(api.base + path, { method: 'PUT', headers: { cookie, origin: api.base } });
      expect(ours.status).toBe(404);
    });
  });
});

describe('CSRF behind a TLS proxy (trust proxy, as GRIF_TRUST_PROXY sets it)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', true);
    app.use(cookieParser());
    app.use(csrfProtection());
    app.post('/api/x', (_req, res) => res.json({ written: true }));
    app.post('/api/login', (req, res) => res.json({ token: issueCsrfCookie(req, res) }));
    await new Promise<void>((ok) => (server = app.listen(0, '127.0.0.1', () => ok())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'grif.school.kg' };
  const post = (path: string, headers: Record<string, string>) => fetch(base + path, { method: 'POST', headers });

  it('names the cookie __Host-grif_csrf over HTTPS: Secure, Path=/, no Domain', async () => {
    const res = await post('/api/login', viaProxy);
    expect(res.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^__Host-grif_csrf=[A-Za-z0-9_-]{22}; Path=\/; Secure; SameSite=Strict$/),
    ]);
  });

  it("takes the public origin the proxy names, and only the __Host- cookie's token", async () => {
    const token = 'A'.repeat(22);
    const session = { ...viaProxy, 'x-csrf-token': token, origin: 'https://grif.school.kg' };
    expect(
      (await post('/api/x', { ...session, cookie: `__Host-grif_session=s; __Host-grif_csrf=${token}` })).status,
    ).toBe(200);
    // A cookie without the prefix may have been planted by a sibling subdomain or a plain-HTTP page.
    expect((await post('/api/x', { ...session, cookie: `__Host-grif_session=s; grif_csrf=${token}` })).status).toBe(
      403,
    );
    // An http page of the same host posting to the https site is a downgrade, not Grif.
    const downgrade = {
      ...session,
      origin: 'http://grif.school.kg',
      cookie: `__Host-grif_session=s; __Host-grif_csrf=${token}`,
    };
    expect((await post('/api/x', downgrade)).status).toBe(403);
  });

  it('accepts an https Origin for a request that reached it as plain http with the same Host (no trust proxy set)', async () => {
    const host = new URL(base).host;
    expect((await post('/api/x', { origin: `https://${host}` })).status).toBe(200);
    expect((await post('/api/x', { origin: `https://other.${host}` })).status).toBe(403);
  });
});
