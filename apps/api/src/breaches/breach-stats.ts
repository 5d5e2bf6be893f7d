import { BREACH_CAUSES } from '@grif/domain';
import type { BreachStats } from '@grif/contracts';
import type { BreachPeriodFigures } from '@grif/persistence';

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A period's figures as the statistics answer them: every cause listed (0 included), hours to one decimal. */
export function breachStats(f: BreachPeriodFigures): BreachStats {
  const m = median(f.hoursToContainment);
  return {
    cases: f.cases,
    late: f.late,
    medianHoursToContainment: m === null ? null : Math.round(Math.max(0, m) * 10) / 10,
    byCause: Object.fromEntries(BREACH_CAUSES.map((c) => [c, f.byCause[c] ?? 0])) as BreachStats['byCause'],
  };
}
