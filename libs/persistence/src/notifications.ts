import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@grif/domain';
import { Appointment, OutboxMessage } from './entities';
import type { WriteTransactions } from './write-transactions';

export interface NotifyParams {
  template: string;
  toRoles?: Role[];
  toUserIds?: string[];
  data?: Record<string, unknown>;
}

/** Who holds one of these roles today (by appointment, R-2.3), in the school's calendar. */
export async function appointees(em: EntityManager, schoolId: string, roles: Role[], at: Date): Promise<string[]> {
  if (!roles.length) return [];
  const today = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' }).toISODate()!;
  const rows = await em.find(Appointment, {
    schoolId,
    role: { $in: roles },
    validFrom: { $lte: today },
    $or: [{ validUntil: null }, { validUntil: { $gte: today } }],
  });
  return rows.map((a) => a.userId);
}

/**
 * Delivers a `notify` effect as one notification per person, and marks its outbox row
 * delivered in the same transaction. A job may run twice: the (outbox, user) key makes
 * the second run write nothing.
 */
export async function deliverNotification(
  tx: WriteTransactions,
  outboxId: string,
  schoolId: string,
  instanceId: string,
  p: NotifyParams,
  at: Date,
): Promise<number> {
  return tx.run(async (em) => {
    const users = [...new Set([...(p.toUserIds ?? []), ...(await appointees(em, schoolId, p.toRoles ?? [], at))])];
    let n = 0;
    for (const userId of users) {
      const rows = await em.execute(
        `insert into notifications (id, school_id, user_id, outbox_id, instance_id, template, data, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (outbox_id, user_id) do nothing`,
        [
          randomUUID(),
          schoolId,
          userId,
          outboxId,
          instanceId,
          p.template,
          JSON.stringify(p.data ?? {}),
          at.toISOString(),
        ],
        'run',
      );
      n += Number((rows as { affectedRows?: number }).affectedRows ?? 0);
    }
    await em.nativeUpdate(OutboxMessage, { id: outboxId, deliveredAt: null }, { deliveredAt: at.toISOString() });
    return n;
  });
}
