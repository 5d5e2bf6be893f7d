import type { EntityManager } from '@mikro-orm/knex';
import type { DeadlineRow, DeadlineSource, OutboxSource, PendingOutbox } from '@grif/engine';
import { Deadline, OutboxMessage } from './entities';
import type { WriteTransactions } from './write-transactions';
import { toDeadlineRow } from './mikro-engine-store';

const isDeadlineKind = (kind: string) => kind.startsWith('deadline.');
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
    const armed = rows.filter((r) => isDeadlineKind(r.kind)).map((r) => r.id);
    const effects = rows.filter((r) => !isDeadlineKind(r.kind)).map((r) => r.id);
    await this.tx.run(async (em: EntityManager) => {
      if (armed.length)
        await em.nativeUpdate(
          OutboxMessage,
          { id: { $in: armed }, dispatchedAt: null },
          { dispatchedAt: at, deliveredAt: at },
        );
      if (effects.length)
        await em.nativeUpdate(OutboxMessage, { id: { $in: effects }, dispatchedAt: null }, { dispatchedAt: at });
    });
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
