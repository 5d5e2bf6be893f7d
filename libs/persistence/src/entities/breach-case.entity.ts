import { EntitySchema } from '@mikro-orm/core';

/** The query model of a breach case: the queues, "my cases", the statistics. The machine is the truth. */
export class BreachCaseRecord {
  ownerId: string | null = null;
  severity: string | null = null;
  cause: string | null = null;
  containedAt: string | null = null;
  closedAt: string | null = null;
  stepName: string | null = null;
  stepDueAt: string | null = null;
  stepEscalated = false;
  constructor(
    public id: string,
    public schoolId: string,
    public number: string,
    public state: string,
    public system: string,
    public account: string,
    public reporterId: string,
    public late: boolean,
    public discoveredAt: string,
    public reportedAt: string,
    public updatedAt: string,
  ) {}
}

export const BreachCaseRecordSchema = new EntitySchema<BreachCaseRecord>({
  class: BreachCaseRecord,
  tableName: 'breach_cases',
  indexes: [{ properties: ['schoolId', 'reportedAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    number: { type: 'string', length: 64 },
    state: { type: 'string', length: 40 },
    system: { type: 'string', length: 20 },
    account: { type: 'string', length: 200 },
    ownerId: { type: 'string', length: 36, nullable: true },
    reporterId: { type: 'string', length: 36 },
    late: { type: 'boolean' },
    severity: { type: 'string', length: 20, nullable: true },
    cause: { type: 'string', length: 40, nullable: true },
    discoveredAt: { type: 'string', length: 24 },
    reportedAt: { type: 'string', length: 24 },
    containedAt: { type: 'string', length: 24, nullable: true },
    closedAt: { type: 'string', length: 24, nullable: true },
    stepName: { type: 'string', length: 20, nullable: true },
    stepDueAt: { type: 'string', length: 24, nullable: true },
    stepEscalated: { type: 'boolean' },
    updatedAt: { type: 'string', length: 24 },
  },
});
