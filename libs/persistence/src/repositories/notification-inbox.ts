import type { Actor } from '@grif/domain';
import { Notification } from '../entities';
import { notificationFacts } from '../notification-facts';
import type { WriteTransactions } from '../write-transactions';

export interface NotificationEntry {
  id: string;
  template: string;
  data: Record<string, unknown>;
  /** The instance it is about; null for a digest. */
  instanceId: string | null;
  createdAt: string;
  readAt: string | null;
  settled: boolean;
  link: string | null;
}

/** One person's notifications (overdue documents, losses, the end-of-day lists). */
export class NotificationInbox {
  constructor(private readonly tx: WriteTransactions) {}

  /** The newest 200, and how many are unread in all; each says whether it is settled and where it may lead. */
  async of(reader: Actor): Promise<{ items: NotificationEntry[]; unread: number }> {
    const { schoolId, userId } = reader;
    const em = this.tx.reader();
    const rows = await em.find(
      Notification,
      { userId, schoolId },
      { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 },
    );
    const unread = await em.count(Notification, { userId, schoolId, readAt: null });
    const subjects = rows.map((n) => ({
      id: n.id,
      template: n.template,
      data: JSON.parse(n.data) as Record<string, unknown>,
      instanceId: n.instanceId,
      createdAt: n.createdAt,
    }));
    const facts = await notificationFacts(em, reader, subjects);
    return {
      items: subjects.map((s, i) => ({
        ...s,
        readAt: rows[i].readAt,
        settled: facts.get(s.id)?.settled ?? false,
        link: facts.get(s.id)?.link ?? null,
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
