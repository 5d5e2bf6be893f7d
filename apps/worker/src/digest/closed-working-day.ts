import { DateTime } from 'luxon';
import { dayInfo, WorkingCalendar } from '@grif/domain';

/**
 * The working day whose end-of-day list is due at `at`: today (yyyy-MM-dd in the calendar's zone)
 * once today's working hours have closed (a shortened day closes earlier), until midnight. Null on a
 * day off and before the close. A worker that is down from the close until midnight sends no list
 * for that day; the next day's list still names whatever is still out.
 */
export function closedWorkingDay(cal: WorkingCalendar, at: Date): string | null {
  const now = DateTime.fromJSDate(at, { zone: cal.zone });
  const date = now.toISODate()!;
  const closes = dayInfo(cal, date).closes;
  if (closes === null) return null;
  const close = DateTime.fromISO(`${date}T${closes}`, { zone: cal.zone });
  return now >= close ? date : null;
}
