import { KG_NAMES as N } from './kyrgyz-names';
import type { CalendarEntry, CalendarName, InstitutionClass } from './working-calendar';

/**
 * The Kyrgyz calendar under the Labour Code in force since 2025, as announced by the Ministry of Labour
 * (facts and sources: shared/stack.md, "Holidays in Kyrgyzstan"). Shipped for 2025–2027; the school edits
 * the rest. Since 2025 a holiday on a weekend is not moved, so no transfer entries exist here.
 */
const LABOUR_CODE = 'Labour Code of the Kyrgyz Republic (in force since 2025)';
const MINISTRY_2026 = 'Ministry of Labour, announced calendar for 2026';
const MUFTIATE = 'Spiritual Administration of Muslims of Kyrgyzstan, announced date';
const UMM_AL_QURA = 'Umm al-Qura calendar, first guess until the muftiate announces';
const RULE_GUESS = 'Labour Code pre-holiday rule, not yet announced by the Ministry';
const PUBLIC_SECTOR: InstitutionClass[] = ['state', 'municipal', 'budget'];

type Extra = Partial<Pick<CalendarEntry, 'key' | 'appliesTo' | 'estimated' | 'source'>>;
const entry = (date: string, kind: CalendarEntry['kind'], name: CalendarName, extra: Extra = {}): CalendarEntry => ({
  date,
  kind,
  name,
  source: LABOUR_CODE,
  ...extra,
});

/** The holidays whose day of the year never changes, and the two statutory shortened working holidays. */
function fixedDates(year: number): CalendarEntry[] {
  const d = (mmdd: string) => `${year}-${mmdd}`;
  const days = (from: number, to: number, month: string) =>
    Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);
  return [
    ...days(1, 6, '01').map((md) => entry(d(md), 'holiday', N.newYear)),
    entry(d('01-07'), 'holiday', N.christmas),
    // 23 February and 7 April stay working days, one hour shorter.
    entry(d('02-23'), 'working_holiday', N.defenders),
    entry(d('02-23'), 'shortened', N.defenders),
    entry(d('03-08'), 'holiday', N.womensDay),
    entry(d('03-21'), 'holiday', N.nooruz),
    entry(d('04-07'), 'working_holiday', N.aprilRevolution),
    entry(d('04-07'), 'shortened', N.aprilRevolution),
    ...days(1, 9, '05').map((md) =>
      entry(
        d(md),
        'holiday',
        md === '05-01'
          ? N.labourDay
          : md === '05-05'
            ? N.constitutionDay
            : md === '05-09'
              ? N.victoryDay
              : N.mayHolidays,
      ),
    ),
    entry(d('08-31'), 'holiday', N.independenceDay),
    entry(d('11-07'), 'working_holiday', N.historyDays),
    entry(d('11-08'), 'working_holiday', N.historyDays),
  ];
}

const orozo = (date: string, extra: Extra) => entry(date, 'holiday', N.orozoAit, { key: 'orozo_ait', ...extra });
const kurman = (date: string, extra: Extra) => entry(date, 'holiday', N.kurmanAit, { key: 'kurman_ait', ...extra });
const preHoliday = (date: string, extra: Extra = {}) => entry(date, 'shortened', N.preHoliday, extra);

/**
 * 2025: the holidays and the confirmed lunar dates; its pre-holiday days are not in our sources, so only
 * 31 December 2025 (announced with 2026) is shipped.
 */
const Y2025: CalendarEntry[] = [
  ...fixedDates(2025),
  orozo('2025-03-30', { source: MUFTIATE }),
  kurman('2025-06-06', { source: MUFTIATE }),
  preHoliday('2025-12-31', { source: MINISTRY_2026 }),
];

const Y2026: CalendarEntry[] = [
  ...fixedDates(2026),
  entry('2026-01-08', 'decreed_off', N.decree835, {
    appliesTo: PUBLIC_SECTOR,
    source: 'Cabinet resolution No. 835 of 25.12.2025',
  }),
  entry('2026-01-09', 'decreed_off', N.decree835, {
    appliesTo: PUBLIC_SECTOR,
    source: 'Cabinet resolution No. 835 of 25.12.2025',
  }),
  // 20 March was first listed as the shortened eve of Nooruz; Orozo Ait was then set on it, so the Ministry shortened 19 March.
  preHoliday('2026-03-19', { source: MINISTRY_2026 }),
  orozo('2026-03-20', { source: MUFTIATE }),
  preHoliday('2026-04-30', { source: MINISTRY_2026 }),
  // The eve of a guessed lunar date carries its key, so announcing the real date drops the guessed eve too.
  preHoliday('2026-05-26', { key: 'kurman_ait', estimated: true, source: RULE_GUESS }),
  kurman('2026-05-27', { estimated: true, source: UMM_AL_QURA }),
  preHoliday('2026-12-31', { source: MINISTRY_2026 }),
];

/** 2027 is not announced yet: the lunar dates are Umm al-Qura guesses, the pre-holiday days follow the rule. */
const Y2027: CalendarEntry[] = [
  ...fixedDates(2027),
  // 9 March 2027 (Tuesday) follows the 8 March holiday: no shortened eve.
  orozo('2027-03-09', { estimated: true, source: UMM_AL_QURA }),
  preHoliday('2027-04-30', { estimated: true, source: RULE_GUESS }),
  // 16 May 2027 is a Sunday: a one-day error decides whether a working day is lost.
  kurman('2027-05-16', { estimated: true, source: UMM_AL_QURA }),
  preHoliday('2027-08-30', { estimated: true, source: RULE_GUESS }),
  preHoliday('2027-12-31', { estimated: true, source: RULE_GUESS }),
];

export const KYRGYZ_SHIPPED_ENTRIES: readonly CalendarEntry[] = [...Y2025, ...Y2026, ...Y2027];

/** The moving holidays: the key, its name, and where it falls in the Hijri year (month, day). */
export const LUNAR_HOLIDAYS = [
  { key: 'orozo_ait', name: N.orozoAit, hijriMonth: 10, hijriDay: 1 },
  { key: 'kurman_ait', name: N.kurmanAit, hijriMonth: 12, hijriDay: 10 },
] as const;
