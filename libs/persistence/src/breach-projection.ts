import type { EntityManager } from '@mikro-orm/knex';
import type { InstanceRow, ProjectedEvent } from '@grif/engine';
import type { BreachContext } from '@grif/workflows';
import { BreachCaseRecord } from './entities';
import { projectAct } from './act-projection';

/** The case's line in the queues and the statistics; from its report on, its act's line in the "to sign" queue. */
export async function projectBreach(
  em: EntityManager,
  instance: InstanceRow,
  c: BreachContext,
  e: ProjectedEvent,
): Promise<void> {
  const fields = {
    state: instance.state,
    ownerId: c.ownerId,
    severity: c.triage?.severity ?? null,
    cause: c.investigation?.cause ?? null,
    containedAt: c.containment?.resetConfirmedAt ?? (c.system === 'grif' ? (c.containment?.at ?? null) : null),
    closedAt: c.completedAt,
    stepName: c.step?.name ?? null,
    stepDueAt: c.step?.dueAt ?? null,
    stepEscalated: c.step?.escalated ?? false,
    updatedAt: e.at,
  };
  if (e.type === 'CREATE') {
    const row = new BreachCaseRecord(
      instance.id,
      instance.schoolId,
      c.number,
      instance.state,
      c.system,
      c.account,
      c.reporterId,
      c.late,
      c.discoveredAt,
      c.reportedAt,
      e.at,
    );
    await em.insert(BreachCaseRecord, Object.assign(row, fields));
    return;
  }
  await em.nativeUpdate(BreachCaseRecord, { id: instance.id }, fields);
  // SUBMIT_REPORT names the signers: from then on the report is an act, listed once and kept in step.
  if (!c.signers.length) return;
  await projectAct(em, instance, c, e.type === 'SUBMIT_REPORT' ? { ...e, type: 'CREATE' } : e);
}
