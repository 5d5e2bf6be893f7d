import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { DEMO_PASSWORD } from '../../apps/api/src/identity/demo-school';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { GrifOptions, Harness, REGISTRATION, startGrif, withDemoSchool } from './harness';
import { createTestDatabase } from './test-database';
import { responseChecker } from './openapi-check';

export interface ApiHarness extends Harness {
  app: INestApplication;
  base: string;
  /** Bearer tokens of the demo users, by username. */
  tokens: Record<string, string>;
  /** A cabinet of a secure room, made at start-up. */
  secureCabinetId: string;
  call(
    user: string | null,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Record<string, string> }>;
  /** Registers a document as the clerk and walks it with the given events (each with a fresh key). */
  document(classification?: string, steps?: ('CLASSIFY' | 'STORE')[]): Promise<string>;
  /** A stored document of that mark, issued by the clerk to the (cleared) teacher. */
  issuedDocument(classification?: string): Promise<string>;
}

/** What the request helpers need of an API: the in-process harness, or a client of API processes (test/chaos). */
export type ApiClient = Pick<ApiHarness, 'base' | 'tokens' | 'ids' | 'secureCabinetId' | 'call'>;

/** The real HTTP app (ApiModule, as main starts it) on an ephemeral port over a real database and Redis. */
export async function startApi(opts: GrifOptions = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const { rt, app } = await startGrif('api', db.settings, opts);
  const h = await withDemoSchool(db, rt, app.get(IdentityService));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const checkResponse = await responseChecker(base);
  const tokens: Record<string, string> = {};
  let n = 0;
  const call: ApiHarness['call'] = async (user, method, path, body, headers = {}) => {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(user ? { authorization: `Bearer ${tokens[user]}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    checkResponse(method, path, res.status, res.headers.get('content-type'), parsed);
    const answered: Record<string, string> = {};
    res.headers.forEach((v, k) => (answered[k] = v));
    // Not enumerable: the suites compare {status, body} with toEqual.
    return Object.defineProperty({ status: res.status, body: parsed }, 'headers', {
      value: answered,
      enumerable: false,
    }) as { status: number; body: any; headers: Record<string, string> };
  };
  for (const u of Object.keys(h.ids)) {
    const r = await call(null, 'POST', '/api/auth/login', { username: u, password: DEMO_PASSWORD });
    tokens[u] = r.body.token;
  }
  // A secure room with a cabinet, and the teacher cleared for classified documents;
  // teacher2 deliberately has no clearance.
  const room = await call('clerk', 'POST', '/api/rooms', { name: 'Каб. 12 (архив)', secure: true });
  const cabinet = await call('clerk', 'POST', `/api/rooms/${room.body.id}/cabinets`, { name: 'Шкаф 1' });
  for (const kind of ['nda', 'briefing'])
    await call('security', 'POST', `/api/people/${h.ids.teacher}/clearances`, { kind, date: '2026-09-02' });
  const document: ApiHarness['document'] = async (classification = 'open', steps = ['CLASSIFY', 'STORE']) => {
    const r = await call('clerk', 'POST', '/api/documents', REGISTRATION);
    if (r.status !== 201) throw new Error(`register: ${r.status} ${JSON.stringify(r.body)}`);
    const payloads = { CLASSIFY: { classification }, STORE: { cabinetId: cabinet.body.id } };
    for (const s of steps) {
      const e = await call(
        'clerk',
        'POST',
        `/api/documents/${r.body.id}/events`,
        { type: s, ...payloads[s] },
        { 'idempotency-key': `setup-${++n}-${r.body.id}` },
      );
      if (e.status !== 200) throw new Error(`${s}: ${e.status} ${JSON.stringify(e.body)}`);
    }
    return r.body.id as string;
  };
  const issuedDocument: ApiHarness['issuedDocument'] = async (classification = 'official_use') => {
    const id = await document(classification);
    const r = await call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ISSUE', holderId: h.ids.teacher, purpose: 'иш' },
      { 'idempotency-key': `setup-${++n}-${id}` },
    );
    if (r.status !== 200) throw new Error(`ISSUE: ${r.status} ${JSON.stringify(r.body)}`);
    return id;
  };
  return {
    ...h,
    app,
    issuedDocument,
    secureCabinetId: cabinet.body.id,
    base,
    tokens,
    call,
    document,
    close: () => h.close(),
  };
}

/** Another school of the install, as a district adds one, with one administrator who signs in with the demo password. */
export function anotherSchoolWithAdmin(
  api: Pick<ApiHarness, 'identity'>,
  name: string,
  username: string,
): Promise<{ schoolId: string; users: Record<string, string> }> {
  return api.identity.createSchool(name, [
    {
      username,
      displayName: `${name}: администратор`,
      password: DEMO_PASSWORD,
      roles: [{ role: 'admin', orderNumber: '№1-к', orderDate: '2026-09-01' }],
    },
  ]);
}

/** Polls until `check` returns a value (not undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, stepMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

let sent = 0;
/** A document event through the API, as `user`, with a fresh idempotency key. */
export function sendEvent(api: ApiClient, user: string, id: string, body: object) {
  return api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `event-${++sent}-${id}` });
}
