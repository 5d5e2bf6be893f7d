import { z } from 'zod';
import { DeadlineSettingsSchema, WorkingCalendarSchema } from '@grif/domain';

const instant = z.iso.datetime({ offset: true });

/** `PUT /api/calendar`'s body: the school's whole working calendar (hours, week, dated entries). */
export const workingCalendarSchema = WorkingCalendarSchema.meta({ id: 'WorkingCalendar' });

/** `GET /api/calendar`: the calendar in force, and who changed it last. */
export const schoolCalendarViewSchema = z
  .object({
    calendar: workingCalendarSchema,
    updatedAt: instant.nullable().describe('null while the school uses the calendar Grif ships with'),
    updatedBy: z.string().nullable().describe("the changer's name"),
  })
  .meta({ id: 'SchoolCalendarView' });
export type SchoolCalendarView = z.infer<typeof schoolCalendarViewSchema>;

/** `PUT /api/calendar`'s answer: how many running deadlines the change moved (each a DEADLINE_MOVED event). */
export const calendarChangeSchema = schoolCalendarViewSchema
  .extend({ movedDeadlines: z.int().min(0) })
  .meta({ id: 'CalendarChange' });
export type CalendarChange = z.infer<typeof calendarChangeSchema>;

/** `GET/PUT /api/settings/deadlines`: the reminder and the escalation ladder. */
export const deadlineSettingsSchema = DeadlineSettingsSchema.meta({ id: 'DeadlineSettings' });
export const deadlineSettingsBodySchema = DeadlineSettingsSchema.partial({ defaultReturnDays: true }).meta({
  id: 'DeadlineSettingsBody',
});

/** `GET /api/documents/{id}/due-preview`: what an ISSUE made now would be due, before the clerk confirms. */
export const duePreviewQuerySchema = z.strictObject({ dueAt: instant.optional() });
export const duePreviewSchema = z
  .object({
    dueAt: instant.nullable(),
    latest: instant.nullable().describe('R-4.2.3: the latest a For Official Use item may be due'),
    basis: z.enum(['end_of_working_day', 'working_days', 'chosen', 'none']),
    rule: z.string().nullable(),
  })
  .meta({ id: 'DuePreview' });
export type DuePreview = z.infer<typeof duePreviewSchema>;
