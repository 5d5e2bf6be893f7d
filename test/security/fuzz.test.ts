import fc from 'fast-check';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { ApiHarness, startApi } from '../support/api';
import { databaseFingerprint } from '../support/database-fingerprint';
import { responseChecker } from '../support/openapi-check';
import {
  edgeHostileBody,
  hostilePathValue,
  hostileQuery,
  hostileValue,
  RawBody,
  resolve,
  shapedBody,
} from './fuzz-inputs';

/**
 * Property-based fuzzing (issue 10, "Prove it"): every write endpoint and every query string of the API, as
 * derived from the running app's own OpenAPI document, gets thousands of random and hostile inputs as every
 * demo user and as nobody. Only 4xx may come back (a query may also be answered), each documented, and the
 * database stays exactly as it was. The bodies sent to a write are invalid by construction (the edge refuses
 * them, or the route's own JSON Schema does), so "nothing written" is strict.
 *
 * FUZZ_SEED=<n> replays a run (a failure prints its seed and the shrunk request); FUZZ_RUNS scales the counts.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.FUZZ_RUNS ?? 1);
const RUNS = { body: Math.ceil(110 * SCALE), bodiless: Math.ceil(30 * SCALE), query: Math.ceil(90 * SCALE) };

type Json = Record<string, any>;
const WRITES = ['post', 'put', 'patch', 'delete'];
/** Routes whose whole purpose is to end the caller's session: fuzzing them would sign the fuzzer out. */
const SIGNS_OUT = /\/logout/;

interface Operation {
  method: string;
  path: string;
  op: Json;
}
interface FuzzRequest {
  user: string | null;
  method: string;
  path: string;
  body?: RawBody;
  headers: Record<string, string>;
}

