import { BreachCaseRecord } from '../entities';
import type { WriteTransactions } from '../write-transactions';

/** The raw figures of the cases reported in a period; the service turns them into the statistics. */
export interface BreachPeriodFigures {
  cases: number;
  late: number;
  /** Investigated cases by the cause found. */
  byCause: Record<string, number>;
  /** For each contained case, the hours from its report to its containment. */
  hoursToContainment: number[];
}

/** Statistics of credential-breach cases, from their query model (`breach_cases`). */
export class BreachStatistics {
  constructor(private readonly tx: WriteTransactions) {}

  /** The cases of one school reported from `from` (included) to `until` (excluded), both ISO instants. */
  async reportedBetween(schoolId: string, from: string, until: string): Promise<BreachPeriodFigures> {
    const rows = await this.tx
      .reader()
      .find(
        BreachCaseRecord,
        { schoolId, reportedAt: { $gte: from, $lt: until } },
        { fields: ['id', 'late', 'cause', 'reportedAt', 'containedAt'], disableIdentityMap: true },
      );
    const byCause: Record<string, number> = {};
    const hoursToContainment: number[] = [];
    for (const r of rows) {
      if (r.cause) byCause[r.cause] = (byCause[r.cause] ?? 0) + 1;
      if (r.containedAt) hoursToContainment.push((Date.parse(r.containedAt) - Date.parse(r.reportedAt)) / 3600_000);
    }
    return { cases: rows.length, late: rows.filter((r) => r.late).length, byCause, hoursToContainment };
  }
}
