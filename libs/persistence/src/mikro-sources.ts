import type { EntityManager } from '@mikro-orm/knex';
import type { DeadlineRow, DeadlineSource, OutboxSource, PendingOutbox } from '@grif/engine';
import { Deadline, OutboxMessage } from './entities';
import type { WriteTransactions } from './write-transactions';
import { toDeadlineRow } from './mikro-engine-store';

const toPending = (r: OutboxMessage): PendingOutbox => ({
  id: r.id,
  kind: r.kind as PendingOutbox['kind'],
  payload: JSON.parse(r.payload),
  schoolId: r.schoolId,
  instanceId: r.instanceId,
});

export class MikroOutboxSource implements OutboxSource {
  constructor(private readonly tx: WriteTransactions) {}

  async pending(limit: number): Promise<PendingOutbox[]> {
    const rows = await this.tx
      .reader()
      .find(
        OutboxMessage,
        { dispatchedAt: null },
        { orderBy: { createdAt: 'asc', id: 'asc' }, limit, disableIdentityMap: true },
      );
    return rows.map(toPending);
  }

  async undelivered(limit: number, afterId?: string): Promise<PendingOutbox[]> {
    const where = {
      deliveredAt: null,
      dispatchedAt: { $ne: null },
      kind: { $nin: ['deadline.arm', 'deadline.cancel'] },
      ...(afterId ? { id: { $gt: afterId } } : {}),
    };
    const rows = await this.tx
      .reader()
      .find(OutboxMessage, where, { orderBy: { id: 'asc' }, limit, disableIdentityMap: true });
    return rows.map(toPending);
  }

  async markDispatched(rows: Pick<PendingOutbox, 'id' | 'kind'>[], at: string): Promise<void> {
    if (!rows.length) return;
    const ids = rows.map((r) => r.id);
    // An armed or disarmed alarm is delivered once it is in Redis; an effect, when its job has done the work.
    const set = `dispatched_at = ?, delivered_at = case when kind like 'deadline.%' then ? else delivered_at end`;
    const within = `id in (${ids.map(() => '?').join(', ')}) and dispatched_at is null`;
    if (this.tx.kind === 'postgresql') {
      // Alone, and never waiting for a row: a group-commit batch whose jobs settle some of these rows holds their
      // locks in its own order, and waiting for them here closed a lock cycle (deadlocks measured under
      // bench:deadlines). A skipped row is being settled; its settle marks it dispatched too.
      await this.tx
        .reader()
        .getConnection()
        .execute(
          `update outbox set ${set} where id in (select id from outbox where ${within} for update skip locked)`,
          [at, at, ...ids],
        );
      return;
    }
    await this.tx.run((em: EntityManager) => em.execute(`update outbox set ${set} where ${within}`, [at, at, ...ids]));
  }

  countPending(): Promise<number> {
    return this.tx.reader().count(OutboxMessage, { deliveredAt: null });
  }
}

export class MikroDeadlineSource implements DeadlineSource {
  constructor(private readonly tx: WriteTransactions) {}

  async pending(limit: number, afterId?: string): Promise<DeadlineRow[]> {
    const where = afterId ? { status: 'pending' as const, id: { $gt: afterId } } : { status: 'pending' as const };
    const rows = await this.tx
      .reader()
      .find(Deadline, where, { orderBy: { id: 'asc' }, limit, disableIdentityMap: true });
    return rows.map(toDeadlineRow);
  }
}
