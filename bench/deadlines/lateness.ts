/** How late a set of alarms rang, in milliseconds after their due times. */
export interface Lateness {
  /** Alarms that rang. */
  n: number;
  /** Alarms that had not rung when the run stopped waiting. */
  unfinished: number;
  p50: Figure;
  p99: Figure;
  max: Figure;
}

/** A lateness, or only a lower bound of it when it belongs to an alarm that had not rung yet. */
export interface Figure {
  ms: number;
  atLeast: boolean;
}

/**
 * Nearest-rank percentiles (no interpolation: every figure is a lateness that was measured). An alarm
 * still waiting counts with how late it was when the run stopped: a lower bound, so a percentile at or
 * above the first such one is only known to be at least that.
 */
export function lateness(rang: readonly number[], waiting: readonly number[] = []): Lateness {
  const all = [...rang.map((ms) => ({ ms, bound: false })), ...waiting.map((ms) => ({ ms, bound: true }))].sort(
    (a, b) => a.ms - b.ms || Number(a.bound) - Number(b.bound),
  );
  const firstBound = all.findIndex((v) => v.bound);
  const at = (i: number): Figure =>
    i < 0 || i >= all.length
      ? { ms: NaN, atLeast: false }
      : { ms: all[i].ms, atLeast: firstBound >= 0 && i >= firstBound };
  const rank = (p: number) => at(Math.max(0, Math.ceil((p / 100) * all.length) - 1));
  return { n: rang.length, unfinished: waiting.length, p50: rank(50), p99: rank(99), max: at(all.length - 1) };
}

export const shown = (f: Figure) => `${f.atLeast ? '≥' : ''}${seconds(f.ms)}`;

export const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The due times of `n` alarms in one minute: the i-th at `start + i·spread/n`, or all at `start`
 * when `spreadMs` is 0 (the close of a working day, when every For Official Use item falls due at once).
 */
export function dueTimes(start: number, n: number, spreadMs: number): number[] {
  return Array.from({ length: n }, (_, i) => start + Math.floor((i * spreadMs) / n));
}

/** Resolves once `count()` reaches `n`, or with false when `timeoutMs` passed first. */
export async function waitFor(
  count: () => number | Promise<number>,
  n: number,
  timeoutMs: number,
  everyMs = 100,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while ((await count()) < n) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return true;
}
