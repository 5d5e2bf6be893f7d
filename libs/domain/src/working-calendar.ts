import { DateTime } from 'luxon';

/**
 * The school's working time. For now: hours and working week only; the Kyrgyz
 * holidays, shortened days and decreed transfers plug in through `nonWorkingDates`
 * without changing any caller (working Saturdays by decree will need an addition list too).
 */
export interface WorkingCalendar {
  zone: string;
  /** "HH:mm" in `zone`. */
  dayStart: string;
  dayEnd: string;
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  workingWeekdays: number[];
  /** ISO dates (yyyy-MM-dd) that are not working days even on a working weekday. */
  nonWorkingDates?: string[];
}

export const DEFAULT_CALENDAR: WorkingCalendar = {
  zone: 'Asia/Bishkek',
  dayStart: '08:00',
  dayEnd: '18:00',
  workingWeekdays: [1, 2, 3, 4, 5],
  nonWorkingDates: [],
};

function atTime(day: DateTime, hhmm: string): DateTime {
  const [h, m] = hhmm.split(':').map(Number);
  return day.set({ hour: h, minute: m, second: 0, millisecond: 0 });
}

export function isWorkingDay(cal: WorkingCalendar, day: DateTime): boolean {
  const local = day.setZone(cal.zone);
  return cal.workingWeekdays.includes(local.weekday) && !(cal.nonWorkingDates ?? []).includes(local.toISODate()!);
}

/**
 * "The same working day": the close of the working day `at` falls in.
 * Issued before opening on a working day → that day's close; issued after
 * close or on a day off → the close of the next working day, since nobody can
 * be expected to return a document while the school is shut.
 */
export function endOfWorkingDay(cal: WorkingCalendar, at: Date): Date {
  let day = DateTime.fromJSDate(at, { zone: cal.zone }).startOf('day');
  const atLocal = DateTime.fromJSDate(at, { zone: cal.zone });
  for (let i = 0; i < 366; i++) {
    if (isWorkingDay(cal, day)) {
      const close = atTime(day, cal.dayEnd);
      if (atLocal < close) return close.toJSDate();
    }
    day = day.plus({ days: 1 });
  }
  throw new RangeError(`calendar ${cal.zone} has no working day within a year of ${at.toISOString()}`);
}
