import { randomUUID } from 'node:crypto';
import { Cabinet, Room } from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface CabinetEntry {
  id: string;
  name: string;
  roomId: string;
}

export interface RoomEntry {
  id: string;
  name: string;
  secure: boolean;
  cabinets: CabinetEntry[];
}

/** Where documents are kept: rooms (secure or not, R-4.2.2) and their cabinets. */
export class StorageRepository {
  constructor(private readonly tx: WriteTransactions) {}

  /** Every room by name, each with its cabinets by name. */
  async rooms(schoolId: string): Promise<RoomEntry[]> {
    const em = this.tx.reader();
    const rooms = await em.find(Room, { schoolId }, { orderBy: { name: 'asc' } });
    const cabinets = await em.find(Cabinet, { schoolId }, { orderBy: { name: 'asc' } });
    return rooms.map((r) => ({
      id: r.id,
      name: r.name,
      secure: r.secure,
      cabinets: cabinets.filter((c) => c.roomId === r.id).map((c) => ({ id: c.id, name: c.name, roomId: r.id })),
    }));
  }

  async hasRoom(schoolId: string, roomId: string): Promise<boolean> {
    return (await this.tx.reader().count(Room, { id: roomId, schoolId })) > 0;
  }

  async addRoom(schoolId: string, room: { name: string; secure: boolean }, at: string): Promise<RoomEntry> {
    const row = new Room(randomUUID(), schoolId, room.name, room.secure, at);
    await this.tx.run((em) => em.insert(Room, row));
    return { id: row.id, name: row.name, secure: row.secure, cabinets: [] };
  }

  async addCabinet(schoolId: string, roomId: string, name: string, at: string): Promise<CabinetEntry> {
    const row = new Cabinet(randomUUID(), schoolId, roomId, name, at);
    await this.tx.run((em) => em.insert(Cabinet, row));
    return { id: row.id, name: row.name, roomId };
  }
}
