import { KYRGYZ_SHIPPED_ENTRIES, LUNAR_HOLIDAYS } from './kyrgyz-dates';
import { ummAlQuraDates } from './umm-al-qura';
import type { CalendarEntry, WorkingCalendar } from './working-calendar';

const DAY_OFF = { ky: 'Дем алыш күнү', ru: 'Выходной день', en: 'Day off' };
const yearOf = (date: string): number => Number(date.slice(0, 4));

/** The school's own entries, with the older `nonWorkingDates` read as unnamed holidays. */
function schoolEntries(cal: WorkingCalendar): CalendarEntry[] {
  const legacy = (cal.nonWorkingDates ?? []).map((date): CalendarEntry => ({ date, kind: 'holiday', name: DAY_OFF }));
  return [...cal.entries, ...legacy];
}

/** A lunar holiday computed by Umm al-Qura, only for a year where neither Grif nor the school gives its date. */
function computedLunar(year: number, taken: Set<string>): CalendarEntry[] {
  return LUNAR_HOLIDAYS.filter((h) => !taken.has(h.key)).flatMap((h) =>
    ummAlQuraDates(year, h.hijriMonth, h.hijriDay).map((date): CalendarEntry => ({
      date,
      kind: 'holiday',
      name: h.name,
      key: h.key,
      estimated: true,
      source: 'Umm al-Qura calendar, first guess until the muftiate announces',
    })),
  );
}

/**
 * The entries that decide `date` for this school. The school's entries on a date replace the shipped
 * ones on that date; a school entry with a key replaces the shipped ones with that key all year (an
 * announced lunar date replaces the guess, wherever the guess fell); a decree counts only for the
 * institution classes it names.
 */
export function entriesOn(cal: WorkingCalendar, date: string): CalendarEntry[] {
  const applies = (e: CalendarEntry) => !e.appliesTo || e.appliesTo.includes(cal.institutionClass);
  const year = yearOf(date);
  const school = schoolEntries(cal).filter(applies);
  const own = school.filter((e) => e.date === date);
  if (own.length > 0) return own;
  if (cal.nationalCalendar === 'none') return [];

  const schoolKeys = new Set(school.filter((e) => e.key && yearOf(e.date) === year).map((e) => e.key!));
  const shipped = KYRGYZ_SHIPPED_ENTRIES.filter((e) => yearOf(e.date) === year && !(e.key && schoolKeys.has(e.key)));
  const taken = new Set([...schoolKeys, ...shipped.filter((e) => e.key).map((e) => e.key!)]);
  return [...shipped, ...computedLunar(year, taken)].filter((e) => e.date === date && applies(e));
}
