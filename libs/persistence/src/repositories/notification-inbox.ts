import { Notification } from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface NotificationEntry {
  id: string;
  template: string;
  data: unknown;
  instanceId: string;
  createdAt: string;
  readAt: string | null;
}

/** One person's notifications (overdue documents, losses). */
export class NotificationInbox {
  constructor(private readonly tx: WriteTransactions) {}

  /** The newest 200, and how many are unread in all. */
  async of(schoolId: string, userId: string): Promise<{ items: NotificationEntry[]; unread: number }> {
    const em = this.tx.reader();
    const rows = await em.find(
      Notification,
      { userId, schoolId },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 },
    );
    const unread = await em.count(Notification, { userId, schoolId, readAt: null });
    return {
      items: rows.map((n) => ({
        id: n.id,
        template: n.template,
        data: JSON.parse(n.data),
        instanceId: n.instanceId,
        createdAt: n.createdAt,
        readAt: n.readAt,
      })),
      unread,
    };
  }

  /** Marks it read once; false when that person has no such notification. */
  async markRead(schoolId: string, userId: string, id: string, at: string): Promise<boolean> {
    const n = await this.tx.run((em) =>
      em.nativeUpdate(Notification, { id, userId, schoolId, readAt: null }, { readAt: at }),
    );
    return n > 0 || (await this.tx.reader().count(Notification, { id, userId, schoolId })) > 0;
  }
}
