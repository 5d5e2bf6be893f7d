import { z } from 'zod';
import { DayKindSchema } from '@grif/domain';

const isoDate = z.iso.date().describe('yyyy-MM-dd, a day in Asia/Bishkek');

/** `GET /api/calendar/days?from&to`: at most a year of days at once. */
export const calendarDaysQuerySchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'at most 367 days at once',
    path: ['to'],
  });

/** One day of the school's working calendar, in Asia/Bishkek. */
export const calendarDaySchema = z
  .object({
    date: isoDate,
    kind: DayKindSchema,
    name: z
      .string()
      .nullable()
      .describe("The holiday's or decree's name in the reader's language; null on an ordinary day."),
    opens: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .nullable()
      .describe('HH:mm; set on working, shortened and decreed working days.'),
    closes: z
      .string()
      .regex(/^\d{2}:\d{2}$/)
      .nullable(),
    estimated: z
      .boolean()
      .describe(
        'A lunar holiday computed ahead of its announcement (Umm al-Qura); the school replaces it when announced.',
      ),
  })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof calendarDaySchema>;
