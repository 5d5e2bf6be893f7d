import { DEFAULT_CALENDAR, WorkingCalendar } from './calendar';
import {
  DEFAULT_DEADLINE_SETTINGS,
  DeadlineSettingsSchema,
  directorAt,
  recomputeDue,
  reminderAt,
  returnTerms,
} from './deadlines';

// Asia/Bishkek is UTC+6; 2026-11-27 is a Friday.
const local = (iso: string) => new Date(`${iso}+06:00`);
const S = DEFAULT_DEADLINE_SETTINGS;
const CAL = DEFAULT_CALENDAR;

describe('returnTerms: when an issued item is due (R-4.2.3)', () => {
  it('R-4.2.3: For Official Use issued Friday 17:59 is due at 18:00 that Friday', () => {
    expect(returnTerms(CAL, S, 'official_use', local('2026-11-27T17:59:00'))).toEqual({
      dueAt: local('2026-11-27T18:00:00').toISOString(),
      basis: 'end_of_working_day',
      latest: local('2026-11-27T18:00:00').toISOString(),
    });
  });

  it('R-4.2.3: For Official Use issued after hours (Friday 19:00) is due at the next working day’s close, Monday 18:00', () => {
    expect(returnTerms(CAL, S, 'official_use', local('2026-11-27T19:00:00')).dueAt).toBe(
      local('2026-11-30T18:00:00').toISOString(),
    );
  });

  it('R-4.2.3: the clerk’s earlier time is kept; the limit stays beside it', () => {
    const t = returnTerms(
      CAL,
      S,
      'official_use',
      local('2026-11-27T10:00:00'),
      local('2026-11-27T12:00:00').toISOString(),
    );
    expect(t).toMatchObject({ basis: 'chosen', latest: local('2026-11-27T18:00:00').toISOString() });
  });

  it('other restricted marks: the default number of working days from the settings', () => {
    expect(returnTerms(CAL, S, 'personal_data', local('2026-11-27T10:00:00'))).toEqual({
      dueAt: local('2026-12-02T10:00:00').toISOString(),
      basis: 'working_days',
      latest: null,
    });
  });

  it('an open document has no due time unless the clerk names one', () => {
    expect(returnTerms(CAL, S, 'open', local('2026-11-27T10:00:00'))).toEqual({
      dueAt: null,
      basis: 'none',
      latest: null,
    });
  });
});

describe('recomputeDue: a calendar change sets a running issue’s due time again', () => {
  const shortened: WorkingCalendar = {
    ...CAL,
    entries: [{ date: '2026-11-27', kind: 'shortened', name: { ky: 'к', ru: 'р', en: 'e' } }],
  };

  it('R-4.2.3: the issue day became shortened → due at its earlier close', () => {
    const due = recomputeDue(
      shortened,
      S,
      'official_use',
      local('2026-11-27T10:00:00').toISOString(),
      'end_of_working_day',
      local('2026-11-27T18:00:00').toISOString(),
    );
    expect(due).toBe(local('2026-11-27T17:00:00').toISOString());
  });

  it('R-4.2.3: a chosen time after the new limit is cut to it; one before it stays', () => {
    const issued = local('2026-11-27T10:00:00').toISOString();
    expect(
      recomputeDue(shortened, S, 'official_use', issued, 'chosen', local('2026-11-27T17:30:00').toISOString()),
    ).toBe(local('2026-11-27T17:00:00').toISOString());
    expect(
      recomputeDue(shortened, S, 'official_use', issued, 'chosen', local('2026-11-27T12:00:00').toISOString()),
    ).toBe(local('2026-11-27T12:00:00').toISOString());
  });

  it('a working-days issue counts again on the new calendar (a decreed day off on the way)', () => {
    const off: WorkingCalendar = {
      ...CAL,
      entries: [{ date: '2026-12-01', kind: 'decreed_off', name: { ky: 'к', ru: 'р', en: 'e' } }],
    };
    const issued = local('2026-11-27T10:00:00').toISOString();
    expect(
      recomputeDue(off, S, 'personal_data', issued, 'working_days', local('2026-12-02T10:00:00').toISOString()),
    ).toBe(local('2026-12-03T10:00:00').toISOString());
  });
});

describe('the ladder’s other rungs', () => {
  it('the reminder is reminderBefore ahead of the due time, or none when that is before the issue', () => {
    const issued = local('2026-11-27T10:00:00').toISOString();
    expect(reminderAt(S, issued, local('2026-11-27T18:00:00').toISOString())).toBe(
      local('2026-11-27T17:30:00').toISOString(),
    );
    expect(reminderAt(S, issued, local('2026-11-27T10:20:00').toISOString())).toBeNull();
  });

  it('R-4.2.3: the director hears at the opening of the next working day: due Friday 18:00 → Monday 08:00', () => {
    expect(directorAt(CAL, S, local('2026-11-27T18:00:00').toISOString())).toBe(
      local('2026-11-30T08:00:00').toISOString(),
    );
  });

  it('with a duration the director hears that long after the due time (PT5S, for a test of the whole ladder)', () => {
    const s = { ...S, directorAfter: 'PT5S' };
    expect(directorAt(CAL, s, '2026-11-27T12:00:00.000Z')).toBe('2026-11-27T12:00:05.000Z');
  });

  it('settings: ISO durations only, longer than zero, at most a month', () => {
    expect(DeadlineSettingsSchema.safeParse(S).success).toBe(true);
    for (const reminderBefore of ['PT0S', '30m', 'P2M', ''])
      expect(DeadlineSettingsSchema.safeParse({ ...S, reminderBefore }).success).toBe(false);
  });
});
