import { IANAZone } from 'luxon';
import { z } from 'zod';

/** Who a Cabinet decree speaks to: extra days off are often given only to state, municipal and budget-funded employers. */
export const InstitutionClassSchema = z.enum(['state', 'municipal', 'budget', 'private']);
export type InstitutionClass = z.infer<typeof InstitutionClassSchema>;

export const CalendarEntryKindSchema = z.enum([
  'holiday',
  'working_holiday',
  'shortened',
  'decreed_off',
  'decreed_working',
]);
export type CalendarEntryKind = z.infer<typeof CalendarEntryKindSchema>;

export const CalendarNameSchema = z.object({ ky: z.string().min(1), ru: z.string().min(1), en: z.string().min(1) });
export type CalendarName = z.infer<typeof CalendarNameSchema>;

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * One dated fact of the calendar, shipped with Grif or edited by the school.
 * `key` names a holiday whose date moves from year to year (`orozo_ait`, `kurman_ait`):
 * a school entry with a key replaces every shipped or computed entry with that key in the
 * same year, which is how an announced lunar date replaces the estimated one.
 */
export const CalendarEntrySchema = z.object({
  date: z.iso.date(),
  kind: CalendarEntryKindSchema,
  name: CalendarNameSchema,
  key: z.string().min(1).optional(),
  /** Absent: every institution. */
  appliesTo: z.array(InstitutionClassSchema).min(1).optional(),
  /** A first guess (a computed lunar date, a shortened day not yet announced). */
  estimated: z.boolean().optional(),
  /** The decree or announcement it comes from. */
  source: z.string().optional(),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/**
 * A school's working time: what the API stores per school and validates a PUT with.
 * The Kyrgyz dates shipped with Grif (`nationalCalendar: 'KG'`) apply underneath `entries`;
 * the school's entries on a date replace the shipped ones on that date.
 */
export const WorkingCalendarSchema = z
  .object({
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), 'not an IANA time zone'),
    /** "HH:mm" in `zone`. */
    dayStart: z.string().regex(HH_MM),
    dayEnd: z.string().regex(HH_MM),
    /** ISO weekdays (1 = Monday … 7 = Sunday): five or six days. */
    workingWeekdays: z.array(z.number().int().min(1).max(7)).max(7),
    /** How much earlier a shortened day closes. */
    shortenedMinutes: z.number().int().min(0),
    institutionClass: InstitutionClassSchema,
    nationalCalendar: z.enum(['KG', 'none']),
    entries: z.array(CalendarEntrySchema),
    /** Kept for older callers: dates that are days off without a name (read as unnamed holidays). */
    nonWorkingDates: z.array(z.iso.date()).optional(),
  })
  .refine((c) => minutesOf(c.dayStart) < minutesOf(c.dayEnd), {
    message: 'dayStart must be before dayEnd',
    path: ['dayEnd'],
  })
  .refine((c) => c.shortenedMinutes < minutesOf(c.dayEnd) - minutesOf(c.dayStart), {
    message: 'a shortened day must still have working time',
    path: ['shortenedMinutes'],
  })
  .refine((c) => new Set(c.workingWeekdays).size === c.workingWeekdays.length, {
    message: 'a weekday is listed twice',
    path: ['workingWeekdays'],
  });
export type WorkingCalendar = z.infer<typeof WorkingCalendarSchema>;

export const DayKindSchema = z.enum(['working', 'shortened', 'weekend', 'holiday', 'decreed_off', 'decreed_working']);
export type DayKind = z.infer<typeof DayKindSchema>;

/** What one calendar day is for a school: the answer of `GET /api/calendar/days`, one per day. */
export const DayInfoSchema = z.object({
  date: z.iso.date(),
  kind: DayKindSchema,
  name: CalendarNameSchema.nullable(),
  /** "HH:mm" in the calendar's zone; set on the days people work (working, shortened, decreed_working). */
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  estimated: z.boolean(),
});
export type DayInfo = z.infer<typeof DayInfoSchema>;
