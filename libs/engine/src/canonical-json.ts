import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) text of a JSON value: byte for byte what the `canonicalize` package gives, which stays the
 * reference (the spec checks the two agree on generated values) and takes every value this path does not.
 *
 * Why not only the package: it sorts and serialises each key and value into a new string, and every step hashes
 * its event and its request this way. Measured on the hot path it was ~9 % of a step's main-thread CPU. Here a
 * value whose objects already list their keys in sorted order (the event's envelope is built so) goes to V8's own
 * JSON.stringify as it is; any other object is copied once with its keys sorted. JCS's strings and numbers are
 * ECMAScript's JSON.stringify's, so only the key order and what JSON.stringify would quietly change differ.
 */
export function canonicalJson(value: unknown): string {
  const prepared = sortedForJson(value);
  if (prepared === UNSUPPORTED) return canonicalize(value) ?? '';
  return JSON.stringify(prepared) ?? '';
}

const UNSUPPORTED = Symbol('left to canonicalize');

/**
 * The value with every object's keys in JCS order (the same value when they already are), or UNSUPPORTED for what
 * JSON.stringify would not print as JCS does: a key that looks like an array index (V8 lists those first, in
 * numeric order) or "__proto__" (a copy could not hold it as a key), a number that is not finite (JCS refuses it),
 * a function, an array with a hole, or anything with `toJSON`. The copy is a plain object: one with no prototype
 * took V8's JSON.stringify off its fast path, twice as slow.
 */
function sortedForJson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : UNSUPPORTED;
  if (typeof value === 'function') return UNSUPPORTED;
  if (value === null || typeof value !== 'object') return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return UNSUPPORTED;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      // A hole: canonicalize leaves it out, JSON.stringify prints null.
      if (!(i in value)) return UNSUPPORTED;
      const item = sortedForJson(value[i]);
      if (item === UNSUPPORTED) return UNSUPPORTED;
      if (item !== value[i]) (copy ??= value.slice())[i] = item;
    }
    return copy ?? value;
  }
  const keys = Object.keys(value);
  let inOrder = true;
  for (let i = 0; i < keys.length; i++) {
    const first = keys[i].charCodeAt(0);
    if ((first >= 0x30 && first <= 0x39 && INDEX_LIKE.test(keys[i])) || keys[i] === '__proto__') return UNSUPPORTED;
    if (i > 0 && keys[i - 1] > keys[i]) inOrder = false;
  }
  const record = value as Record<string, unknown>;
  let changed = !inOrder;
  const values: unknown[] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const item = sortedForJson(record[keys[i]]);
    if (item === UNSUPPORTED) return UNSUPPORTED;
    values[i] = item;
    if (item !== record[keys[i]]) changed = true;
  }
  if (!changed) return value;
  const order = keys.map((_, i) => i);
  // JavaScript's default comparison of strings is by UTF-16 code units, as JCS sorts.
  if (!inOrder) order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
  const copy: Record<string, unknown> = {};
  for (const i of order) copy[keys[i]] = values[i];
  return copy;
}

/** A key V8 would enumerate before the others (a canonical array index, up to 2³² − 2). */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;
