/** One change of the recorded context between two steps. */
export interface ContextChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

type Flat = Map<string, unknown>;

/** Leaves by dotted path; arrays are one value (a list of items reads best whole). */
function flatten(value: unknown, prefix = '', out: Flat = new Map()): Flat {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from one context to the next, path by path, in the order the paths first appear. */
export function diffContext(before: unknown, after: unknown): ContextChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: ContextChange[] = [];
  for (const [path, v] of b) {
    if (!a.has(path)) changes.push({ path, after: v });
    else if (!same(a.get(path), v)) changes.push({ path, before: a.get(path), after: v });
  }
  for (const [path, v] of a) if (!b.has(path)) changes.push({ path, before: v });
  return changes;
}

/** A deep merge of an event's payload into the context: records merge, anything else replaces. */
function merge(base: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  if (!base || typeof base !== 'object' || Array.isArray(base)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) out[k] = merge(out[k], v);
  return out;
}

/**
 * The context as the history records it, step by step: the creation's payload is the machine's
 * input, each later event's payload what it brought. The engine keeps only the latest snapshot, and
 * replaying the machine would need the facts its guards judged at the time, which the history does
 * not hold; so this is the recorded context, and every value in it is one the chain's hash covers.
 */
export function recordedContexts(payloads: readonly unknown[]): { context: unknown; diff: ContextChange[] }[] {
  let context: unknown = {};
  return payloads.map((p) => {
    const next = merge(context, p ?? {});
    const diff = diffContext(context, next);
    context = next;
    return { context: next, diff };
  });
}
