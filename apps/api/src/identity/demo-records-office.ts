import { randomUUID } from 'node:crypto';
import { Cabinet, Clearance, NomenclatureFile, Room, WriteTransactions } from '@grif/persistence';

/**
 * Demo mode only: the records office a school starts with, so the first walk-through works —
 * a secure archive room, an open staff room, the year's nomenclature, and the
 * teacher cleared for classified documents; teacher2 deliberately is not.
 */
export async function seedDemoRecordsOffice(tx: WriteTransactions, schoolId: string, users: Record<string, string>, now: string): Promise<void> {
  const id = () => randomUUID();
  await tx.run(async (em) => {
    const archive = new Room(id(), schoolId, 'Каб. 12 (архив)', true, now);
    const staffRoom = new Room(id(), schoolId, 'Мугалимдер бөлмөсү', false, now);
    await em.insertMany(Room, [archive, staffRoom]);
    await em.insertMany(Cabinet, [
      new Cabinet(id(), schoolId, archive.id, 'Шкаф 1', now),
      new Cabinet(id(), schoolId, archive.id, 'Шкаф 2', now),
      new Cabinet(id(), schoolId, staffRoom.id, 'Текче 1', now),
    ]);
    await em.insertMany(NomenclatureFile, [
      new NomenclatureFile(id(), schoolId, '01-01', 'Директордун негизги иш боюнча буйруктары', 2026, null, now),
      new NomenclatureFile(id(), schoolId, '01-05', 'Кирүүчү каттар', 2026, 5, now),
      new NomenclatureFile(id(), schoolId, '01-06', 'Чыгуучу каттар', 2026, 5, now),
    ]);
    for (const kind of ['nda', 'briefing'] as const) {
      await em.insert(Clearance, new Clearance(id(), schoolId, users.teacher, kind, '2026-09-02', users.security, now));
    }
  });
}
