import { DEFAULT_CALENDAR } from './calendar';
import { breachReportDueAt, breachStepDueAt, DEFAULT_BREACH_LIMITS } from './breach';

/** Bishkek is UTC+6: 09:00Z is 15:00 local. */
describe('R-5.2.3: a breach is reported within one working day, on the Kyrgyz calendar', () => {
  it('across a weekend: discovered on Friday, due on Monday at the same hour', () => {
    const due = breachReportDueAt(DEFAULT_CALENDAR, '2026-11-27T09:00:00.000Z'); // Friday 15:00
    expect(due).toBe('2026-11-30T09:00:00.000Z'); // Monday 15:00, not Saturday
    expect('2026-11-30T08:59:00.000Z' > due).toBe(false); // Monday 14:59: on time
    expect('2026-11-30T09:01:00.000Z' > due).toBe(true); // Monday 15:01: late
  });

  it('across a holiday: discovered the day before Orthodox Christmas, due the day after it', () => {
    const due = breachReportDueAt(DEFAULT_CALENDAR, '2027-01-06T04:00:00.000Z'); // Wednesday 10:00
    expect(due).toBe('2027-01-08T04:00:00.000Z'); // 7 January is a holiday: Friday 10:00
  });

  it('across the lunar holiday of Orozo Ait, a Friday, and the weekend after it', () => {
    expect(breachReportDueAt(DEFAULT_CALENDAR, '2026-03-19T05:00:00.000Z')).toBe('2026-03-23T05:00:00.000Z');
  });

  it('a step limit counts working hours only: four hours asked at 16:00 end the next morning', () => {
    // Friday 16:00 local + 4 working hours: 2 on Friday, 2 on Monday from 08:00.
    expect(breachStepDueAt(DEFAULT_CALENDAR, DEFAULT_BREACH_LIMITS, 'triage', '2026-11-27T10:00:00.000Z')).toBe(
      '2026-11-30T04:00:00.000Z',
    );
  });
});
