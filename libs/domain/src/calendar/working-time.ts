import { DateTime } from 'luxon';
import { dayInfo } from './day-info';
import type { WorkingCalendar } from './working-calendar';

/** A calendar with no working day in a whole year is a mistake, not a reason to loop for ever. */
const MAX_IDLE_DAYS = 366;

interface Hours {
  open: DateTime;
  close: DateTime;
}

function atTime(day: DateTime, hhmm: string): DateTime {
  return day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3, 5)), second: 0, millisecond: 0 });
}

/** Opening and closing instants of the local `day`, or null on a day off. */
function hoursOn(cal: WorkingCalendar, day: DateTime): Hours | null {
  const info = dayInfo(cal, day.toISODate()!);
  if (info.opens === null || info.closes === null) return null;
  return { open: atTime(day, info.opens), close: atTime(day, info.closes) };
}

function noWorkingDay(cal: WorkingCalendar, at: Date): RangeError {
  return new RangeError(`calendar ${cal.zone} has no working day within a year of ${at.toISOString()}`);
}

const local = (cal: WorkingCalendar, at: Date) => DateTime.fromJSDate(at, { zone: cal.zone });

/** Inside the opening hours of a working, shortened or decreed working day: [opens, closes). */
export function isWorkingTime(cal: WorkingCalendar, at: Date): boolean {
  const t = local(cal, at);
  const hours = hoursOn(cal, t.startOf('day'));
  return hours !== null && hours.open <= t && t < hours.close;
}

/**
 * "The same working day": the close of the working day `at` falls in.
 * Issued before opening on a working day → that day's close; issued after
 * close or on a day off → the close of the next working day, since nobody can
 * be expected to return a document while the school is shut. A shortened day closes earlier.
 */
export function endOfWorkingDay(cal: WorkingCalendar, at: Date): Date {
  const t = local(cal, at);
  let day = t.startOf('day');
  for (let i = 0; i < MAX_IDLE_DAYS; i++) {
    const hours = hoursOn(cal, day);
    if (hours && t < hours.close) return hours.close.toJSDate();
    day = day.plus({ days: 1 });
  }
  throw noWorkingDay(cal, at);
}

/**
 * `n` working hours after `at` (n ≥ 0, fractions allowed): the clock runs only inside opening hours,
 * from the next working moment on. Work that ends exactly at a close ends at that close, not at the
 * next opening.
 */
export function addWorkingHours(cal: WorkingCalendar, at: Date, n: number): Date {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`working hours must be a number ≥ 0, got ${n}`);
  let remaining = n * 3_600_000;
  let from = local(cal, at);
  let day = from.startOf('day');
  for (let idle = 0; idle < MAX_IDLE_DAYS; idle++) {
    const hours = hoursOn(cal, day);
    const start = hours && (from > hours.open ? from : hours.open);
    if (hours && start && start < hours.close) {
      const available = hours.close.toMillis() - start.toMillis();
      if (remaining <= available) return start.plus({ milliseconds: remaining }).toJSDate();
      remaining -= available;
      idle = -1;
    }
    day = day.plus({ days: 1 });
    from = day;
  }
  throw noWorkingDay(cal, at);
}

/** `at` itself during working time; otherwise the next opening. */
export function nextWorkingMoment(cal: WorkingCalendar, at: Date): Date {
  return addWorkingHours(cal, at, 0);
}

/**
 * `n` working days after `at` (a whole n ≥ 1): on the n-th working day after the local date of `at`
 * (whatever that date is), at the same clock time, clamped into that day's hours — before opening
 * becomes the opening, after closing (or a shortened day's earlier close) becomes the close. So an issue
 * on Tuesday 10:00 for 3 working days is due Friday 10:00; one made Tuesday 20:00 for 1 is due at
 * Wednesday's close, and one made on Saturday 11:00 for 1 is due Monday 11:00.
 */
export function addWorkingDays(cal: WorkingCalendar, at: Date, n: number): Date {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`working days must be a whole number ≥ 1, got ${n}`);
  const t = local(cal, at);
  let day = t.startOf('day');
  let counted = 0;
  for (let idle = 0; idle < MAX_IDLE_DAYS; idle++) {
    day = day.plus({ days: 1 });
    const hours = hoursOn(cal, day);
    if (!hours) continue;
    idle = -1;
    if (++counted < n) continue;
    const sameClock = day.set({ hour: t.hour, minute: t.minute, second: t.second, millisecond: t.millisecond });
    if (sameClock < hours.open) return hours.open.toJSDate();
    if (sameClock > hours.close) return hours.close.toJSDate();
    return sameClock.toJSDate();
  }
  throw noWorkingDay(cal, at);
}
