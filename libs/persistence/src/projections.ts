import type { EntityManager } from '@mikro-orm/knex';
import type { InstanceRow } from '@grif/engine';
import type { DocumentContext } from '@grif/workflows';
import { DocumentRecord } from './entities';

type Projector = (em: EntityManager, instance: InstanceRow, context: any, at: string) => Promise<void>;

async function projectDocument(em: EntityManager, instance: InstanceRow, c: DocumentContext, at: string): Promise<void> {
  const changes = {
    state: instance.state,
    classification: c.classification,
    holderId: c.holder?.userId ?? null,
    dueAt: c.holder?.dueAt ?? null,
  };
  if (instance.version === 1) {
    const row = new DocumentRecord(instance.id, instance.schoolId, c.regYear, c.registration.direction, c.regSeq, c.regNumber, c.registration.kind, c.registration.title, instance.state, at);
    em.persist(Object.assign(row, changes));
    await em.flush();
  } else {
    await em.nativeUpdate(DocumentRecord, { id: instance.id }, changes);
  }
}

/** Query models kept in the same transaction as the instance they describe. */
export const PROJECTORS: Record<string, Projector> = {
  document: projectDocument,
};
