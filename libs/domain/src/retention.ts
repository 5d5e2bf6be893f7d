/**
 * R-4.1d: when a document of a nomenclature file may be destroyed. A retention period is counted from 1 January of
 * the year after the file's year (the file is closed at the end of its year), so a file of 2021 kept 3 years may
 * go on 1 January 2025. Permanent files (no period) and documents outside the nomenclature never do.
 */
export function destructionEligibleSince(file: { year: number; retentionYears: number | null } | null): string | null {
  if (!file || file.retentionYears == null) return null;
  return `${String(file.year + file.retentionYears + 1).padStart(4, '0')}-01-01`;
}

/** Whether the retention of the file has run out on `day` (yyyy-MM-dd in the school's zone). */
export function retentionRunOut(file: { year: number; retentionYears: number | null } | null, day: string): boolean {
  const since = destructionEligibleSince(file);
  return since != null && since <= day;
}
