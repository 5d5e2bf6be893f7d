import type { WorkingCalendar } from './working-calendar';

/**
 * School No. 35: Monday–Friday 08:00–18:00 in Bishkek, a budget-funded institution (so the Cabinet's
 * extra days off for the public sector apply), on the Kyrgyz calendar shipped with Grif.
 */
export const DEFAULT_CALENDAR: WorkingCalendar = {
  zone: 'Asia/Bishkek',
  dayStart: '08:00',
  dayEnd: '18:00',
  workingWeekdays: [1, 2, 3, 4, 5],
  shortenedMinutes: 60,
  institutionClass: 'budget',
  nationalCalendar: 'KG',
  entries: [],
  nonWorkingDates: [],
};
