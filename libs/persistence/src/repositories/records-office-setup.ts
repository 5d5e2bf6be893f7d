import { randomUUID } from 'node:crypto';
import { Cabinet, Clearance, NomenclatureFile, Room } from '../entities';
import type { WriteTransactions } from '../write-transactions';
import { insertClearance } from './clearances.repository';

/** What a records office starts with: rooms with their cabinets, the nomenclature, people's clearances. */
export interface RecordsOfficeFurniture {
  rooms: { name: string; secure: boolean; cabinets: string[] }[];
  files: { index: string; title: string; year: number; retentionYears: number | null }[];
  clearances: { userId: string; kind: 'nda' | 'briefing'; date: string; recordedBy: string }[];
}

/** Sets up a school's records office in one transaction (the demo school's, at first start). */
export class RecordsOfficeSetup {
  constructor(private readonly tx: WriteTransactions) {}

  async furnish(schoolId: string, f: RecordsOfficeFurniture, at: string): Promise<void> {
    const id = () => randomUUID();
    await this.tx.run(async (em) => {
      const rooms = f.rooms.map((r) => ({ row: new Room(id(), schoolId, r.name, r.secure, at), cabinets: r.cabinets }));
      await em.insertMany(
        Room,
        rooms.map((r) => r.row),
      );
      await em.insertMany(
        Cabinet,
        rooms.flatMap((r) => r.cabinets.map((name) => new Cabinet(id(), schoolId, r.row.id, name, at))),
      );
      await em.insertMany(
        NomenclatureFile,
        f.files.map((n) => new NomenclatureFile(id(), schoolId, n.index, n.title, n.year, n.retentionYears, at)),
      );
      for (const c of f.clearances)
        await insertClearance(em, new Clearance(id(), schoolId, c.userId, c.kind, c.date, c.recordedBy, at));
    });
  }
}
