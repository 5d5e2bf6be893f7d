import type { EntityManager } from '@mikro-orm/knex';
import { BreachCaseRecord, Session, WorkflowEvent, WorkflowInstance } from '../entities';
import type { WriteTransactions } from '../write-transactions';

/** Where each desk's next action is: the officer runs the case, support shuts and resets accounts. */
const QUEUES: Record<'officer' | 'support', string[]> = {
  officer: ['reported', 'triaged', 'contained', 'investigated', 'remediated'],
  support: ['reported', 'triaged', 'awaiting_reset'],
};
export type BreachQueue = keyof typeof QUEUES;

export interface AccessTrace {
  sessions: { createdAt: string; lastSeenAt: string | null; client: string | null }[];
  events: { at: string; instanceId: string; type: string; regNumber: string | null }[];
}

/** Breach cases' query model, and what a Grif account did (for an investigation). */
export class BreachesRepository {
  constructor(private readonly tx: WriteTransactions) {}

  private get em(): EntityManager {
    return this.tx.reader() as EntityManager;
  }

  /** Newest first; `onlyFor`: cases that person reported or owns; `queue`: waiting for that desk. */
  async list(schoolId: string, o: { onlyFor?: string; queue?: BreachQueue }): Promise<BreachCaseRecord[]> {
    const where: Record<string, unknown> = { schoolId };
    if (o.onlyFor) where.$or = [{ reporterId: o.onlyFor }, { ownerId: o.onlyFor }];
    if (o.queue) where.state = { $in: QUEUES[o.queue] };
    return this.em.find(BreachCaseRecord, where, {
      orderBy: { reportedAt: 'desc', id: 'asc' },
      limit: 500,
      disableIdentityMap: true,
    });
  }

  /** The account's sessions still on record and its events in the history, from `from` to `to`. */
  async accessTrace(schoolId: string, userId: string, from: string, to: string): Promise<AccessTrace> {
    const sessions = await this.em.find(
      Session,
      { userId },
      { orderBy: { createdAt: 'asc' }, disableIdentityMap: true },
    );
    const events = await this.em.find(
      WorkflowEvent,
      { schoolId, actorId: userId, at: { $gte: from, $lte: to } },
      { orderBy: { at: 'asc' }, limit: 500, disableIdentityMap: true },
    );
    const instances = await this.em.find(
      WorkflowInstance,
      { id: { $in: [...new Set(events.map((e) => e.instanceId))] } },
      { fields: ['id', 'snapshot'], disableIdentityMap: true },
    );
    const regOf = new Map(
      instances.map((i) => [
        i.id,
        (JSON.parse(i.snapshot) as { context: { regNumber?: string } }).context.regNumber ?? null,
      ]),
    );
    return {
      sessions: sessions.map((s) => ({ createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, client: s.client })),
      events: events.map((e) => ({
        at: e.at,
        instanceId: e.instanceId,
        type: e.type,
        regNumber: regOf.get(e.instanceId) ?? null,
      })),
    };
  }
}
