import { z } from 'zod';
import { classificationSchema } from './vocabulary';

const instant = z.iso.datetime({ offset: true });

/** One document out of storage on the board: what it is, who has it, since when, and when it is due back. */
export const deadlineBoardItemSchema = z
  .object({
    documentId: z.string(),
    regNumber: z.string(),
    title: z.string(),
    classification: classificationSchema.nullable(),
    holderName: z.string().describe("The holder's display name (never an id)."),
    issuedAt: instant.nullable().describe('When the open issue was made; null only if the issue journal lacks it.'),
    dueAt: instant.nullable(),
    state: z
      .enum(['issued', 'overdue', 'escalated'])
      .describe(
        "The document's state: `issued` on the overdue list means its due time passed and the alarm has not rung yet.",
      ),
  })
  .meta({ id: 'DeadlineBoardItem' });
export type DeadlineBoardItem = z.infer<typeof deadlineBoardItemSchema>;

/**
 * `GET /api/deadlines/board`: the records office's day. `overdue`: out and late (overdue or escalated, or due
 * before `asOf`); `dueToday`: out and due after `asOf` but before the end of today on the school's calendar
 * (Asia/Bishkek). Each list soonest due first.
 */
export const deadlineBoardSchema = z
  .object({
    asOf: instant,
    today: z.iso.date().describe("Today's date on the school's calendar (Asia/Bishkek)."),
    overdue: z.array(deadlineBoardItemSchema),
    dueToday: z.array(deadlineBoardItemSchema),
  })
  .meta({ id: 'DeadlineBoard' });
export type DeadlineBoard = z.infer<typeof deadlineBoardSchema>;
