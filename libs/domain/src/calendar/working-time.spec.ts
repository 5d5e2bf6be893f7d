import {
  addWorkingDays,
  addWorkingHours,
  DEFAULT_CALENDAR,
  endOfWorkingDay,
  isWorkingTime,
  nextWorkingMoment,
  type WorkingCalendar,
} from '.';

// Expected values are written out in UTC by hand (Asia/Bishkek is UTC+6 all year, 18:00 local = 12:00Z),
// so the tests do not reuse the zone arithmetic they check. Every instant is fixed: never the clock.
const bishkek = (local: string): Date => new Date(`${local}:00.000+06:00`);
const iso = (d: Date): string => d.toISOString();
const due = (cal: WorkingCalendar, local: string): string => iso(endOfWorkingDay(cal, bishkek(local)));

const PRIVATE: WorkingCalendar = { ...DEFAULT_CALENDAR, institutionClass: 'private' };
const SIX_DAYS: WorkingCalendar = { ...DEFAULT_CALENDAR, workingWeekdays: [1, 2, 3, 4, 5, 6] };
const WORKING_SATURDAY: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  entries: [
    {
      date: '2026-11-28',
      kind: 'decreed_working',
      name: { ky: 'Жумуш күнү', ru: 'Рабочий день', en: 'Working day' },
      source: 'test decree',
    },
  ],
};

describe('endOfWorkingDay on the Kyrgyz calendar: "return the same working day" (R-4.2.3)', () => {
  it('R-4.2.3: issued Friday 17:59 → due 18:00 that Friday', () => {
    expect(due(DEFAULT_CALENDAR, '2026-11-27T17:59')).toBe('2026-11-27T12:00:00.000Z');
  });

  it('R-4.2.3: issued after hours (Tuesday 19:00) → the close of the next working day', () => {
    expect(due(DEFAULT_CALENDAR, '2026-11-24T19:00')).toBe('2026-11-25T12:00:00.000Z');
  });

  it('R-4.2.3: issued on a Sunday → Monday 18:00', () => {
    expect(due(DEFAULT_CALENDAR, '2026-11-29T11:00')).toBe('2026-11-30T12:00:00.000Z');
  });

  it('R-4.2.3 on a shortened day: 19 March 2026, the eve of Orozo Ait and Nooruz, closes at 17:00', () => {
    expect(due(DEFAULT_CALENDAR, '2026-03-19T16:00')).toBe('2026-03-19T11:00:00.000Z');
  });

  it('R-4.2.3: issued 19 March 2026 17:30, after the shortened close → Monday 23 March 18:00 (20 Orozo Ait, 21 Nooruz, 22 Sunday)', () => {
    expect(due(DEFAULT_CALENDAR, '2026-03-19T17:30')).toBe('2026-03-23T12:00:00.000Z');
  });

  it('R-4.2.3: 20 March 2026 is Orozo Ait, a holiday, not the shortened eve first announced → Monday 23 March 18:00', () => {
    expect(due(DEFAULT_CALENDAR, '2026-03-20T10:00')).toBe('2026-03-23T12:00:00.000Z');
  });

  it('R-4.2.3: Nooruz on Sunday 21 March 2027 is not moved: Monday 22 March is a full working day', () => {
    expect(due(DEFAULT_CALENDAR, '2027-03-21T12:00')).toBe('2027-03-22T12:00:00.000Z');
    expect(due(DEFAULT_CALENDAR, '2027-03-22T10:00')).toBe('2027-03-22T12:00:00.000Z');
  });

  it('R-4.2.3 with a decreed working Saturday: issued Friday 18:30 → Saturday 18:00', () => {
    expect(due(WORKING_SATURDAY, '2026-11-27T18:30')).toBe('2026-11-28T12:00:00.000Z');
    expect(due(DEFAULT_CALENDAR, '2026-11-27T18:30')).toBe('2026-11-30T12:00:00.000Z');
  });

  it('R-4.2.3 with a decree for budget institutions: 8–9 January 2026 are off for school No. 35 → Monday 12 January', () => {
    expect(due(DEFAULT_CALENDAR, '2026-01-07T10:00')).toBe('2026-01-12T12:00:00.000Z');
  });

  it('R-4.2.3: a private institution does not get the 8 January 2026 decree → Thursday 8 January 18:00', () => {
    expect(due(PRIVATE, '2026-01-07T10:00')).toBe('2026-01-08T12:00:00.000Z');
  });

  it('R-4.2.3 at New Year: 31 December 2026 is shortened, issued 17:30 is after its 17:00 close → Friday 8 January 2027 18:00', () => {
    expect(due(DEFAULT_CALENDAR, '2026-12-31T17:30')).toBe('2027-01-08T12:00:00.000Z');
  });

  it('R-4.2.3 at New Year: issued 31 December 2026 16:00 → 17:00 the same day', () => {
    expect(due(DEFAULT_CALENDAR, '2026-12-31T16:00')).toBe('2026-12-31T11:00:00.000Z');
  });

  it('R-4.2.3 at New Year: issued 31 December 2026 after hours (20:00) → the first working day after the January holidays', () => {
    expect(due(DEFAULT_CALENDAR, '2026-12-31T20:00')).toBe('2027-01-08T12:00:00.000Z');
  });

  it('R-4.2.3 on a six-day week: Saturday is a working day', () => {
    expect(due(SIX_DAYS, '2026-11-28T10:00')).toBe('2026-11-28T12:00:00.000Z');
    expect(due(SIX_DAYS, '2026-11-28T18:30')).toBe('2026-11-30T12:00:00.000Z');
  });
});

