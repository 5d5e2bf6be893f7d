import type { EntityManager } from '@mikro-orm/knex';
import type { ClearanceRecord } from '@grif/domain';
import type { Fact, LookupKind } from '@grif/workflows';
import { Cabinet, type Clearance, NomenclatureFile, Room } from './entities';
import { RawSql } from './raw-sql';

/**
 * Every clearance entry of a person, in the order they take effect: the rule
 * (`clearanceAt` in libs/domain) decides from all of them, so nothing is pre-picked here.
 */
export async function clearanceEntries(
  em: EntityManager,
  schoolId: string,
  userId: string,
): Promise<ClearanceRecord[]> {
  const rows = await new RawSql(em).rows<ClearanceRow>(
    'select kind, date, seq, note from clearances where school_id = ? and user_id = ? order by date asc, seq asc',
    [schoolId, userId],
  );
  return rows.map(clearanceEntry);
}

type ClearanceRow = Pick<Clearance, 'kind' | 'date' | 'seq' | 'note'>;
const clearanceEntry = (r: ClearanceRow): ClearanceRecord => ({
  kind: r.kind,
  date: r.date,
  seq: Number(r.seq ?? 0),
  note: r.note,
});

/** A person's row with one of their clearances (all null when they have none), as a left join gives it. */
export type PersonRow = { display_name: string } & Partial<ClearanceRow>;

/** A person's fact from their rows (clearances in the order they take effect); none: no such person. */
export function personFact(id: string, rows: PersonRow[]): Fact | null {
  if (!rows.length) return null;
  const clearances = rows.flatMap((r) => (r.kind == null ? [] : [clearanceEntry(r as ClearanceRow)]));
  return { kind: 'person', id, displayName: rows[0].display_name, clearances };
}

/** Facts the guards need about a record a payload names; null when the school has no such record. */
export async function lookupFact(
  em: EntityManager,
  kind: LookupKind,
  schoolId: string,
  id: string,
): Promise<Fact | null> {
  if (kind === 'person') {
    // Every issue names a person: the person and their clearances in one statement (see RawSql).
    const rows = await new RawSql(em).rows<PersonRow>(
      `select u.display_name, c.kind, c.date, c.seq, c.note from users u
         left join clearances c on c.school_id = u.school_id and c.user_id = u.id
       where u.id = ? and u.school_id = ? and u.disabled = ? order by c.date asc, c.seq asc`,
      [id, schoolId, false],
    );
    return personFact(id, rows);
  }
  if (kind === 'cabinet') {
    const c = await em.findOne(Cabinet, { id, schoolId }, { disableIdentityMap: true });
    const room = c && (await em.findOne(Room, { id: c.roomId }, { disableIdentityMap: true }));
    return c && room ? { kind, id, name: c.name, roomName: room.name, secure: room.secure } : null;
  }
  if (kind !== 'file') return null;
  const f = await em.findOne(NomenclatureFile, { id, schoolId }, { disableIdentityMap: true });
  return f ? { kind, id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears } : null;
}
