import { EntitySchema } from '@mikro-orm/core';

/** One line of the issue journal: issued, signed for, due, returned, overdue. */
export class IssueRecord {
  acknowledgedAt: string | null = null;
  returnedAt: string | null = null;
  condition: string | null = null;
  overdueAt: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public documentId: string,
    public regNumber: string,
    public classification: string | null,
    public holderId: string,
    public purpose: string,
    public issuedAt: string,
    public issuedBy: string,
    public dueAt: string | null,
  ) {}
}
export const IssueRecordSchema = new EntitySchema<IssueRecord>({
  class: IssueRecord,
  tableName: 'issue_journal',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    documentId: { type: 'string', length: 36 },
    regNumber: { type: 'string', length: 60 },
    classification: { type: 'string', length: 20, nullable: true },
    holderId: { type: 'string', length: 36 },
    purpose: { type: 'string', length: 500 },
    issuedAt: { type: 'string', length: 24 },
    issuedBy: { type: 'string', length: 36 },
    dueAt: { type: 'string', length: 24, nullable: true },
    acknowledgedAt: { type: 'string', length: 24, nullable: true },
    returnedAt: { type: 'string', length: 24, nullable: true },
    condition: { type: 'string', length: 500, nullable: true },
    overdueAt: { type: 'string', length: 24, nullable: true },
  },
});

/** One line of the copy journal (R-4.1c): date, purpose, who, the copy's number. */
export class CopyRecord {
  constructor(
    public id: string,
    public schoolId: string,
    public originalId: string,
    public originalRegNumber: string,
    public copyId: string,
    public copyNumber: number,
    public purpose: string,
    public madeBy: string,
    public madeAt: string,
    public classification: string | null,
  ) {}
}
export const CopyRecordSchema = new EntitySchema<CopyRecord>({
  class: CopyRecord,
  tableName: 'copy_journal',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    originalId: { type: 'string', length: 36 },
    originalRegNumber: { type: 'string', length: 60 },
    copyId: { type: 'string', length: 36 },
    copyNumber: { type: 'integer' },
    purpose: { type: 'string', length: 500 },
    madeBy: { type: 'string', length: 36 },
    madeAt: { type: 'string', length: 24 },
    classification: { type: 'string', length: 20, nullable: true },
  },
});
