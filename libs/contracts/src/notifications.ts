import { z } from 'zod';

/** One notification addressed to the caller. */
export const notificationViewSchema = z
  .object({
    id: z.string(),
    template: z
      .string()
      .describe(
        "'document.reminder', 'document.overdue', 'document.escalated' ({regNumber, dueAt, issuedAt, holderId}), " +
          "'document.lost' ({regNumber, circumstances}), 'digest.official_use_out' ({date, listedAt, items: " +
          '[{documentId, regNumber, title, holderName, dueAt, state}]}: the end-of-day list of For Official Use ' +
          'items not back in storage, empty when all are back), or one a client does not know yet.',
      ),
    data: z.record(z.string(), z.unknown()),
    instanceId: z.string().nullable().describe('The document it is about; null for an end-of-day list.'),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
    settled: z
      .boolean()
      .describe(
        'What it is about is over: the document it reminded of, or reported overdue, is back (or lost, or issued anew) since.',
      ),
    link: z
      .string()
      .nullable()
      .describe('The in-app path to open (/documents/<id>), only when the caller may open that page now; else null.'),
  })
  .meta({ id: 'NotificationView' });
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** One line of an end-of-day list ('digest.official_use_out'): what a reader reads, names not ids. */
export const officialUseOutItemSchema = z.object({
  documentId: z.string(),
  regNumber: z.string(),
  title: z.string(),
  holderName: z.string().nullable(),
  dueAt: z.iso.datetime({ offset: true }).nullable(),
  state: z.string(),
});
export type OfficialUseOutItem = z.infer<typeof officialUseOutItemSchema>;

/** `GET /api/notifications`: the caller's notifications, newest first, and how many are unread. */
export const notificationListSchema = z
  .object({ items: z.array(notificationViewSchema), unread: z.int().min(0) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationListSchema>;
