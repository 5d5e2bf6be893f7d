import { DateTime, Duration } from 'luxon';
import { z } from 'zod';
import { addWorkingDays, endOfWorkingDay, nextWorkingMoment } from './calendar';
import type { WorkingCalendar } from './calendar';
import type { Classification } from './classification';

/** An ISO-8601 duration of wall-clock time, longer than nothing and at most a month ("PT30M", "PT5S", "P1D"). */
const positiveDuration = z.string().refine((s) => {
  const d = Duration.fromISO(s);
  return d.isValid && d.toMillis() > 0 && d.toMillis() <= 31 * 86_400_000;
}, 'an ISO-8601 duration such as PT30M, longer than zero and at most P31D');

/** How the ladder of an issued item climbs; the director of each school sets it. */
export const DeadlineSettingsSchema = z.strictObject({
  /** How long before the due time the holder is reminded. */
  reminderBefore: positiveDuration,
  /** When the director hears of an item still out: the opening of the next working day after it fell due, or after a duration. */
  directorAfter: z.union([z.literal('next_working_day'), positiveDuration]),
  /** Working days an item other than For Official Use is issued for when the clerk names no time. */
  defaultReturnDays: z.int().min(1).max(60),
});
export type DeadlineSettings = z.infer<typeof DeadlineSettingsSchema>;

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  reminderBefore: 'PT30M',
  directorAfter: 'next_working_day',
  defaultReturnDays: 3,
};

/** How a due time was set, so a calendar change can set it again the same way. */
export type DueBasis = 'end_of_working_day' | 'working_days' | 'chosen';

export interface ReturnTerms {
  dueAt: string | null;
  basis: DueBasis | 'none';
  /** R-4.2.3's limit for a For Official Use item; a clerk may choose earlier, never later. */
  latest: string | null;
}

/**
 * When an item issued at `issuedAt` is due back.: For Official Use by the close of the working day it
 * was issued on; issued after the close or on a day off, by the close of the next working day (nobody can return
 * anything while the school is shut). Other restricted marks: the default number of working days, unless the clerk
 * chose a time. Open documents have no due time unless one is chosen.
 */
export function returnTerms(
  cal: WorkingCalendar,
  settings: DeadlineSettings,
  mark: Classification | null,
  issuedAt: Date,
  chosen?: string | null,
): ReturnTerms {
  const latest = mark === 'official_use' ? endOfWorkingDay(cal, issuedAt).toISOString() : null;
  if (chosen) return { dueAt: new Date(chosen).toISOString(), basis: 'chosen', latest };
  if (latest) return { dueAt: latest, basis: 'end_of_working_day', latest };
  if (mark && mark !== 'open')
    return {
      dueAt: addWorkingDays(cal, issuedAt, settings.defaultReturnDays).toISOString(),
      basis: 'working_days',
      latest: null,
    };
  return { dueAt: null, basis: 'none', latest: null };
}

/** The due time of a running issue on a (changed) calendar; a chosen time stays, within R-4.2.3's limit. */
export function recomputeDue(
  cal: WorkingCalendar,
  settings: DeadlineSettings,
  mark: Classification | null,
  issuedAt: string,
  basis: DueBasis,
  dueAt: string,
): string {
  const terms = returnTerms(cal, settings, mark, new Date(issuedAt), basis === 'chosen' ? dueAt : null);
  if (basis === 'chosen' && terms.latest && terms.latest < dueAt) return terms.latest;
  return terms.dueAt ?? dueAt;
}

/** When the holder is reminded: `reminderBefore` ahead of the due time, or never if that moment is already past. */
export function reminderAt(settings: DeadlineSettings, issuedAt: string, dueAt: string): string | null {
  const at = new Date(new Date(dueAt).getTime() - Duration.fromISO(settings.reminderBefore).toMillis());
  return at.getTime() > new Date(issuedAt).getTime() ? at.toISOString() : null;
}

/** When the director is told of an item still out after `dueAt`. */
export function directorAt(cal: WorkingCalendar, settings: DeadlineSettings, dueAt: string): string {
  const due = new Date(dueAt);
  if (settings.directorAfter !== 'next_working_day')
    return new Date(due.getTime() + Duration.fromISO(settings.directorAfter).toMillis()).toISOString();
  const nextDay = DateTime.fromJSDate(due, { zone: cal.zone }).startOf('day').plus({ days: 1 });
  return nextWorkingMoment(cal, nextDay.toJSDate()).toISOString();
}
