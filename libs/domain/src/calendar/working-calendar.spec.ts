import { DEFAULT_CALENDAR, KYRGYZ_SHIPPED_ENTRIES, WorkingCalendarSchema } from '.';

describe('WorkingCalendarSchema (what a school may save)', () => {
  it('accepts the default calendar of school No. 35 and every shipped entry', () => {
    expect(WorkingCalendarSchema.safeParse(DEFAULT_CALENDAR).success).toBe(true);
    expect(WorkingCalendarSchema.safeParse({ ...DEFAULT_CALENDAR, entries: KYRGYZ_SHIPPED_ENTRIES }).success).toBe(
      true,
    );
  });

  it.each([
    ['an unknown zone', { zone: 'Asia/Nowhere' }],
    ['a malformed hour', { dayStart: '8:00' }],
    ['a day that closes before it opens', { dayStart: '18:00', dayEnd: '08:00' }],
    ['a shortening that swallows the day', { shortenedMinutes: 600 }],
    ['weekday 8', { workingWeekdays: [1, 8] }],
    ['a weekday twice', { workingWeekdays: [1, 1] }],
    ['an unknown institution class', { institutionClass: 'ngo' }],
    ['an impossible date', { entries: [{ date: '2026-02-30', kind: 'holiday', name: { ky: 'a', ru: 'b', en: 'c' } }] }],
    [
      'an entry without its Russian name',
      { entries: [{ date: '2026-02-20', kind: 'holiday', name: { ky: 'a', en: 'c' } }] },
    ],
  ])('refuses %s', (_, change) => {
    expect(WorkingCalendarSchema.safeParse({ ...DEFAULT_CALENDAR, ...change }).success).toBe(false);
  });
});
