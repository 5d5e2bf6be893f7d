import { Injectable } from '@nestjs/common';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { DateTime } from 'luxon';
import { auditEventQuerySchema, type AuditEventPage } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { WorkflowEvent, WorkflowInstance, WriteTransactions } from '@grif/persistence';
import { parseBody } from '../http/zod-body';
import { TimelineService } from './timeline.service';

const ZONE = 'Asia/Bishkek';
/** A Bishkek day's first instant, as the history stores instants (ISO UTC, so strings compare in time order). */
const startOf = (day: string) => DateTime.fromISO(day, { zone: ZONE }).toUTC().toISO()!;

/** The auditor's search over every event of the school, newest first. */
@Injectable()
export class EventsService {
  constructor(
    private readonly tx: WriteTransactions,
    private readonly timelines: TimelineService,
  ) {}

  async search(actor: Actor, query: unknown): Promise<AuditEventPage> {
    const q = parseBody(auditEventQuerySchema, query);
    const where: FilterQuery<WorkflowEvent> = { schoolId: actor.schoolId };
    if (q.actor) where.actorId = q.actor;
    if (q.type) where.type = q.type;
    const at: Record<string, string> = {};
    if (q.from) at.$gte = startOf(q.from);
    if (q.to) at.$lt = startOf(DateTime.fromISO(q.to).plus({ days: 1 }).toISODate()!);
    if (Object.keys(at).length) where.at = at;
    // A document and a case are instances of their machines: the same id.
    const instances = [q.instanceId, q.documentId, q.caseId].filter((x): x is string => !!x);
    const none = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
    if (new Set(instances).size > 1) return none;
    if (q.subject) {
      const named = await this.timelines.instancesNamed(actor.schoolId, q.subject);
      const wanted = instances.length ? named.filter((id) => id === instances[0]) : named;
      if (!wanted.length) return none;
      where.instanceId = { $in: wanted };
    } else if (instances.length) where.instanceId = instances[0];

    const em = this.tx.reader();
    const [rows, total] = await Promise.all([
      em.find(WorkflowEvent, where, {
        orderBy: { at: 'desc', seq: 'desc' },
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
        disableIdentityMap: true,
        fields: ['instanceId', 'seq', 'type', 'at', 'actorId'],
      }),
      // The school alone: its total from the instances (see schoolEventCount); any filter counts its rows.
      Object.keys(where).length === 1 ? schoolEventCount(em, actor.schoolId) : em.count(WorkflowEvent, where),
    ]);
    const ids = [...new Set(rows.map((r) => r.instanceId))];
    const owners = await em.find(
      WorkflowInstance,
      { schoolId: actor.schoolId, id: { $in: ids } },
      { fields: ['id', 'machineId'], disableIdentityMap: true },
    );
    const machines = new Map(owners.map((o) => [o.id, o.machineId]));
    const [names, subjects] = await Promise.all([
      this.timelines.names(actor),
      this.timelines.subjects(actor.schoolId, owners),
    ]);
    return {
      items: rows.map((r) => ({
        instanceId: r.instanceId,
        machine: machines.get(r.instanceId) ?? '',
        seq: r.seq,
        type: r.type,
        at: r.at,
        actorName: names.get(r.actorId) ?? r.actorId,
        subject: subjects.get(r.instanceId) ?? '',
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

/**
 * All of a school's events: each instance's are numbered 1…last_seq without a gap (the chain verifier proves
 * it), so their sum is the count — from an index (migration InstanceEventCounts20261205), not 200,000 rows.
 */
async function schoolEventCount(em: EntityManager, schoolId: string): Promise<number> {
  const [row] = await em
    .getConnection()
    .execute<{ total: number | string | null }[]>(
      'select sum(last_seq) as total from workflow_instances where school_id = ?',
      [schoolId],
    );
  return Number(row?.total ?? 0);
}
