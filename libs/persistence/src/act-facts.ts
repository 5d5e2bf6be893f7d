import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { DateTime } from 'luxon';
import type { Role } from '@grif/domain';
import type { DocumentContext, DocumentFact, Effect } from '@grif/workflows';
import { Appointment, Media, User, WorkflowInstance } from './entities';

/** Where a document is gone for good: it can neither be listed in an act nor be a copy "outside" one. */
const GONE = new Set(['destroyed', 'dispatched', 'lost']);

/** Appointments are dated in the school's day (Asia/Bishkek, as identity reads them). */
export const schoolDay = (at: string): string => DateTime.fromISO(at, { zone: 'Asia/Bishkek' }).toISODate()!;

/** A document as an act sees it: its state, its file, whether it is a copy, its live copies, the act holding it. */
export async function documentFact(em: EntityManager, schoolId: string, id: string): Promise<DocumentFact | null> {
  const i = await em.findOne(WorkflowInstance, { id, schoolId, machineId: 'document' }, { disableIdentityMap: true });
  if (!i) return null;
  const c = (JSON.parse(i.snapshot) as { context: DocumentContext }).context;
  const children = await em.find(
    WorkflowInstance,
    { parentId: id, machineId: 'document' },
    { fields: ['id', 'state'], disableIdentityMap: true },
  );
  return {
    kind: 'document',
    id,
    regNumber: c.regNumber,
    title: c.registration.title,
    state: i.state,
    copyOfId: c.copyOf?.id ?? null,
    liveCopyIds: children.filter((ch) => !GONE.has(ch.state)).map((ch) => ch.id),
    inActId: c.inAct?.id ?? null,
    file: c.file ? { index: c.file.index, year: c.file.year, retentionYears: c.file.retentionYears } : null,
  };
}

/** People holding the role by an order in force on the day of `at`, in the order of their appointment. */
export async function roleHolders(
  em: EntityManager,
  schoolId: string,
  role: Role,
  at: string,
): Promise<{ id: string; displayName: string }[]> {
  const day = schoolDay(at);
  const rows = await em.find(
    Appointment,
    { schoolId, role, validFrom: { $lte: day }, $or: [{ validUntil: null }, { validUntil: { $gte: day } }] },
    { orderBy: { orderDate: 'asc', createdAt: 'asc' }, disableIdentityMap: true },
  );
  const ids = [...new Set(rows.map((r) => r.userId))];
  const users = await em.find(User, { id: { $in: ids }, schoolId, disabled: false }, { disableIdentityMap: true });
  const byId = new Map(users.map((u) => [u.id, u.displayName]));
  return ids.filter((id) => byId.has(id)).map((id) => ({ id, displayName: byId.get(id)! }));
}

/**
 * the outgoing clerk's appointment ends the day before, the incoming clerk's begins today by the act's
 * order, and the carriers the outgoing clerk held pass to the incoming one.
 */
export async function transferCustody(
  em: EntityManager,
  schoolId: string,
  p: Extract<Effect, { type: 'transferCustody' }>['params'],
  by: string,
  at: string,
): Promise<void> {
  const today = schoolDay(at);
  const yesterday = DateTime.fromISO(today).minus({ days: 1 }).toISODate()!;
  const open = await em.find(Appointment, {
    schoolId,
    userId: p.fromUserId,
    role: 'records_clerk',
    $or: [{ validUntil: null }, { validUntil: { $gte: today } }],
  });
  for (const a of open) a.validUntil = a.validFrom > yesterday ? a.validFrom : yesterday;
  em.persist(
    new Appointment(randomUUID(), schoolId, p.toUserId, 'records_clerk', p.order.number, p.order.date, today, by, at),
  );
  await em.flush();
  if (p.carrierIds.length)
    await em.nativeUpdate(
      Media,
      { schoolId, id: { $in: p.carrierIds }, holderId: p.fromUserId },
      { holderId: p.toUserId },
    );
}
