import type { EntityManager } from '@mikro-orm/knex';
import type { ClearanceRecord } from '@grif/domain';
import type { Fact, LookupKind } from '@grif/workflows';
import { Cabinet, Clearance, NomenclatureFile, Room, User } from './entities';

/**
 * Every clearance entry of a person, in the order they take effect: the rule
 * (`clearanceAt` in libs/domain) decides from all of them, so nothing is pre-picked here.
 */
export async function clearanceEntries(
  em: EntityManager,
  schoolId: string,
  userId: string,
): Promise<ClearanceRecord[]> {
  const rows = await em.find(
    Clearance,
    { schoolId, userId },
    { orderBy: { date: 'asc', seq: 'asc' }, disableIdentityMap: true },
  );
  return rows.map((r) => ({ kind: r.kind, date: r.date, seq: r.seq ?? 0, note: r.note }));
}

/** Facts the guards need about a record a payload names; null when the school has no such record. */
export async function lookupFact(
  em: EntityManager,
  kind: LookupKind,
  schoolId: string,
  id: string,
): Promise<Fact | null> {
  if (kind === 'person') {
    const u = await em.findOne(User, { id, schoolId, disabled: false }, { disableIdentityMap: true });
    return u ? { kind, id, displayName: u.displayName, clearances: await clearanceEntries(em, schoolId, id) } : null;
  }
  if (kind === 'cabinet') {
    const c = await em.findOne(Cabinet, { id, schoolId }, { disableIdentityMap: true });
    const room = c && (await em.findOne(Room, { id: c.roomId }, { disableIdentityMap: true }));
    return c && room ? { kind, id, name: c.name, roomName: room.name, secure: room.secure } : null;
  }
  const f = await em.findOne(NomenclatureFile, { id, schoolId }, { disableIdentityMap: true });
  return f ? { kind, id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears } : null;
}
