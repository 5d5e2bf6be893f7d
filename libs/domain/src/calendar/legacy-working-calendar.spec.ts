import { DateTime } from 'luxon';
import { DEFAULT_CALENDAR, endOfWorkingDay, isWorkingDay, type WorkingCalendar } from '.';

// Expected values are written out in UTC by hand (Asia/Bishkek is UTC+6 all year),
// so the tests do not reuse the zone arithmetic they are checking.
// Week of 2026-11-23: Mon 23, Tue 24, … Fri 27, Sat 28, Sun 29, Mon 30.

/** An instant given as Bishkek wall-clock time, e.g. bishkek('2026-11-24T10:00'). */
const bishkek = (local: string): Date => new Date(`${local}:00.000+06:00`);
const close = (cal: WorkingCalendar, at: Date): string => endOfWorkingDay(cal, at).toISOString();

describe('endOfWorkingDay: "return the same working day" (R-4.2.3), 08:00–18:00 Asia/Bishkek, Mon–Fri', () => {
  it.each([
    ['Tuesday 10:00 → Tuesday 18:00', '2026-11-24T10:00', '2026-11-24T12:00:00.000Z'],
    ['Tuesday 17:59 → still Tuesday 18:00', '2026-11-24T17:59', '2026-11-24T12:00:00.000Z'],
    ['Tuesday 07:30, before opening → Tuesday 18:00', '2026-11-24T07:30', '2026-11-24T12:00:00.000Z'],
    ['Tuesday 00:00 → Tuesday 18:00', '2026-11-24T00:00', '2026-11-24T12:00:00.000Z'],
    ['Tuesday 18:00, at the close → Wednesday 18:00', '2026-11-24T18:00', '2026-11-25T12:00:00.000Z'],
    ['Tuesday 21:15 → Wednesday 18:00', '2026-11-24T21:15', '2026-11-25T12:00:00.000Z'],
    ['Friday 18:30 → Monday 18:00', '2026-11-27T18:30', '2026-11-30T12:00:00.000Z'],
    ['Saturday 10:00 → Monday 18:00', '2026-11-28T10:00', '2026-11-30T12:00:00.000Z'],
    ['Sunday 23:59 → Monday 18:00', '2026-11-29T23:59', '2026-11-30T12:00:00.000Z'],
  ])('%s', (_, local, expected) => {
    expect(close(DEFAULT_CALENDAR, bishkek(local))).toBe(expected);
  });

  it('reads the day in Bishkek, not UTC: Monday 20:00Z is Tuesday 02:00 local → Tuesday 18:00', () => {
    expect(close(DEFAULT_CALENDAR, new Date('2026-11-23T20:00:00.000Z'))).toBe('2026-11-24T12:00:00.000Z');
  });

  it('skips a date listed in nonWorkingDates', () => {
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, nonWorkingDates: ['2026-11-25'] };
    // Issued after Tuesday's close: Wednesday is a holiday, so Thursday's close.
    expect(close(cal, bishkek('2026-11-24T18:30'))).toBe('2026-11-26T12:00:00.000Z');
    // Issued during the holiday itself.
    expect(close(cal, bishkek('2026-11-25T10:00'))).toBe('2026-11-26T12:00:00.000Z');
  });

  it('skips a holiday and the weekend after it, across the new year (without the shipped Kyrgyz dates)', () => {
    // Thu 31 Dec 2026 after the close; Fri 1 Jan 2027 is a holiday; Sat, Sun off.
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, nationalCalendar: 'none', nonWorkingDates: ['2027-01-01'] };
    expect(close(cal, bishkek('2026-12-31T19:00'))).toBe('2027-01-04T12:00:00.000Z');
  });

  it('uses the calendar hours, not fixed ones', () => {
    const shortDay: WorkingCalendar = { ...DEFAULT_CALENDAR, dayEnd: '13:30' };
    expect(close(shortDay, bishkek('2026-11-24T10:00'))).toBe('2026-11-24T07:30:00.000Z');
    expect(close(shortDay, bishkek('2026-11-24T14:00'))).toBe('2026-11-25T07:30:00.000Z');
  });

  it('throws instead of looping when the calendar has no working day', () => {
    const never: WorkingCalendar = { ...DEFAULT_CALENDAR, workingWeekdays: [] };
    expect(() => endOfWorkingDay(never, bishkek('2026-11-24T10:00'))).toThrow(RangeError);
  });
});

describe('isWorkingDay (R-4.2.3 working days), Asia/Bishkek', () => {
  it.each([
    ['Monday', '2026-11-23T10:00', true],
    ['Tuesday', '2026-11-24T10:00', true],
    ['Friday', '2026-11-27T10:00', true],
    ['Saturday', '2026-11-28T10:00', false],
    ['Sunday', '2026-11-29T10:00', false],
  ])('%s → %s', (_, local, expected) => {
    expect(isWorkingDay(DEFAULT_CALENDAR, DateTime.fromJSDate(bishkek(local)))).toBe(expected);
  });

  it('judges the Bishkek date of a DateTime in another zone', () => {
    // Friday 20:00 UTC is already Saturday 02:00 in Bishkek; Sunday 20:00 UTC is Monday 02:00.
    expect(isWorkingDay(DEFAULT_CALENDAR, DateTime.fromISO('2026-11-27T20:00:00Z', { zone: 'utc' }))).toBe(false);
    expect(isWorkingDay(DEFAULT_CALENDAR, DateTime.fromISO('2026-11-29T20:00:00Z', { zone: 'utc' }))).toBe(true);
  });

  it('a working weekday listed in nonWorkingDates is not a working day', () => {
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, nonWorkingDates: ['2026-11-25'] };
    expect(isWorkingDay(cal, DateTime.fromISO('2026-11-25T10:00', { zone: 'Asia/Bishkek' }))).toBe(false);
    expect(isWorkingDay(cal, DateTime.fromISO('2026-11-26T10:00', { zone: 'Asia/Bishkek' }))).toBe(true);
  });
});
