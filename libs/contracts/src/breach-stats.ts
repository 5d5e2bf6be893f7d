import { z } from 'zod';
import { BREACH_CAUSES } from '@grif/domain';

const isoDate = z.iso.date().describe('yyyy-MM-dd, a day in Asia/Bishkek');

/** Both ends are days: only then is their order and distance worth a word (a bad day is named alone). */
const bothDays = (q: { from: unknown; to: unknown }) =>
  isoDate.safeParse(q.from).success && isoDate.safeParse(q.to).success;

/** `GET /api/breaches/stats?from&to`: the cases reported from the start of `from` to the end of `to`, at most ten years. */
export const breachStatsQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => !bothDays(q) || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => !bothDays(q) || Date.parse(q.to) - Date.parse(q.from) <= 3653 * 86_400_000, {
    message: 'at most ten years at once',
    path: ['to'],
  });
export type BreachStatsQuery = z.infer<typeof breachStatsQuerySchema>;

const count = z.int().min(0);

/** Statistics of credential-breach cases over a period: the table and the chart of the officer's report. */
export const breachStatsSchema = z
  .object({
    cases: count.describe('cases reported in the period (Asia/Bishkek days, both ends included)'),
    late: count.describe('of them, reported later than one working day after discovery (R-5.2.3)'),
    medianHoursToContainment: z
      .number()
      .min(0)
      .nullable()
      .describe(
        'median time from the report to containment (a Grif account shut, or the portal reset confirmed), in hours to one decimal, over those contained; null when none was',
      ),
    byCause: z
      .object(
        Object.fromEntries(BREACH_CAUSES.map((c) => [c, count])) as Record<
          (typeof BREACH_CAUSES)[number],
          typeof count
        >,
      )
      .describe('investigated cases by the cause found (R-5.2.1: shared_credentials); every cause, 0 included'),
  })
  .meta({ id: 'BreachStats' });
export type BreachStats = z.infer<typeof breachStatsSchema>;
