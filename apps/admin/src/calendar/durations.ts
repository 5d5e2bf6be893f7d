/**
 * The ladder's durations are ISO-8601 ("PT30M", "PT5S", "P1D"); a director reads and writes them as a
 * number and a unit. Anything the API accepts maps to one unit (the largest that divides it exactly).
 */
export const DURATION_UNITS = ['days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
const SECONDS: Record<DurationUnit, number> = { days: 86_400, hours: 3_600, minutes: 60, seconds: 1 };

export interface Amount {
  n: number;
  unit: DurationUnit;
}

/** "PT1H30M" → 90 minutes; undefined when it is not a plain day/hour/minute/second duration. */
export function parseDuration(iso: string): Amount | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!m || iso === 'P' || iso.endsWith('T')) return undefined;
  const total = Number(m[1] ?? 0) * 86_400 + Number(m[2] ?? 0) * 3_600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  if (!Number.isInteger(total) || total <= 0) return undefined;
  const unit = DURATION_UNITS.find((u) => total % SECONDS[u] === 0) ?? 'seconds';
  return { n: total / SECONDS[unit], unit };
}

/** 90 minutes → "PT90M"; 1 day → "P1D". */
export function formatDuration({ n, unit }: Amount): string {
  switch (unit) {
    case 'days':
      return `P${n}D`;
    case 'hours':
      return `PT${n}H`;
    case 'minutes':
      return `PT${n}M`;
    case 'seconds':
      return `PT${n}S`;
  }
}
