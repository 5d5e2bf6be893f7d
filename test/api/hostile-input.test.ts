import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { GrifError } from '@grif/domain';
import { ApiHarness, startApi } from '../support/api';
import { databaseFingerprint } from '../support/database-fingerprint';
import { responseChecker } from '../support/openapi-check';

/**
 * What a probe of main answered with 500 (issue 10, item 1), and the long Idempotency-Key (item 7): each is a
 * clear 4xx with its code, on the open login route and on signed-in routes alike, and nothing is written.
 */
describe('hostile input is refused at the edge: 4xx with a code, nothing written', () => {
  let api: ApiHarness;
  let check: Awaited<ReturnType<typeof responseChecker>>;

  /** A request as an attacker sends it: any bytes, any headers; the answer must still be documented. */
  async function raw(
    user: string | null,
    method: string,
    path: string,
    body?: string | Buffer,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; body: any }> {
    const res = await fetch(api.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(user ? { authorization: `Bearer ${api.tokens[user]}` } : {}),
        'accept-language': 'en',
        ...headers,
      },
      body: body as BodyInit | undefined,
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    check(method, path, res.status, res.headers.get('content-type'), parsed);
    return { status: res.status, body: parsed };
  }

  /** Runs `attempt` and expects the given refusal, with the database exactly as before it. */
  async function refused(
    attempt: () => Promise<{ status: number; body: any }>,
    status: number,
    code: string,
    field?: string,
  ): Promise<void> {
    const before = await databaseFingerprint(api.app);
    const r = await attempt();
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    expect(r.body.message).toEqual(expect.any(String));
    if (field) expect(r.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect(await databaseFingerprint(api.app)).toEqual(before);
  }

  const login = (body?: string | Buffer, headers?: Record<string, string>) =>
    raw(null, 'POST', '/api/auth/login', body, headers);
  const room = (body?: string | Buffer, headers?: Record<string, string>) =>
    raw('clerk', 'POST', '/api/rooms', body, headers);
  const ROOM = JSON.stringify({ name: 'Каб. 7', secure: false });
  const nested = (levels: number) => `{"name":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;

  beforeAll(async () => {
    api = await startApi();
    check = await responseChecker(api.base);
  });
  afterAll(() => api?.close());

  describe('body-parser errors', () => {
    it('a body over 1 MB is 413 PAYLOAD_TOO_LARGE, with its length declared or chunked', async () => {
      const big = JSON.stringify({ username: 'x'.repeat(1_100_000), password: 'y' });
      await refused(() => login(big), 413, 'PAYLOAD_TOO_LARGE');
      await refused(
        () => room(JSON.stringify({ name: 'x'.repeat(1_100_000), secure: false })),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      // A small gzip that inflates past the limit (a zip bomb) is measured after inflating.
      const bomb = gzipSync(JSON.stringify({ name: ' '.repeat(5_000_000), secure: false }));
      expect(bomb.length).toBeLessThan(20_000);
      await refused(() => room(bomb, { 'content-encoding': 'gzip' }), 413, 'PAYLOAD_TOO_LARGE');
    });

    it('an unknown charset or Content-Encoding is 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const creds = JSON.stringify({ username: 'clerk', password: 'whatever-it-is' });
      await refused(
        () => login(creds, { 'content-type': 'application/json; charset=koi8-r' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Type',
      );
      await refused(
        () => login(creds, { 'content-encoding': 'x-unknown' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Encoding',
      );
      await refused(() => room(ROOM, { 'content-encoding': 'compress' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a body that is not JSON on an unsafe method is 415, a cross-site form post among them', async () => {
      await refused(
        () => login('username=clerk&password=x', { 'content-type': 'application/x-www-form-urlencoded' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Content-Type',
      );
      await refused(
        () => room('name=Каб&secure=false', { 'content-type': 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      await refused(() => room(ROOM, { 'content-type': '' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a corrupt gzip body and malformed JSON are 400 MALFORMED_BODY', async () => {
      await refused(() => login(Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }), 400, 'MALFORMED_BODY');
      const truncated = gzipSync(ROOM).subarray(0, 12);
      await refused(() => room(truncated, { 'content-encoding': 'gzip' }), 400, 'MALFORMED_BODY');
      await refused(() => login('{"username":'), 400, 'MALFORMED_BODY');
      await refused(() => room('{"name": "Каб", secure: false}'), 400, 'MALFORMED_BODY');
      // A JSON string at the top is no request body either.
      await refused(() => room('"Каб. 7"'), 400, 'MALFORMED_BODY');
    });

    it('a well-formed gzip body is read as JSON (compression itself is allowed)', async () => {
      const r = await room(gzipSync(ROOM), { 'content-encoding': 'gzip' });
      expect(r.status).toBe(201);
      expect(r.body.name).toBe('Каб. 7');
    });
  });

  describe('control characters', () => {
    it('NUL or another C0 control in a body string or key is 400 CONTROL_CHARACTERS naming it', async () => {
      await refused(
        () => login(JSON.stringify({ username: 'a\u0000', password: 'x' })),
        400,
        'CONTROL_CHARACTERS',
        'username',
      );
      await refused(
        () => login(JSON.stringify({ username: 'clerk', password: 'x', ['k\u0001']: 1 })),
        400,
        'CONTROL_CHARACTERS',
        'k\\u0001',
      );
      await refused(
        () => room(JSON.stringify({ name: 'Каб\u001b[31m', secure: false })),
        400,
        'CONTROL_CHARACTERS',
        'name',
      );
      const doc = await api.document('open', ['CLASSIFY']);
      await refused(
        () =>
          raw(
            'clerk',
            'POST',
            `/api/documents/${doc}/events`,
            JSON.stringify({ type: 'STORE', location: { a: ['x\u0000'] } }),
            {
              'idempotency-key': 'nul-1',
            },
          ),
        400,
        'CONTROL_CHARACTERS',
        'location.a.0',
      );
    });

    it('tab, line feed and carriage return are ordinary text', async () => {
      const r = await room(JSON.stringify({ name: 'Каб.\t8\r\nархив', secure: false }));
      expect(r.status).toBe(201);
    });

    it('NUL in a path parameter or the query string is 400 CONTROL_CHARACTERS naming it', async () => {
      await refused(() => raw('clerk', 'GET', '/api/documents/%00'), 400, 'CONTROL_CHARACTERS', 'id');
      await refused(() => raw('clerk', 'GET', '/api/documents?q=%00'), 400, 'CONTROL_CHARACTERS', 'q');
      await refused(() => raw('clerk', 'GET', '/api/documents?q=a%07b&page=1'), 400, 'CONTROL_CHARACTERS', 'q');
      await refused(() => raw('clerk', 'GET', '/api/registers/issues?st%00atus=x'), 400, 'CONTROL_CHARACTERS');
      await refused(
        () => raw('clerk', 'POST', '/api/rooms/%00/cabinets', JSON.stringify({ name: 'Шкаф' })),
        400,
        'CONTROL_CHARACTERS',
        'id',
      );
      // Before signing in, too: the query string is read before the session.
      await refused(() => raw(null, 'GET', '/api/me?x=%00'), 400, 'CONTROL_CHARACTERS', 'x');
    });
  });

  describe('deep nesting', () => {
    it('JSON nested deeper than 32 levels is 400 TOO_DEEP, before any route (login too)', async () => {
      const deep = '['.repeat(6000) + ']'.repeat(6000);
      await refused(() => login(deep), 400, 'TOO_DEEP');
      await refused(() => room(nested(33)), 400, 'TOO_DEEP');
      // 32 levels are read, and then judged by the route's own contract.
      await refused(() => room(nested(32)), 400, 'VALIDATION_FAILED', 'name');
    });

    it('an event deeper than 32 levels is TOO_DEEP for anyone, on any id, before the document is looked up', async () => {
      const doc = await api.document('open', ['CLASSIFY']);
      const body = `{"type":"STORE","location":${'['.repeat(6000)}${']'.repeat(6000)}}`;
      for (const [user, id] of [
        ['teacher2', doc],
        ['clerk', doc],
        ['clerk', '00000000-0000-0000-0000-000000000000'],
      ])
        await refused(
          () => raw(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `deep-${user}-${id}` }),
          400,
          'TOO_DEEP',
        );
    });

    it('the engine judges visibility and role before it hashes a payload: a stranger gets 404 or 403, not a hash', async () => {
      const doc = await api.document('open', ['CLASSIFY']);
      // A payload canonicalize() cannot serialise: hashing it first would throw a TypeError, not a refusal.
      const unhashable = { location: 10n };
      const send = (user: string) =>
        api.rt.engine.send(doc, 'STORE', unhashable, api.actor(user), { idempotencyKey: `unhashable-${user}` });
      await expect(send('teacher2')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      const asAuditor = send('auditor');
      await expect(asAuditor).rejects.toBeInstanceOf(GrifError);
      await expect(asAuditor).rejects.toMatchObject({ kind: expect.stringMatching(/^(forbidden|not_found)$/) });
      // The clerk may store it: the schema refuses the payload, still before any hash.
      await expect(send('clerk')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    });
  });

  describe('unique keys', () => {
    it('the same nomenclature index in the same year twice is 409 (the repository names it ALREADY_EXISTS)', async () => {
      const file = JSON.stringify({ index: '09-99', title: 'Сынак', year: 2026, retentionYears: 5 });
      expect((await raw('clerk', 'POST', '/api/nomenclature', file)).status).toBe(201);
      await refused(() => raw('clerk', 'POST', '/api/nomenclature', file), 409, 'ALREADY_EXISTS');
    });
  });

  describe('Idempotency-Key', () => {
    const breach = JSON.stringify({
      system: 'grif',
      account: 'teacher',
      discoveredAt: new Date(Date.now() - 1800_000).toISOString(),
      description: 'Менин аккаунтумдан мен кирбеген убакта документ ачылган',
    });

    it('longer than 200 characters is 400 VALIDATION_FAILED naming the header, on a create and on an event', async () => {
      await refused(
        () => raw('teacher', 'POST', '/api/breaches', breach, { 'idempotency-key': 'k'.repeat(8000) }),
        400,
        'VALIDATION_FAILED',
        'Idempotency-Key',
      );
      const doc = await api.document('open', ['CLASSIFY']);
      await refused(
        () =>
          raw('clerk', 'POST', `/api/documents/${doc}/events`, JSON.stringify({ type: 'STORE', location: 'A' }), {
            'idempotency-key': 'k'.repeat(201),
          }),
        400,
        'VALIDATION_FAILED',
        'Idempotency-Key',
      );
    });

    it('with a control character is refused before Grif reads it; 200 characters are fine', async () => {
      // fetch will not even send such a header; Node's HTTP parser answers a bare 400 to one sent by hand.
      const before = await databaseFingerprint(api.app);
      const { port } = new URL(api.base);
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () =>
          socket.end(
            `POST /api/breaches HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${api.tokens.teacher}\r\n` +
              `Content-Type: application/json\r\nIdempotency-Key: key\u0001\r\nContent-Length: ${Buffer.byteLength(breach)}\r\n\r\n${breach}`,
          ),
        );
        let got = '';
        socket.on('data', (d) => (got += d.toString()));
        socket.on('end', () => resolve(got));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(await databaseFingerprint(api.app)).toEqual(before);
      const r = await raw('teacher', 'POST', '/api/breaches', breach, { 'idempotency-key': 'k'.repeat(200) });
      expect(r.status).toBe(201);
    });
  });
});
