import { DEFAULT_CALENDAR, WorkingCalendar } from '@grif/domain';
import { closedWorkingDay } from './closed-working-day';

const at = (local: string) => new Date(`${local}+06:00`);

describe('the end-of-day list is due once the working day has closed, on the school calendar', () => {
  it('a working day: not before 18:00 Bishkek, from 18:00 until midnight', () => {
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-12-02T17:59:59'))).toBeNull();
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-12-02T18:00:00'))).toBe('2026-12-02');
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-12-02T23:59:00'))).toBe('2026-12-02');
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-12-03T07:00:00'))).toBeNull();
  });

  it('a shortened eve closes an hour earlier (30 April 2026, before the May holidays)', () => {
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-04-30T16:59:00'))).toBeNull();
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-04-30T17:00:00'))).toBe('2026-04-30');
  });

  it('no list on a weekend or a holiday (Saturday 5 December 2026, 8 March 2027)', () => {
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2026-12-05T19:00:00'))).toBeNull();
    expect(closedWorkingDay(DEFAULT_CALENDAR, at('2027-03-08T19:00:00'))).toBeNull();
  });

  it('a decreed working Saturday has its list', () => {
    const cal: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      entries: [
        { date: '2026-12-05', kind: 'decreed_working', name: { ky: 'Иш күнү', ru: 'Рабочий день', en: 'Working day' } },
      ],
    };
    expect(closedWorkingDay(cal, at('2026-12-05T18:30:00'))).toBe('2026-12-05');
  });
});
