import type { EntityManager } from '@mikro-orm/knex';
import type { ActItemEntry } from '@grif/workflows';
import { DocumentRecord, Media, NomenclatureFile, User } from './entities';

/** Gone for good: no one's custody any more. */
const GONE = ['destroyed', 'dispatched', 'lost'];
/** Out with a holder on an issue. */
const OUT = new Set(['issued', 'overdue', 'escalated']);

/** The kinds of registered carriers, as the act (Kyrgyz) names them. */
const CARRIER_KIND: Record<string, string> = {
  usb: 'USB флеш-топтогуч',
  disk: 'Диск',
  card: 'Эс тутум картасы',
  paper: 'Кагаз алып жүрүүчү',
  other: 'Маалымат алып жүрүүчү',
};

/**
 * everything in the records office's custody, as an acceptance-transfer act lists it: every document
 * and copy not destroyed, dispatched or lost, in the journal's order with each copy after its original (one
 * issued out says to whom), then every registered carrier in the order of registration (with who holds it).
 */
export async function custodyInventory(em: EntityManager, schoolId: string): Promise<ActItemEntry[]> {
  const docs = await em.find(
    DocumentRecord,
    { schoolId, state: { $nin: GONE } },
    {
      orderBy: { regYear: 'asc', direction: 'asc', regSeq: 'asc', copyNumber: 'asc', id: 'asc' },
      disableIdentityMap: true,
    },
  );
  const media = await em.find(
    Media,
    { schoolId },
    { orderBy: { registeredAt: 'asc', id: 'asc' }, disableIdentityMap: true },
  );
  const fileIds = [...new Set(docs.map((d) => d.fileId).filter((f): f is string => !!f))];
  const files = fileIds.length
    ? await em.find(NomenclatureFile, { schoolId, id: { $in: fileIds } }, { disableIdentityMap: true })
    : [];
  const fileIndex = new Map(files.map((f) => [f.id, f.index]));
  const users = await em.find(User, { schoolId }, { fields: ['id', 'displayName'], disableIdentityMap: true });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const nameOf = (id: string) => names.get(id) ?? id;

  const documents = docs.map((d): ActItemEntry => ({
    documentId: d.id,
    regNumber: d.regNumber,
    title: OUT.has(d.state) && d.holderId ? `${d.title} — берилген: ${nameOf(d.holderId)}` : d.title,
    itemKind: d.copyOf ? 'copy' : 'document',
    copyOfId: d.copyOf,
    fileIndex: d.fileId ? (fileIndex.get(d.fileId) ?? null) : null,
    present: null,
  }));
  const carriers = media.map((m): ActItemEntry => ({
    documentId: m.id,
    regNumber: m.label,
    title: `${CARRIER_KIND[m.kind] ?? CARRIER_KIND.other} — колунда: ${nameOf(m.holderId)}`,
    itemKind: 'carrier',
    copyOfId: null,
    fileIndex: null,
    present: null,
  }));
  return [...documents, ...carriers];
}
