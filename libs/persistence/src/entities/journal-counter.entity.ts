import { EntitySchema } from '@mikro-orm/core';

/** Last journal number given per school, year and direction (R-4.1b). */
export class JournalCounter {
  constructor(
    public schoolId: string,
    public year: number,
    public direction: string,
    public lastSeq: number,
  ) {}
}

export const JournalCounterSchema = new EntitySchema<JournalCounter>({
  class: JournalCounter,
  tableName: 'journal_counters',
  properties: {
    schoolId: { type: 'string', primary: true, length: 36 },
    year: { type: 'integer', primary: true },
    direction: { type: 'string', primary: true, length: 20 },
    lastSeq: { type: 'integer' },
  },
});
