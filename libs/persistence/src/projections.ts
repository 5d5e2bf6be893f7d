import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import type { InstanceRow, ProjectedEvent } from '@grif/engine';
import type { DocumentContext } from '@grif/workflows';
import { CopyRecord, DocumentRecord, IssueRecord } from './entities';

type Projector = (em: EntityManager, instance: InstanceRow, context: any, event: ProjectedEvent) => Promise<void>;

async function projectDocument(em: EntityManager, instance: InstanceRow, c: DocumentContext, e: ProjectedEvent): Promise<void> {
  const changes = {
    state: instance.state,
    classification: c.classification,
    holderId: c.holder?.userId ?? null,
    dueAt: c.holder?.dueAt ?? null,
    location: c.location,
    fileId: c.file?.id ?? null,
  };
  if (e.type === 'CREATE') {
    const r = c.registration;
    const row = new DocumentRecord(instance.id, instance.schoolId, c.regYear, r.direction, c.regSeq, c.regNumber, r.kind, r.title, r.correspondent, r.documentDate, instance.state, e.at);
    Object.assign(row, changes, { copyOf: c.copyOf?.id ?? null, copyNumber: c.copyNumber ?? 0 });
    await em.insert(DocumentRecord, row);
    if (c.copyOf && c.copyNumber) {
      // R-4.1c: the copy journal line; the purpose is the COPY event's, recorded on the original.
      const purpose = await copyPurpose(em, c.copyOf.id);
      await em.insert(CopyRecord, new CopyRecord(randomUUID(), instance.schoolId, c.copyOf.id, c.copyOf.regNumber, instance.id, c.copyNumber, purpose, e.actorId, e.at, c.classification));
    }
    return;
  }
  await em.nativeUpdate(DocumentRecord, { id: instance.id }, changes);
  await projectIssueJournal(em, instance, c, e);
}

/** The COPY event that spawned the copies is committed first in the same transaction. */
async function copyPurpose(em: EntityManager, originalId: string): Promise<string> {
  const rows = await em.execute<{ payload: string }[]>(
    `select payload from workflow_events where instance_id = ? and type = 'COPY' order by seq desc limit 1`,
    [originalId],
  );
  return rows[0] ? (JSON.parse(rows[0].payload) as { purpose: string }).purpose : '';
}

/** one journal line per issue, completed as the holder signs and the clerk takes it back. */
async function projectIssueJournal(em: EntityManager, instance: InstanceRow, c: DocumentContext, e: ProjectedEvent): Promise<void> {
  const open = { documentId: instance.id, returnedAt: null };
  switch (e.type) {
    case 'ISSUE': {
      const h = c.holder!;
      const p = e.payload as { purpose: string };
      await em.insert(IssueRecord, new IssueRecord(randomUUID(), instance.schoolId, instance.id, c.regNumber, c.classification, h.userId, p.purpose, e.at, e.actorId, h.dueAt));
      return;
    }
    case 'ACKNOWLEDGE':
      await em.nativeUpdate(IssueRecord, open, { acknowledgedAt: e.at });
      return;
    case 'DEADLINE_PASSED':
      await em.nativeUpdate(IssueRecord, open, { overdueAt: e.at });
      return;
    case 'RETURN':
      await em.nativeUpdate(IssueRecord, open, { returnedAt: e.at, condition: (e.payload as { condition?: string }).condition ?? null });
      return;
    case 'REPORT_LOSS':
      await em.nativeUpdate(IssueRecord, open, { returnedAt: null, condition: `lost: ${(e.payload as { circumstances: string }).circumstances}` });
      return;
  }
}

/** Query models kept in the same transaction as the instance they describe. */
export const PROJECTORS: Record<string, Projector> = {
  document: projectDocument,
};
