import { gzipSync } from 'node:zlib';
import fc from 'fast-check';

/**
 * The hostile inputs of the fuzz suite (issue 10, "Prove it"): what an attacker sends to every route.
 * Generators only; the suite (fuzz.test.ts) decides what to send where and what the answer must be.
 */

type Json = Record<string, any>;

/** SQL that would change a query if a value ever reached the SQL text unescaped, and the placeholders of drivers. */
const SQL = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '" OR ""="',
  '1) OR (1=1',
  "x' UNION SELECT password_hash, null FROM users --",
  "'; select pg_sleep(3); --",
  "' || (select sqlite_version()) || '",
  '?',
  '??',
  '\\?',
  '$1',
  ':name',
  "\\'",
  '%',
  '_',
  '*/ --',
];

/** Text that breaks naive code: right-to-left marks, combining marks, astral planes, lone surrogates, huge numbers. */
const ODD_TEXT = [
  '',
  ' ',
  '\u202Eтекст\u202C',
  'Ы\u0301\u0301\u0301',
  '𝕏𝕐ℤ🧨',
  '\uD800',
  '\uDFFF\uD800',
  '\u2028\u2029',
  '\uFEFF',
  '\uFFFF',
  'NaN',
  '-0',
  '1e309',
  '9007199254740993',
  '0x10',
  'null',
  'undefined',
  'true',
  '[object Object]',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://x")',
  '00000000-0000-0000-0000-000000000000',
  '2026-02-30',
  '9999-12-31T23:59:59Z',
];

/** Keys that pollute prototypes when code merges objects carelessly. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '__defineGetter__'];

/** C0 controls Grif refuses (tab, line feed and carriage return are text). */
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F'];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SQL) },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_TEXT) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 20 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...CONTROLS), fc.string({ maxLength: 8 }))
      .map(([a, c, b]) => a + c + b),
  },
  // Longer than any field allows (the longest is a signature, 20 000), but well under the body limit.
  { weight: 1, arbitrary: fc.integer({ min: 300, max: 25_000 }).map((n) => 'Ж'.repeat(n)) },
);

/**
 * The same without C0 controls: the edge refuses those on sight (CONTROL_CHARACTERS), so most values leave them
 * out to reach the routes' own validation and queries.
 */
// eslint-disable-next-line no-control-regex
export const cleanString = hostileString.map((s) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));

/** An object with own keys as given, `__proto__` included (a literal would set the prototype instead). */
function ownObject(entries: [string, unknown][]): Json {
  const o: Json = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: cleanString },
  { weight: 1, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, -0, 1e308, -1e308, 2 ** 53 + 1, 0.1, 1.5, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
);

/** A value of any JSON type: wrong types for most fields, and prototype-pollution objects. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 6, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString), tie('value')), { maxLength: 4 })
        .map(ownObject),
    },
  ),
})).value;

/** Resolves `#/components/schemas/X` refs of the document, one level at a time. */
export function resolve(doc: Json, schema: Json | undefined): Json {
  let s = schema ?? {};
  for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) s = doc.components.schemas[s.$ref.split('/').pop()!];
  return s;
}

/** Every property name a body schema knows, across the branches of a union (events: one branch per type). */
export function propertiesOf(doc: Json, schema: Json): Map<string, Json> {
  const out = new Map<string, Json>();
  const walk = (s: Json, depth: number) => {
    const r = resolve(doc, s);
    if (depth > 4) return;
    for (const [k, v] of Object.entries((r.properties ?? {}) as Json)) if (!out.has(k)) out.set(k, v as Json);
    for (const branch of [...(r.anyOf ?? []), ...(r.oneOf ?? []), ...(r.allOf ?? [])]) walk(branch, depth + 1);
  };
  walk(schema, 0);
  return out;
}

/** The constants a property may take in some branch (an event's `type`), to come close to valid. */
export function constantsOf(doc: Json, schema: Json, name: string): string[] {
  const out: string[] = [];
  const walk = (s: Json, depth: number) => {
    const r = resolve(doc, s);
    if (depth > 4) return;
    const p = resolve(doc, r.properties?.[name]);
    if (typeof p.const === 'string') out.push(p.const);
    if (Array.isArray(p.enum)) out.push(...p.enum.filter((e: unknown) => typeof e === 'string'));
    for (const branch of [...(r.anyOf ?? []), ...(r.oneOf ?? [])]) walk(branch, depth + 1);
  };
  walk(schema, 0);
  return out;
}

/** A body shaped like the route's contract (its field names, a real event type at times) with hostile values. */
export function shapedBody(doc: Json, schema: Json): fc.Arbitrary<unknown> {
  const props = [...propertiesOf(doc, schema).keys()];
  const fields = props.map((name) => {
    const consts = constantsOf(doc, schema, name);
    const value = consts.length ? fc.oneof(fc.constantFrom(...consts), hostileValue) : hostileValue;
    return fc.option(
      value.map((v) => [name, v] as [string, unknown]),
      { nil: undefined, freq: 4 },
    );
  });
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PROTO_KEYS), hostileString), hostileValue), {
    maxLength: 2,
  });
  return fc
    .tuple(fc.tuple(...fields), extra)
    .map(([own, more]) => ownObject([...own.filter((e): e is [string, unknown] => e !== undefined), ...more]));
}

/** A raw request body and the headers it travels with. */
export interface RawBody {
  label: string;
  body: string | Buffer;
  headers: Record<string, string>;
  /** The edge refuses it whatever the route: the answer is one of these. */
  refusedWith?: readonly number[];
}

