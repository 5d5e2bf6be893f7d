import { z } from 'zod';

/** One notification addressed to the caller. */
export const notificationViewSchema = z
  .object({
    id: z.string(),
    template: z
      .string()
      .describe(
        "'document.overdue' ({regNumber, dueAt}), 'document.lost' ({regNumber, circumstances}), or one a client does not know yet.",
      ),
    data: z.record(z.string(), z.unknown()),
    instanceId: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    readAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'NotificationView' });
export type NotificationView = z.infer<typeof notificationViewSchema>;

/** `GET /api/notifications`: the caller's notifications, newest first, and how many are unread. */
export const notificationListSchema = z
  .object({ items: z.array(notificationViewSchema), unread: z.int().min(0) })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof notificationListSchema>;
