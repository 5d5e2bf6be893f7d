import { EntitySchema } from '@mikro-orm/core';

export class WorkflowInstance {
  /** The instance whose transition spawned this one (a copy's original), so an event can follow to it. */
  parentId: string | null = null;
  constructor(
    public id: string,
    public schoolId: string,
    public machineId: string,
    public machineVersion: number,
    /** Dotted state value, for queries; the snapshot is the truth. */
    public state: string,
    public snapshot: string,
    public version: number,
    public lastSeq: number,
    public headHash: string,
    public createdAt: string,
    public updatedAt: string,
  ) {}
}

export const WorkflowInstanceSchema = new EntitySchema<WorkflowInstance>({
  class: WorkflowInstance,
  tableName: 'workflow_instances',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    machineId: { type: 'string', length: 60 },
    machineVersion: { type: 'integer' },
    parentId: { type: 'string', length: 36, nullable: true, index: true },
    state: { type: 'string', length: 120 },
    snapshot: { type: 'text' },
    version: { type: 'integer' },
    lastSeq: { type: 'integer' },
    headHash: { type: 'string', length: 64 },
    createdAt: { type: 'string', length: 24 },
    updatedAt: { type: 'string', length: 24 },
  },
});