const json = { 'content-type': 'application/json' };
const BIG = JSON.stringify({ x: 'Ж'.repeat(600_000) });

/** Bodies the request edge must refuse before any route: the four classes the probe found, and kin. */
export const edgeHostileBody: fc.Arbitrary<RawBody> = fc.oneof(
  fc.integer({ min: 33, max: 12_000 }).map((depth) => ({
    label: `nested ${depth} deep`,
    body: `{"type":${'['.repeat(depth)}${']'.repeat(depth)}}`,
    headers: json,
    refusedWith: [400],
  })),
  fc.integer({ min: 33, max: 3_000 }).map((depth) => ({
    label: `objects nested ${depth} deep`,
    body: `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
    headers: json,
    refusedWith: [400],
  })),
  fc
    .tuple(fc.constantFrom(...PROTO_KEYS, 'username', 'name', 'type'), fc.constantFrom(...CONTROLS), hostileString)
    .map(([key, control, s]) => ({
      label: 'a control character in a string',
      body: JSON.stringify(ownObject([[key, `${s.replace(/[\uD800-\uDFFF]/g, '')}${control}`]])),
      headers: json,
      refusedWith: [400],
    })),
  fc.constantFrom(...CONTROLS).map((control) => ({
    label: 'a control character in a key',
    body: JSON.stringify(ownObject([[`na${control}me`, 'x']])),
    headers: json,
    refusedWith: [400],
  })),
  fc.string({ maxLength: 60 }).map((s) => ({
    label: 'broken JSON',
    // A whole string token and then the end: never valid, whatever `s` holds.
    body: `{"name": ${JSON.stringify(s)}`,
    headers: json,
    refusedWith: [400],
  })),
  fc
    .constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      '',
    )
    .map((type) => ({
      label: `Content-Type ${type || '(empty)'}`,
      body: 'name=x&secure=true',
      headers: { 'content-type': type },
      refusedWith: [415],
    })),
  fc.constantFrom('koi8-r', 'latin1', 'x-unknown', 'utf-7').map((charset) => ({
    label: `charset ${charset}`,
    body: '{"name":"x"}',
    headers: { 'content-type': `application/json; charset=${charset}` },
    refusedWith: [415],
  })),
  fc.constantFrom('compress', 'x-gzip2', 'identity, gzip', 'rar').map((encoding) => ({
    label: `Content-Encoding ${encoding}`,
    body: '{"name":"x"}',
    headers: { ...json, 'content-encoding': encoding },
    refusedWith: [415],
  })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({
    label: 'corrupt gzip',
    body: Buffer.concat([gzipSync('{"name":"x"}').subarray(0, 10), Buffer.from(bytes)]),
    headers: { ...json, 'content-encoding': 'gzip' },
    refusedWith: [400],
  })),
  fc.constant<RawBody>({ label: 'over 1 MB', body: BIG, headers: json, refusedWith: [413] }),
  fc.constant<RawBody>({
    label: 'a gzip bomb',
    body: gzipSync(JSON.stringify({ x: ' '.repeat(3_000_000) })),
    headers: { ...json, 'content-encoding': 'gzip' },
    refusedWith: [413],
  }),
);

/** Percent-encodes every byte of the UTF-8 text (a lone surrogate becomes U+FFFD, as a browser sends it). */
export const percentEncode = (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase().replace(/../g, '%$&');

/** Path parameters: broken escapes go raw, everything else encoded. */
export const hostilePathValue: fc.Arbitrary<string> = fc.oneof(
  // At most 2 000 characters encoded: with an 8 000-character Idempotency-Key the request head stays under Node's
  // 16 KB, past which Node itself answers 431 before Grif sees anything.
  {
    weight: 4,
    arbitrary: hostileString
      .filter((s) => s.length > 0)
      .map(percentEncode)
      .map((e) => e.slice(0, 2000).replace(/%[0-9A-F]?$/i, '')),
  },
  { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '%zz', '%00', '..', '.', '%2F..%2F', '%C0%AE') },
);

/** A query string: the route's own parameters and strangers, with hostile values; repeated keys and bracket keys too. */
export function hostileQuery(names: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    { weight: 4, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant('q') },
    {
      weight: 1,
      arbitrary: fc.constantFrom('__proto__[admin]', 'constructor[prototype][x]', 'a[b][c]', '__proto__', 'x[]'),
    },
    { weight: 1, arbitrary: hostileString.filter((s) => s.length < 200) },
  );
  const value = fc.oneof(
    { weight: 6, arbitrary: cleanString.map(percentEncode) },
    { weight: 1, arbitrary: hostileString.map(percentEncode) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('1', '0', '-1', '1.5', '99999999999999999999', 'csv', 'pdf', 'true', 'ky'),
    },
    { weight: 1, arbitrary: fc.constantFrom('%E0%A4%A', '%', '+', '%2B') },
  );
  // Under 6 KB in all, for the same reason as the path.
  return fc
    .array(fc.tuple(name, value), { minLength: 1, maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${k.startsWith('%') ? k : encodeURIComponentSafe(k)}=${v}`).join('&'))
    .map((q) => (q.length > 6000 ? q.slice(0, 6000).replace(/%[0-9A-F]?$/i, '') : q));
}

/** encodeURIComponent that keeps brackets readable and does not throw on a lone surrogate. */
function encodeURIComponentSafe(s: string): string {
  return /^[\w[\]]+$/.test(s) ? s : percentEncode(s);
}