describe('isWorkingTime (opening hours, Asia/Bishkek)', () => {
  it.each([
    ['Tuesday 08:00, the opening', '2026-11-24T08:00', true],
    ['Tuesday 17:59', '2026-11-24T17:59', true],
    ['Tuesday 18:00, the close', '2026-11-24T18:00', false],
    ['Tuesday 07:59', '2026-11-24T07:59', false],
    ['Saturday 10:00', '2026-11-28T10:00', false],
    ['31 December 2026 17:30, after the shortened close', '2026-12-31T17:30', false],
    ['Orozo Ait, 20 March 2026, 10:00', '2026-03-20T10:00', false],
  ])('%s → %s', (_, local, expected) => {
    expect(isWorkingTime(DEFAULT_CALENDAR, bishkek(local))).toBe(expected);
  });
});

describe('nextWorkingMoment', () => {
  it('is the instant itself during working time', () => {
    expect(iso(nextWorkingMoment(DEFAULT_CALENDAR, bishkek('2026-11-24T10:00')))).toBe('2026-11-24T04:00:00.000Z');
  });

  it('is the opening of the same day before opening', () => {
    expect(iso(nextWorkingMoment(DEFAULT_CALENDAR, bishkek('2026-11-24T07:00')))).toBe('2026-11-24T02:00:00.000Z');
  });

  it('is Monday 08:00 from Friday evening', () => {
    expect(iso(nextWorkingMoment(DEFAULT_CALENDAR, bishkek('2026-11-27T18:00')))).toBe('2026-11-30T02:00:00.000Z');
  });
});

describe('addWorkingHours', () => {
  it('runs across a night: Tuesday 17:00 + 2 h → Wednesday 09:00', () => {
    expect(iso(addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-11-24T17:00'), 2))).toBe('2026-11-25T03:00:00.000Z');
  });

  it('runs across a weekend: Friday 17:00 + 3 h → Monday 10:00', () => {
    expect(iso(addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-11-27T17:00'), 3))).toBe('2026-11-30T04:00:00.000Z');
  });

  it('ends at a close, not at the next opening, when the hours run out exactly there', () => {
    expect(iso(addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-11-24T16:00'), 2))).toBe('2026-11-24T12:00:00.000Z');
  });

  it('counts from the opening when started on a weekend: Saturday + 1.5 h → Monday 09:30', () => {
    expect(iso(addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-11-28T12:00'), 1.5))).toBe('2026-11-30T03:30:00.000Z');
  });

  it('counts the shortened hour out: 30 April 2026 16:00 + 2 h → Monday 11 May 09:00 (1 h to 17:00, May holidays, weekend)', () => {
    expect(iso(addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-04-30T16:00'), 2))).toBe('2026-05-11T03:00:00.000Z');
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingHours(DEFAULT_CALENDAR, bishkek('2026-11-24T10:00'), -1)).toThrow(RangeError);
  });
});

describe('addWorkingDays: the same clock time n working days later, clamped into that day’s hours', () => {
  it('Tuesday 10:00 + 3 → Friday 10:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-24T10:00'), 3))).toBe('2026-11-27T04:00:00.000Z');
  });

  it('after hours is clamped to the close: Tuesday 20:00 + 1 → Wednesday 18:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-24T20:00'), 1))).toBe('2026-11-25T12:00:00.000Z');
  });

  it('before opening is clamped to the opening: Tuesday 07:00 + 1 → Wednesday 08:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-24T07:00'), 1))).toBe('2026-11-25T02:00:00.000Z');
  });

  it('from a weekend the first working day counts: Saturday 11:00 + 1 → Monday 11:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-28T11:00'), 1))).toBe('2026-11-30T05:00:00.000Z');
  });

  it('lands on a shortened day at its earlier close: 30 December 2026 17:30 + 1 → 31 December 17:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-12-30T17:30'), 1))).toBe('2026-12-31T11:00:00.000Z');
  });

  it('skips holidays: 31 December 2026 10:00 + 1 → Friday 8 January 2027 10:00', () => {
    expect(iso(addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-12-31T10:00'), 1))).toBe('2027-01-08T04:00:00.000Z');
  });

  it('refuses zero or a fraction', () => {
    expect(() => addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-24T10:00'), 0)).toThrow(RangeError);
    expect(() => addWorkingDays(DEFAULT_CALENDAR, bishkek('2026-11-24T10:00'), 1.5)).toThrow(RangeError);
  });
});
