import { DateTime } from 'luxon';
import { DEFAULT_CALENDAR, dayInfo, daysBetween, ummAlQuraDates, type CalendarEntry, type WorkingCalendar } from '.';

const KURMAN = { ky: 'Курман айт', ru: 'Курман айт', en: 'Kurman Ait (Eid al-Adha)' };
const kinds = (cal: WorkingCalendar, from: string, to: string) =>
  daysBetween(cal, from, to).map((d) => [d.date, d.kind, d.opens, d.closes]);

describe('dayInfo and daysBetween on the shipped Kyrgyz calendar (school No. 35, Mon–Fri 08:00–18:00)', () => {
  it('the week of Orozo Ait and Nooruz 2026: the shortened eve moved to 19 March, 20 March a holiday, 21 March a holiday on a Saturday', () => {
    expect(kinds(DEFAULT_CALENDAR, '2026-03-16', '2026-03-23')).toEqual([
      ['2026-03-16', 'working', '08:00', '18:00'],
      ['2026-03-17', 'working', '08:00', '18:00'],
      ['2026-03-18', 'working', '08:00', '18:00'],
      ['2026-03-19', 'shortened', '08:00', '17:00'],
      ['2026-03-20', 'holiday', null, null],
      ['2026-03-21', 'holiday', null, null],
      ['2026-03-22', 'weekend', null, null],
      ['2026-03-23', 'working', '08:00', '18:00'],
    ]);
  });

  it('names the day in Kyrgyz, Russian and English, and says whether the date is confirmed', () => {
    expect(dayInfo(DEFAULT_CALENDAR, '2026-03-21')).toEqual({
      date: '2026-03-21',
      kind: 'holiday',
      name: { ky: 'Нооруз', ru: 'Нооруз', en: 'Nooruz' },
      opens: null,
      closes: null,
      estimated: false,
    });
    expect(dayInfo(DEFAULT_CALENDAR, '2026-03-20')).toMatchObject({
      kind: 'holiday',
      name: { ky: 'Орозо айт' },
      estimated: false,
    });
    expect(dayInfo(DEFAULT_CALENDAR, '2026-11-24').name).toBeNull();
  });

  it('a holiday on a weekend is not moved (since 2025): 8 March 2026 is a Sunday holiday, Monday 9 March a working day', () => {
    expect(kinds(DEFAULT_CALENDAR, '2026-03-08', '2026-03-09')).toEqual([
      ['2026-03-08', 'holiday', null, null],
      ['2026-03-09', 'working', '08:00', '18:00'],
    ]);
  });

  it('a holiday on a weekend is not moved: Nooruz on Sunday 21 March 2027, Monday 22 March working', () => {
    expect(dayInfo(DEFAULT_CALENDAR, '2027-03-21').kind).toBe('holiday');
    expect(dayInfo(DEFAULT_CALENDAR, '2027-03-22').kind).toBe('working');
  });

  it('holidays that stay working days: 23 February and 7 April are shortened by an hour, with their names', () => {
    expect(dayInfo(DEFAULT_CALENDAR, '2026-02-23')).toMatchObject({
      kind: 'shortened',
      name: { en: 'Defender of the Fatherland Day' },
      closes: '17:00',
    });
    expect(dayInfo(DEFAULT_CALENDAR, '2026-04-07')).toMatchObject({ kind: 'shortened', closes: '17:00' });
  });

  it('7–8 November stay working days: on a weekend in 2026 they are a named weekend, in 2027 a named working day', () => {
    expect(dayInfo(DEFAULT_CALENDAR, '2026-11-07')).toMatchObject({
      kind: 'weekend',
      name: { ru: 'Дни истории и памяти предков' },
    });
    expect(dayInfo(DEFAULT_CALENDAR, '2027-11-08')).toMatchObject({
      kind: 'working',
      closes: '18:00',
      name: { en: 'Days of History and Remembrance of Ancestors' },
    });
  });

  it('the January holidays 2026 and Cabinet resolution No. 835: 8–9 January are decreed days off for a budget-funded school', () => {
    expect(daysBetween(DEFAULT_CALENDAR, '2026-01-06', '2026-01-12').map((d) => d.kind)).toEqual([
      'holiday',
      'holiday',
      'decreed_off',
      'decreed_off',
      'weekend',
      'weekend',
      'working',
    ]);
  });

  it('a decreed day off applies only to the classes it names: a private school works on 8 January 2026', () => {
    const privateSchool: WorkingCalendar = { ...DEFAULT_CALENDAR, institutionClass: 'private' };
    expect(dayInfo(privateSchool, '2026-01-08')).toMatchObject({ kind: 'working', opens: '08:00', closes: '18:00' });
  });

  it('a decreed working Saturday has opening hours', () => {
    const cal: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      entries: [
        {
          date: '2026-11-28',
          kind: 'decreed_working',
          name: { ky: 'Жумуш күнү', ru: 'Рабочий день', en: 'Working day' },
        },
      ],
    };
    expect(dayInfo(cal, '2026-11-28')).toMatchObject({ kind: 'decreed_working', opens: '08:00', closes: '18:00' });
    expect(dayInfo(cal, '2026-11-29').kind).toBe('weekend');
  });

  it('a six-day week makes Saturday a working day and leaves Sunday off', () => {
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, workingWeekdays: [1, 2, 3, 4, 5, 6] };
    expect(kinds(cal, '2026-11-28', '2026-11-29')).toEqual([
      ['2026-11-28', 'working', '08:00', '18:00'],
      ['2026-11-29', 'weekend', null, null],
    ]);
  });

  it('the shortened length is the school’s setting', () => {
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, dayEnd: '17:30', shortenedMinutes: 90 };
    expect(dayInfo(cal, '2026-12-31').closes).toBe('16:00');
  });

  it('answers one entry per day, both ends included, and refuses a reversed range', () => {
    expect(daysBetween(DEFAULT_CALENDAR, '2026-01-01', '2026-12-31')).toHaveLength(365);
    expect(() => daysBetween(DEFAULT_CALENDAR, '2026-02-02', '2026-02-01')).toThrow(RangeError);
  });
});

