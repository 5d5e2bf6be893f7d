import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** Every stored hash depends on this text: it must be exactly what the `canonicalize` package (RFC 8785) prints. */
describe('canonicalJson', () => {
  const reference = (v: unknown) => canonicalize(v) ?? '';

  it('prints any JSON value as canonicalize does', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it('prints objects with keys of any characters, in any order, as canonicalize does', () => {
    const key = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: 'binary' }),
      fc.nat().map(String),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string({ unit: 'binary' }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node')),
        fc.dictionary(key, tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['keys out of order, nested', { b: 1, a: { d: [{ z: 1, y: 2 }], c: 'к' } }],
    ['keys that look like array indexes', { b: 1, 10: 'x', 2: 'y', a: { 1: true } }],
    ['a key "__proto__" as JSON.parse makes it', JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}')],
    ['keys sorted by UTF-16 code units, not code points', { '\u{1F600}': 1, '\uFB33': 2, é: 3, e: 4 }],
    ['numbers as ECMAScript prints them', { n: [-0, 1e21, 1e-7, 0.1 + 0.2, 2 ** 53, -1.5e-300] }],
    ['undefined left out of objects, null in arrays', { a: undefined, b: [undefined, 1] }],
    ['a date, by its toJSON', { at: new Date(Date.UTC(2026, 10, 28)) }],
    // eslint-disable-next-line no-sparse-arrays
    ['an array with a hole', { a: [1, , 3] }],
    ['already canonical', { a: [1, { b: 'в', c: null }], d: true }],
  ])('%s', (_, v) => {
    expect(canonicalJson(v)).toBe(reference(v));
  });

  it('sorts a copy, leaving the value it was given as it was', () => {
    const unsorted = { b: 1, a: 2 };
    expect(canonicalJson(unsorted)).toBe('{"a":2,"b":1}');
    expect(Object.keys(unsorted)).toEqual(['b', 'a']);
  });

  it('refuses what JCS refuses, as canonicalize does', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(/Infinity/);
  });
});
