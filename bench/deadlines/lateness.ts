/** How late a set of alarms rang, in milliseconds after their due times. */
export interface Lateness {
  n: number;
  p50: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (no interpolation: every figure is a lateness that was measured). */
export function lateness(values: readonly number[]): Lateness {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return { n: sorted.length, p50: rank(50), p99: rank(99), max: sorted.at(-1) ?? NaN };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

/**
 * The due times of `n` alarms in one minute: the i-th at `start + i·spread/n`, or all at `start`
 * when `spreadMs` is 0 (the close of a working day, when every For Official Use item falls due at once).
 */
export function dueTimes(start: number, n: number, spreadMs: number): number[] {
  return Array.from({ length: n }, (_, i) => start + Math.floor((i * spreadMs) / n));
}

/** Resolves once `count()` reaches `n`, or with false when `timeoutMs` passed first. */
export async function waitFor(count: () => number, n: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (count() < n) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}
