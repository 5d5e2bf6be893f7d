import express from 'express';
import { existsSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { securityHeaders } from '../../apps/api/src/http/security-headers';
import { ApiHarness, startApi } from '../support/api';

/** The built UI that the API serves (npm test builds it first). */
const DIST = join(__dirname, '../../apps/admin/dist');

/** The defences every answer carries, whatever it is (issue 10, finding 6; ASVS 5.0 V3.4). */
function expectBrowserDefences(what: string, h: Headers): void {
  const csp = h.get('content-security-policy') ?? '';
  const directives = Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
  expect([what, directives]).toEqual([
    what,
    expect.objectContaining({
      'default-src': "'self'",
      'script-src': "'self'",
      'frame-ancestors': "'none'",
      'object-src': "'none'",
      'base-uri': "'self'",
      'form-action': "'self'",
    }),
  ]);
  expect([what, h.get('x-content-type-options')]).toEqual([what, 'nosniff']);
  expect([what, h.get('x-frame-options')]).toEqual([what, 'DENY']);
  expect([what, h.get('referrer-policy')]).toEqual([what, 'no-referrer']);
  expect([what, h.get('permissions-policy')]).toEqual([
    what,
    expect.stringMatching(/camera=\(\).*geolocation=\(\).*microphone=\(\)/),
  ]);
  // Plain HTTP here: HSTS would be ignored by a browser and must not be sent (RFC 6797 §7.2).
  expect([what, h.get('strict-transport-security')]).toEqual([what, null]);
  expect([what, h.get('x-powered-by')]).toEqual([what, null]);
}

describe('browser defences on every answer', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(() => api?.close());

  const get = (path: string, user?: string) =>
    fetch(api.base + path, { headers: user ? { authorization: `Bearer ${api.tokens[user]}` } : {} });
  const asset = () => readdirSync(join(DIST, 'assets')).find((f) => f.endsWith('.js'))!;

  it('the API: a 200, a 401, a 403, a 404, and a refusal of the body parser', async () => {
    const answers: [string, Response, number][] = [
      ['GET /api/me', await get('/api/me', 'clerk'), 200],
      ['GET /api/me without a session', await get('/api/me'), 401],
      ['GET /api/audit/verify as a teacher', await get('/api/audit/verify', 'teacher'), 403],
      ['GET /api/no-such-route', await get('/api/no-such-route', 'clerk'), 404],
      [
        'POST /api/auth/login with broken JSON',
        await fetch(`${api.base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"username":',
        }),
        400,
      ],
    ];
    for (const [what, res, status] of answers) {
      expect([what, res.status]).toEqual([what, status]);
      expectBrowserDefences(what, res.headers);
      expect([what, res.headers.get('cache-control')]).toEqual([what, 'no-store']);
    }
  });

  it('the UI: its page, a client-side route, a static asset; /health; the queue board', async () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    for (const [what, path, status] of [
      ['the UI page', '/', 200],
      ['a client-side route', '/documents', 200],
      ['a static asset', `/assets/${asset()}`, 200],
      ['the health check', '/health', 200],
      ['the queue board without a session', '/admin/queues', 401],
      ['an unknown path that names a file', '/nothing-here.txt', 404],
    ] as const) {
      const res = await get(path);
      expect([what, res.status]).toEqual([what, status]);
      expectBrowserDefences(what, res.headers);
    }
    // The UI's own policy has no inline styles or scripts at all.
    expect((await get('/')).headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('the API docs and the queue board keep their inline styles, and nothing else is loosened', async () => {
    for (const [what, path, user] of [
      ['the API docs', '/api/docs', undefined],
      ['a file of the API docs', '/api/docs/swagger-ui.css', undefined],
      ['the queue board', '/admin/queues', 'director'],
    ] as const) {
      const res = await get(path, user);
      expect([what, res.status]).toEqual([what, 200]);
      expectBrowserDefences(what, res.headers);
      expect([what, res.headers.get('content-security-policy')]).toEqual([
        what,
        expect.stringContaining("style-src 'self' 'unsafe-inline'"),
      ]);
    }
  });

  it('nothing the API answers is kept in a cache: JSON, the CSV export and the printed journal', async () => {
    const csv = await get('/api/registers/registration?format=csv', 'clerk');
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const pdf = await get('/api/registers/registration?format=pdf&from=2026-11-01&to=2026-11-30', 'clerk');
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    for (const [what, res] of [
      ['CSV', csv],
      ['PDF', pdf],
      ['the documents list', await get('/api/documents', 'clerk')],
      ['the docs file, which serve-static would mark cacheable', await get('/api/docs/swagger-ui.css')],
    ] as const) {
      expect([what, res.headers.get('cache-control')]).toEqual([what, 'no-store']);
      expectBrowserDefences(what, res.headers);
    }
    // The UI's assets may be cached: their names change with every build.
    expect((await get(`/assets/${asset()}`)).headers.get('cache-control')).toMatch(/max-age=3600/);
  });

  it('publishes no source maps: the build has none, and asking for one is a 404, not the page', async () => {
    const files = readdirSync(DIST, { recursive: true }).map(String);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    for (const path of [`/assets/${asset()}.map`, '/assets/index.js.map', '/main.tsx.map']) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get('content-type')).not.toMatch(/text\/html/);
    }
  });
});

describe('HSTS: only over HTTPS', () => {
  // The middleware alone, on an app that trusts its proxy as GRIF_TRUST_PROXY makes Grif do.
  let server: ReturnType<ReturnType<typeof express>['listen']>;
  let base: string;
  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', true);
    app.use(securityHeaders());
    app.get('/api/x', (_req, res) => {
      res.setHeader('cache-control', 'public, max-age=600');
      res.json({ ok: true });
    });
    await new Promise<void>((ok) => (server = app.listen(0, '127.0.0.1', () => ok())));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('a request that came over HTTPS gets a year, subdomains included; plain HTTP gets none', async () => {
    const secure = await fetch(`${base}/api/x`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await fetch(`${base}/api/x`);
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('a handler that asks for caching under /api still gets no-store', async () => {
    expect((await fetch(`${base}/api/x`)).headers.get('cache-control')).toBe('no-store');
  });
});
