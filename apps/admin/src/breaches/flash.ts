import type { BreachReported } from '../types';

/**
 * The answer to a report, carried to the case's page: its number, and whether it came late.
 * Kept in memory only: a reload does not repeat it.
 */
let justReported: BreachReported | undefined;

export function rememberReport(r: BreachReported): void {
  justReported = r;
}

/** The report of this case, if it was made just now (read without clearing: StrictMode renders twice). */
export function reportOf(id: string): BreachReported | undefined {
  return justReported?.id === id ? justReported : undefined;
}

export function forgetReport(id: string): void {
  if (justReported?.id === id) justReported = undefined;
}
