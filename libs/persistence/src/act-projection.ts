import type { EntityManager } from '@mikro-orm/knex';
import type { InstanceRow, ProjectedEvent } from '@grif/engine';
import { namedIn, nextSigners, type ActContextBase } from '@grif/workflows';
import { ActRecord } from './entities';

const idList = (ids: string[]) => (ids.length ? `,${ids.join(',')},` : '');

/** The acts list and the "to sign" queue, kept in the act's own transaction. */
export async function projectAct(
  em: EntityManager,
  instance: InstanceRow,
  c: ActContextBase & { outgoingClerkId?: string; incomingClerkId?: string },
  e: ProjectedEvent,
): Promise<void> {
  const awaiting = instance.state === 'awaiting_signatures' ? nextSigners(c).map((s) => s.userId) : [];
  const fields = {
    state: instance.state,
    version: instance.version,
    itemCount: c.items.length,
    pdfSha256: c.pdf?.sha256 ?? null,
    awaitingIds: idList(awaiting),
    participantIds: idList(namedIn(c, [c.outgoingClerkId, c.incomingClerkId])),
    updatedAt: e.at,
  };
  if (e.type === 'CREATE') {
    const row = new ActRecord(
      instance.id,
      instance.schoolId,
      c.kind,
      c.number,
      instance.state,
      instance.version,
      c.items.length,
      e.at,
      e.at,
    );
    await em.insert(ActRecord, Object.assign(row, fields));
    return;
  }
  await em.nativeUpdate(ActRecord, { id: instance.id }, fields);
}
