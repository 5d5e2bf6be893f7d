import { DateTime } from 'luxon';

/** The calendar date of an instant in the school's zone, and the instant that date ends (the next one begins). */
export function schoolDay(at: Date, zone: string): { date: string; endsAt: Date } {
  const start = DateTime.fromJSDate(at, { zone }).startOf('day');
  return { date: start.toISODate()!, endsAt: start.plus({ days: 1 }).toJSDate() };
}
