import { EntitySchema } from '@mikro-orm/core';

/** Query model of a document (journal, lists), updated in the same transaction as its instance. */
export class DocumentRecord {
  classification: string | null = null;
  holderId: string | null = null;
  dueAt: string | null = null;
  location: string | null = null;
  fileId: string | null = null;
  copyOf: string | null = null;
  copyNumber = 0;
  /** The latest moment of an event that may have changed whether it is a carrier (R-3; RegistrationChanges). */
  markedAt: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public regYear: number,
    public direction: string,
    public regSeq: number,
    public regNumber: string,
    public kind: string,
    public title: string,
    public correspondent: string,
    public documentDate: string,
    public state: string,
    public createdAt: string,
  ) {}
}

export const DocumentRecordSchema = new EntitySchema<DocumentRecord>({
  class: DocumentRecord,
  tableName: 'documents',
  uniques: [{ properties: ['schoolId', 'regYear', 'direction', 'regSeq', 'copyNumber'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    regYear: { type: 'integer' },
    direction: { type: 'string', length: 20 },
    regSeq: { type: 'integer' },
    regNumber: { type: 'string', length: 60 },
    kind: { type: 'string', length: 20 },
    title: { type: 'string', length: 500 },
    correspondent: { type: 'string', length: 300 },
    documentDate: { type: 'string', length: 10 },
    location: { type: 'string', length: 300, nullable: true },
    fileId: { type: 'string', length: 36, nullable: true },
    copyOf: { type: 'string', length: 36, nullable: true },
    copyNumber: { type: 'integer' },
    state: { type: 'string', length: 120 },
    classification: { type: 'string', length: 20, nullable: true },
    holderId: { type: 'string', length: 36, nullable: true },
    dueAt: { type: 'string', length: 24, nullable: true },
    markedAt: { type: 'string', length: 24, nullable: true },
    createdAt: { type: 'string', length: 24 },
  },
});
