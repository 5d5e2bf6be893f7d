import { EntitySchema } from '@mikro-orm/core';

/** One link of an instance's hash chain: append-only. */
export class WorkflowEvent {
  constructor(
    public id: string,
    public schoolId: string,
    public instanceId: string,
    public seq: number,
    public type: string,
    public payload: string,
    public actorId: string,
    public actorRoles: string,
    public at: string,
    public fromState: string | null,
    public toState: string,
    public prevHash: string,
    public hash: string,
  ) {}
}

export const WorkflowEventSchema = new EntitySchema<WorkflowEvent>({
  class: WorkflowEvent,
  tableName: 'workflow_events',
  uniques: [{ properties: ['instanceId', 'seq'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    instanceId: { type: 'string', length: 36 },
    seq: { type: 'integer' },
    type: { type: 'string', length: 60 },
    payload: { type: 'text' },
    actorId: { type: 'string', length: 36 },
    actorRoles: { type: 'string', length: 300 },
    at: { type: 'string', length: 24 },
    fromState: { type: 'string', length: 120, nullable: true },
    toState: { type: 'string', length: 120 },
    prevHash: { type: 'string', length: 64 },
    hash: { type: 'string', length: 64 },
  },
});
