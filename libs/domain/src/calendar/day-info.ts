import { DateTime } from 'luxon';
import { entriesOn } from './calendar-entries';
import type { CalendarEntry, DayInfo, WorkingCalendar } from './working-calendar';

function minusMinutes(hhmm: string, minutes: number): string {
  const total = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) - minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * What `date` (yyyy-MM-dd, in the calendar's zone) is for the school. Which entry wins when several fall
 * on one day: a decreed working day (it exists to override), then a holiday, then a decreed day off, then
 * the working week, then a shortening. A holiday on a weekend stays where it is (since 2025): there is no
 * transfer. A shortened day closes `shortenedMinutes` earlier, a decreed working day too if shortened.
 */
export function dayInfo(cal: WorkingCalendar, date: string): DayInfo {
  const day = DateTime.fromISO(date, { zone: cal.zone });
  if (!day.isValid) throw new RangeError(`not a date: ${date}`);
  const entries = entriesOn(cal, date);
  const find = (kind: CalendarEntry['kind']) => entries.find((e) => e.kind === kind);
  const shortened = find('shortened');
  const named = find('working_holiday');
  const open = (kind: DayInfo['kind'], decisive: CalendarEntry | undefined): DayInfo => ({
    date,
    kind,
    name: (named ?? decisive)?.name ?? null,
    opens: cal.dayStart,
    closes: shortened ? minusMinutes(cal.dayEnd, cal.shortenedMinutes) : cal.dayEnd,
    estimated: Boolean(decisive?.estimated || shortened?.estimated),
  });
  const shut = (kind: DayInfo['kind'], decisive: CalendarEntry | undefined): DayInfo => ({
    date,
    kind,
    name: decisive?.name ?? null,
    opens: null,
    closes: null,
    estimated: Boolean(decisive?.estimated),
  });

  const decreedWorking = find('decreed_working');
  if (decreedWorking) return open('decreed_working', decreedWorking);
  const holiday = find('holiday');
  if (holiday) return shut('holiday', holiday);
  const decreedOff = find('decreed_off');
  if (decreedOff) return shut('decreed_off', decreedOff);
  if (!cal.workingWeekdays.includes(day.weekday)) return shut('weekend', named);
  if (shortened) return open('shortened', shortened);
  return open('working', named);
}

/** One `dayInfo` per day from `from` to `to`, both included (yyyy-MM-dd). */
export function daysBetween(cal: WorkingCalendar, from: string, to: string): DayInfo[] {
  const first = DateTime.fromISO(from, { zone: cal.zone });
  const last = DateTime.fromISO(to, { zone: cal.zone });
  if (!first.isValid || !last.isValid || last < first) throw new RangeError(`not a range of dates: ${from}..${to}`);
  const days: DayInfo[] = [];
  for (let d = first; d <= last; d = d.plus({ days: 1 })) days.push(dayInfo(cal, d.toISODate()!));
  return days;
}

/** A day people work on: working, shortened or decreed working (judged on the date in the calendar's zone). */
export function isWorkingDay(cal: WorkingCalendar, day: DateTime): boolean {
  return dayInfo(cal, day.setZone(cal.zone).toISODate()!).opens !== null;
}
