import type { EntityManager } from '@mikro-orm/knex';
import type { Fact, LookupKind } from '@grif/workflows';
import { Cabinet, Clearance, NomenclatureFile, Room, User } from './entities';

/**
 * The recorded date of each clearance kind: the latest for people to read, the earliest
 * for the guard, so a record dated ahead never hides one that is already in force.
 */
export async function clearanceDates(
  em: EntityManager,
  schoolId: string,
  userId: string,
  pick: 'latest' | 'earliest' = 'latest',
): Promise<{ nda: string | null; briefing: string | null }> {
  const rows = await em.find(
    Clearance,
    { schoolId, userId },
    { orderBy: { date: pick === 'latest' ? 'desc' : 'asc' }, disableIdentityMap: true },
  );
  return {
    nda: rows.find((r) => r.kind === 'nda')?.date ?? null,
    briefing: rows.find((r) => r.kind === 'briefing')?.date ?? null,
  };
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
    return u ? { kind, id, displayName: u.displayName, ...(await clearanceDates(em, schoolId, id, 'earliest')) } : null;
  }
  if (kind === 'cabinet') {
    const c = await em.findOne(Cabinet, { id, schoolId }, { disableIdentityMap: true });
    const room = c && (await em.findOne(Room, { id: c.roomId }, { disableIdentityMap: true }));
    return c && room ? { kind, id, name: c.name, roomName: room.name, secure: room.secure } : null;
  }
  const f = await em.findOne(NomenclatureFile, { id, schoolId }, { disableIdentityMap: true });
  return f ? { kind, id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears } : null;
}