describe('lunar holidays: Umm al-Qura first guesses, replaced by announced dates', () => {
  it.each([
    ['Orozo Ait 2024', 2024, 10, 1, ['2024-04-10']],
    ['Orozo Ait 2025', 2025, 10, 1, ['2025-03-30']],
    ['Orozo Ait 2026', 2026, 10, 1, ['2026-03-20']],
    ['Kurman Ait 2024', 2024, 12, 10, ['2024-06-16']],
    ['Kurman Ait 2025', 2025, 12, 10, ['2025-06-06']],
  ])('the Umm al-Qura guess matches the announced %s', (_, year, month, day, expected) => {
    expect(ummAlQuraDates(year, month, day)).toEqual(expected);
  });

  it('the shipped first guesses are Umm al-Qura’s: Kurman Ait 27 May 2026, Orozo Ait 9 March 2027, Kurman Ait 16 May 2027', () => {
    expect(ummAlQuraDates(2026, 12, 10)).toEqual(['2026-05-27']);
    expect(ummAlQuraDates(2027, 10, 1)).toEqual(['2027-03-09']);
    expect(ummAlQuraDates(2027, 12, 10)).toEqual(['2027-05-16']);
    expect(dayInfo(DEFAULT_CALENDAR, '2026-05-27')).toMatchObject({ kind: 'holiday', estimated: true });
    expect(dayInfo(DEFAULT_CALENDAR, '2027-03-09')).toMatchObject({ kind: 'holiday', estimated: true });
  });

  it('an estimated lunar date is replaced by the school’s entry for the announced one (and its guessed eve goes with it)', () => {
    const announced: CalendarEntry = {
      date: '2026-05-28',
      kind: 'holiday',
      key: 'kurman_ait',
      name: KURMAN,
      source: 'muftiate',
    };
    const cal: WorkingCalendar = { ...DEFAULT_CALENDAR, entries: [announced] };
    expect(dayInfo(DEFAULT_CALENDAR, '2026-05-26')).toMatchObject({ kind: 'shortened', estimated: true });
    expect(kinds(cal, '2026-05-26', '2026-05-28')).toEqual([
      ['2026-05-26', 'working', '08:00', '18:00'],
      ['2026-05-27', 'working', '08:00', '18:00'],
      ['2026-05-28', 'holiday', null, null],
    ]);
    expect(dayInfo(cal, '2026-05-28').estimated).toBe(false);
  });

  it('a year with no shipped date gets the computed one, marked estimated, until the school enters the announced date', () => {
    const [guess] = ummAlQuraDates(2028, 10, 1);
    expect(dayInfo(DEFAULT_CALENDAR, guess)).toMatchObject({
      kind: 'holiday',
      name: { ky: 'Орозо айт' },
      estimated: true,
    });
    const dayAfter = DateTime.fromISO(guess).plus({ days: 1 }).toISODate()!;
    const cal: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      entries: [
        {
          date: dayAfter,
          kind: 'holiday',
          key: 'orozo_ait',
          name: { ky: 'Орозо айт', ru: 'Орозо айт', en: 'Orozo Ait' },
        },
      ],
    };
    expect(dayInfo(cal, guess).kind).not.toBe('holiday');
    expect(dayInfo(cal, dayAfter)).toMatchObject({ kind: 'holiday', estimated: false });
  });

  it('a calendar without the Kyrgyz dates computes no lunar holiday either', () => {
    const bare: WorkingCalendar = { ...DEFAULT_CALENDAR, nationalCalendar: 'none' };
    expect(dayInfo(bare, '2026-03-20').kind).toBe('working');
    expect(dayInfo(bare, '2026-03-21').kind).toBe('weekend');
  });
});