describe('fuzzing: hostile input anywhere gets a documented 4xx and changes nothing', () => {
  let api: ApiHarness;
  let doc: Json;
  let check: Awaited<ReturnType<typeof responseChecker>>;
  let ajv: Ajv2020;
  /** Real ids by the resource a path names (`documents`, `people`, …), so the inputs reach past "not found". */
  const ids = new Map<string, string[]>();
  let users: (string | null)[];

  beforeAll(async () => {
    api = await startApi();
    doc = await (await fetch(`${api.base}/api/docs-json`)).json();
    check = await responseChecker(api.base);
    ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addSchema({ $id: 'https://grif.invalid/openapi.json', components: doc.components });
    // Something of each kind to aim at: documents stored and issued, a breach case, rooms and people.
    const stored = await api.document('open');
    const issued = await api.issuedDocument();
    const breach = await api.call('teacher', 'POST', '/api/breaches', {
      system: 'grif',
      account: 'teacher',
      discoveredAt: new Date(Date.now() - 1800_000).toISOString(),
      description: 'Менин аккаунтумдан мен кирбеген убакта документ ачылган',
    });
    const rooms = (await api.call('clerk', 'GET', '/api/rooms')).body.map((r: { id: string }) => r.id);
    ids.set('documents', [stored, issued]);
    ids.set('breaches', [breach.body.id]);
    ids.set('rooms', rooms);
    ids.set('people', Object.values(api.ids));
    ids.set('users', Object.values(api.ids));
    users = [null, ...Object.keys(api.tokens)];
    // What the setup started (its notifications on their way) ends before the first "before" is taken.
    for (let last = ''; ;) {
      await api.rt.relay.drain();
      await new Promise((r) => setTimeout(r, 300));
      const now = JSON.stringify(await databaseFingerprint(api.app));
      if (now === last) break;
      last = now;
    }
  });
  afterAll(() => api?.close());

  const operations = (): Operation[] =>
    Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.keys(item).map((method) => ({ method, path, op: item[method] as Json })),
    );

  /** A path of the template: each parameter a real id (mostly) or something hostile. */
  function pathOf(template: string): fc.Arbitrary<string> {
    const parts = template.split(/(\{[^}]+\})/).filter(Boolean);
    const all = [...ids.values()].flat();
    return fc
      .tuple(
        ...parts.map((part, i) => {
          if (!part.startsWith('{')) return fc.constant(part);
          const resource = parts[i - 1]?.split('/').filter(Boolean).pop() ?? '';
          const real = ids.get(resource) ?? all;
          return fc.oneof(
            { weight: 3, arbitrary: fc.constantFrom(...real) },
            { weight: 2, arbitrary: hostilePathValue },
          );
        }),
      )
      .map((p) => p.join(''));
  }

  /** Header values fetch will send (visible ASCII): Idempotency-Key and If-Match, hostile or plausible. */
  const headerValue = fc.oneof(
    fc.uuid(),
    fc.integer({ min: 201, max: 8000 }).map((n) => 'k'.repeat(n)),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x21-\x7e]/g, '')),
    fc.constantFrom('1', '"1"', 'W/"1"', '-1', '1e9', "' OR 1=1 --"),
  );
  function headersOf(op: Json): fc.Arbitrary<Record<string, string>> {
    const names: string[] = (op.parameters ?? []).filter((p: Json) => p.in === 'header').map((p: Json) => p.name);
    return fc
      .tuple(
        ...names.map((n) =>
          fc.option(
            headerValue.map((v) => [n, v] as const),
            { nil: undefined },
          ),
        ),
      )
      .map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined)));
  }

  /** JSON the route's own schema refuses (an edge that let it through would still be answered 400). */
  function invalidJson(op: Json): fc.Arbitrary<RawBody> {
    const schema = op.requestBody.content['application/json'].schema as Json;
    const validate: ValidateFunction = ajv.compile({ $ref: `https://grif.invalid/openapi.json${schema.$ref}` });
    const valid = (v: unknown) => validate(JSON.parse(JSON.stringify(v) ?? 'null'));
    const value = fc.oneof(
      { weight: 3, arbitrary: shapedBody(doc, resolve(doc, schema)) },
      { weight: 1, arbitrary: hostileValue },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    );
    return value
      .filter((v) => v !== undefined && !valid(v))
      .map((v) => ({ label: 'invalid JSON for the contract', body: JSON.stringify(v), headers: {} }));
  }

  function requests(o: Operation, query: boolean): fc.Arbitrary<FuzzRequest> {
    const queryNames: string[] = (o.op.parameters ?? []).filter((p: Json) => p.in === 'query').map((p: Json) => p.name);
    const body = query
      ? fc.constant(undefined)
      : o.op.requestBody
        ? fc.oneof({ weight: 2, arbitrary: edgeHostileBody }, { weight: 3, arbitrary: invalidJson(o.op) })
        : edgeHostileBody;
    return fc
      .record({
        user: fc.constantFrom(...users),
        path: pathOf(o.path),
        query: query ? hostileQuery(queryNames).map((q) => `?${q}`) : fc.constant(''),
        body,
        headers: headersOf(o.op),
      })
      .map(({ user, path, query: q, body: b, headers }) => ({
        user,
        method: o.method.toUpperCase(),
        path: path + q,
        body: b,
        headers,
      }));
  }

  async function send(r: FuzzRequest): Promise<{ status: number; body: unknown }> {
    const res = await fetch(api.base + r.path, {
      method: r.method,
      headers: {
        'content-type': 'application/json',
        ...r.headers,
        ...(r.body?.headers ?? {}),
        ...(r.user ? { authorization: `Bearer ${api.tokens[r.user]}` } : {}),
      },
      body: r.body?.body as BodyInit | undefined,
    });
    const text = await res.text();
    const type = res.headers.get('content-type');
    const body = text && type?.startsWith('application/json') ? JSON.parse(text) : text || undefined;
    // Every answer is one the document promises for this route (an ErrorBody for each refusal).
    check(r.method, r.path, res.status, type, type?.startsWith('application/json') ? body : undefined);
    return { status: res.status, body };
  }

  /** Runs the property over one route and checks the database after; a failure is collected, not thrown, so all show. */
  async function fuzz(o: Operation, query: boolean, runs: number, failures: string[]): Promise<number> {
    const before = await databaseFingerprint(api.app);
    let sent = 0;
    const property = fc.asyncProperty(requests(o, query), async (r) => {
      sent++;
      const { status, body } = await send(r);
      const shown = `${r.user ?? 'anonymous'} ${r.method} ${r.path.slice(0, 200)} ${r.body?.label ?? ''} → ${status} ${JSON.stringify(body)?.slice(0, 300)}`;
      if (status >= 500) throw new Error(`5xx: ${shown}`);
      if (!query && (status < 400 || status >= 500)) throw new Error(`a hostile write was not refused: ${shown}`);
      if (query && status >= 300 && status < 400) throw new Error(`a redirect: ${shown}`);
      // The edge refuses before the session is even read; a hostile header may be what it names first.
      if (r.body?.refusedWith && ![...r.body.refusedWith, 400].includes(status))
        throw new Error(`the edge should have answered ${r.body.refusedWith.join('/')}: ${shown}`);
    });
    try {
      await fc.assert(property, { numRuns: runs, seed: SEED, endOnFailure: true, includeErrorInReport: true });
    } catch (err) {
      // The shrunk request and what came back, with long runs of one character shortened.
      const message = (err as Error).message.replace(
        /(.{1,9}?)\1{15,}/g,
        (run, c: string) => `${c}…×${run.length / c.length}`,
      );
      failures.push(`${o.method.toUpperCase()} ${o.path}: ${message.slice(0, 2500)}`);
    }
    const after = await databaseFingerprint(api.app);
    const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
    if (changed.length) failures.push(`${o.method.toUpperCase()} ${o.path}: wrote to ${changed.join(', ')}`);
    return sent;
  }

  it('every write endpoint (POST, PUT, PATCH, DELETE) refuses hostile bodies, paths and headers with 4xx', async () => {
    const writes = operations().filter((o) => WRITES.includes(o.method) && !SIGNS_OUT.test(o.path));
    expect(writes.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    let sent = 0;
    for (const o of writes) sent += await fuzz(o, false, o.op.requestBody ? RUNS.body : RUNS.bodiless, failures);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1500 * SCALE);
  }, 240_000);

  it('every query string (GET with parameters) answers hostile values with 2xx or a documented 4xx, never 5xx', async () => {
    const reads = operations().filter(
      (o) => o.method === 'get' && (o.op.parameters ?? []).some((p: Json) => p.in === 'query'),
    );
    expect(reads.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    let sent = 0;
    for (const o of reads) sent += await fuzz(o, true, RUNS.query, failures);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(800 * SCALE);
  }, 240_000);
});
