import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@grif/domain';
import { settleOutboxRow } from './outbox-settle';
import { placeholders, RawSql } from './raw-sql';
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
  // Read for every notification sent to a role: plain SQL (see RawSql).
  const rows = await new RawSql(em).rows<{ user_id: string }>(
    `select user_id from appointments where school_id = ? and role in (${roles.map(() => '?').join(', ')})
     and valid_from <= ? and (valid_until is null or valid_until >= ?)`,
    [schoolId, ...roles, today, today],
  );
  return rows.map((a) => a.user_id);
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
    const sql = new RawSql(em);
    // One statement for everyone (every deadline that passes notifies three people): see RawSql.
    const n = users.length
      ? await sql.run(
          `insert into notifications (id, school_id, user_id, outbox_id, instance_id, template, data, created_at)
           values ${placeholders(users.length, 8)} on conflict (outbox_id, user_id) do nothing`,
          users.flatMap((userId) => [
            randomUUID(),
            schoolId,
            userId,
            outboxId,
            instanceId,
            p.template,
            JSON.stringify(p.data ?? {}),
            at.toISOString(),
          ]),
        )
      : 0;
    await settleOutboxRow(sql, outboxId, at.toISOString());
    return n;
  });
}
