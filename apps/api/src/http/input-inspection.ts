import type { FieldIssue } from '@grif/domain';

/** The deepest JSON a request may nest: the contracts need 4 levels; anything near 32 is an attack, not a form. */
export const MAX_JSON_DEPTH = 32;

/** Issues named in one answer: enough to find each, not a second copy of a hostile body. */
const MAX_ISSUES = 10;

/**
 * NUL and the other C0 controls except tab, line feed and carriage return. No screen of Grif needs them, and
 * a NUL ends the SQL text SQLite reads (the ORM writes values into it, docs/security.md "Input").
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

/** The first control character of `s`, as U+XXXX, or null. */
export function controlCharacterIn(s: string): string | null {
  const m = CONTROL.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/** A name that is safe to echo back: control characters shown as \uXXXX, long names cut. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const shown = name.replace(/[\u0000-\u001F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > 80 ? `${shown.slice(0, 80)}…` : shown;
}

/** A string's control character as a field issue, or null. */
export function controlIssue(field: string, value: string, what = 'contains'): FieldIssue | null {
  const found = controlCharacterIn(value);
  return found ? { field: printable(field), message: `${what} a control character (${found})` } : null;
}

export type JsonInspection = { tooDeep: true } | { tooDeep: false; controls: FieldIssue[] };

/**
 * One pass over a parsed JSON value, with an explicit stack rather than recursion (a hostile body must not
 * be able to overflow ours): too deep beyond `maxDepth`, else every string value and key holding a control
 * character, named by its path the way validation names fields (`items.0.note`).
 */
export function inspectJson(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonInspection {
  const controls: FieldIssue[] = [];
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: '', depth: 0 }];
  const note = (issue: FieldIssue | null) => {
    if (issue && controls.length < MAX_ISSUES) controls.push(issue);
  };
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') note(controlIssue(path || '(body)', v));
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > maxDepth) return { tooDeep: true };
    const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
    for (const [k, x] of entries) {
      const at = path ? `${path}.${k}` : k;
      if (!Array.isArray(v)) note(controlIssue(at, k, 'has a name with'));
      stack.push({ v: x, path: at, depth: depth + 1 });
    }
  }
  return { tooDeep: false, controls };
}
