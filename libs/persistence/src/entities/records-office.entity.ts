import { EntitySchema } from '@mikro-orm/core';

/** A room of the school; only a secure room's cabinets may hold For Official Use documents. */
export class Room {
  constructor(
    public id: string,
    public schoolId: string,
    public name: string,
    public secure: boolean,
    public createdAt: string,
  ) {}
}
export const RoomSchema = new EntitySchema<Room>({
  class: Room,
  tableName: 'rooms',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    name: { type: 'string', length: 200 },
    secure: { type: 'boolean' },
    createdAt: { type: 'string', length: 24 },
  },
});

export class Cabinet {
  constructor(
    public id: string,
    public schoolId: string,
    public roomId: string,
    public name: string,
    public createdAt: string,
  ) {}
}
export const CabinetSchema = new EntitySchema<Cabinet>({
  class: Cabinet,
  tableName: 'cabinets',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    roomId: { type: 'string', length: 36 },
    name: { type: 'string', length: 200 },
    createdAt: { type: 'string', length: 24 },
  },
});

/** A file of the nomenclature (номенклатура дел): index, title, year, retention in years (null = permanent). */
export class NomenclatureFile {
  constructor(
    public id: string,
    public schoolId: string,
    public index: string,
    public title: string,
    public year: number,
    public retentionYears: number | null,
    public createdAt: string,
  ) {}
}
export const NomenclatureFileSchema = new EntitySchema<NomenclatureFile>({
  class: NomenclatureFile,
  tableName: 'nomenclature_files',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    index: { type: 'string', length: 40, fieldName: 'file_index' },
    title: { type: 'string', length: 300 },
    year: { type: 'integer' },
    retentionYears: { type: 'integer', nullable: true },
    createdAt: { type: 'string', length: 24 },
  },
});

/**
 * a non-disclosure obligation or a security briefing, recorded by the information-security officer,
 * or a revocation of what was recorded before it (its reason in `note`). Entries are never edited.
 */
export class Clearance {
  note: string | null = null;
  /** The order of recording among the person's entries (1, 2, …): decides between two entries of one date. */
  seq: number | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public userId: string,
    public kind: 'nda' | 'briefing' | 'revocation',
    public date: string,
    public recordedBy: string,
    public createdAt: string,
  ) {}
}
export const ClearanceSchema = new EntitySchema<Clearance>({
  class: Clearance,
  tableName: 'clearances',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    userId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 12 },
    date: { type: 'string', length: 10 },
    note: { type: 'string', length: 500, nullable: true },
    seq: { type: 'integer', nullable: true },
    recordedBy: { type: 'string', length: 36 },
    createdAt: { type: 'string', length: 24 },
  },
});

/** Removable media registered as carriers of confidential information. */
export class Media {
  constructor(
    public id: string,
    public schoolId: string,
    public label: string,
    public kind: string,
    public classification: string,
    public holderId: string,
    public registeredBy: string,
    public registeredAt: string,
  ) {}
}
export const MediaSchema = new EntitySchema<Media>({
  class: Media,
  tableName: 'media',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    label: { type: 'string', length: 200 },
    kind: { type: 'string', length: 20 },
    classification: { type: 'string', length: 20 },
    holderId: { type: 'string', length: 36 },
    registeredBy: { type: 'string', length: 36 },
    registeredAt: { type: 'string', length: 24 },
  },
});
