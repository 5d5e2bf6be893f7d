import { UniqueConstraintViolationException, LockWaitTimeoutException, DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type {
  DeadlineRow,
  EngineStore,
  EngineTx,
  EventRow,
  InstanceRow,
  OutboxRow,
  ProjectedEvent,
  SchoolPolicy,
  StoredResponse,
} from '@grif/engine';
import type { Fact, LookupKind } from '@grif/workflows';
import { lookupFact } from './lookups';
import { Deadline, IdempotencyRecord, OutboxMessage, WorkflowEvent, WorkflowInstance } from './entities';
import { PROJECTORS } from './projections';
import { readPolicy, writePolicy } from './school-policy';
import type { WriteTransactions } from './write-transactions';

const toInstanceRow = (i: WorkflowInstance): InstanceRow => ({
  id: i.id,
  schoolId: i.schoolId,
  machineId: i.machineId,
  machineVersion: i.machineVersion,
  state: i.state,
  snapshot: JSON.parse(i.snapshot),
  version: i.version,
  lastSeq: i.lastSeq,
  headHash: i.headHash,
});

export const toEventRow = (e: WorkflowEvent): EventRow => ({
  id: e.id,
  schoolId: e.schoolId,
  instanceId: e.instanceId,
  seq: e.seq,
  type: e.type,
  payload: JSON.parse(e.payload),
  actorId: e.actorId,
  actorRoles: e.actorRoles ? e.actorRoles.split(',') : [],
  at: e.at,
  fromState: e.fromState,
  toState: e.toState,
  prevHash: e.prevHash,
  hash: e.hash,
});

export const toDeadlineRow = (d: Deadline): DeadlineRow => ({
  id: d.id,
  schoolId: d.schoolId,
  instanceId: d.instanceId,
  key: d.key,
  eventType: d.eventType,
  dueAt: d.dueAt,
  rule: d.rule,
  status: d.status,
});

class MikroEngineTx implements EngineTx {
  constructor(private readonly em: EntityManager) {}

  async loadInstance(schoolId: string, id: string): Promise<InstanceRow | null> {
    const i = await this.em.findOne(WorkflowInstance, { id, schoolId }, { disableIdentityMap: true });
    return i ? toInstanceRow(i) : null;
  }

  async findResponse(schoolId: string, actorId: string, key: string): Promise<StoredResponse | null> {
    const r = await this.em.findOne(IdempotencyRecord, { schoolId, actorId, key }, { disableIdentityMap: true });
    return r ? { fingerprint: r.fingerprint, statusCode: r.statusCode, body: JSON.parse(r.response) } : null;
  }

  async insertInstance(row: InstanceRow, at: string): Promise<void> {
    const instance = new WorkflowInstance(
      row.id,
      row.schoolId,
      row.machineId,
      row.machineVersion,
      row.state,
      JSON.stringify(row.snapshot),
      row.version,
      row.lastSeq,
      row.headHash,
      at,
      at,
    );
    instance.parentId = row.parentId ?? null;
    await this.em.insert(WorkflowInstance, instance);
  }

  async updateInstance(row: InstanceRow, expectedVersion: number, at: string): Promise<boolean> {
    const n = await this.em.nativeUpdate(
      WorkflowInstance,
      { id: row.id, version: expectedVersion },
      {
        state: row.state,
        snapshot: JSON.stringify(row.snapshot),
        version: row.version,
        lastSeq: row.lastSeq,
        headHash: row.headHash,
        updatedAt: at,
      },
    );
    return n === 1;
  }

  async appendEvent(e: EventRow): Promise<void> {
    await this.em.insert(
      WorkflowEvent,
      new WorkflowEvent(
        e.id,
        e.schoolId,
        e.instanceId,
        e.seq,
        e.type,
        JSON.stringify(e.payload),
        e.actorId,
        e.actorRoles.join(','),
        e.at,
        e.fromState,
        e.toState,
        e.prevHash,
        e.hash,
      ),
    );
  }

  async saveResponse(schoolId: string, actorId: string, key: string, r: StoredResponse, at: string): Promise<void> {
    await this.em.insert(
      IdempotencyRecord,
      new IdempotencyRecord(schoolId, actorId, key, r.fingerprint, r.statusCode, JSON.stringify(r.body), at),
    );
  }

  async addOutbox(rows: OutboxRow[], at: string): Promise<void> {
    await this.em.insertMany(
      OutboxMessage,
      rows.map((r) => new OutboxMessage(r.id, r.schoolId, r.instanceId, r.kind, JSON.stringify(r.payload), at)),
    );
  }

  async insertDeadline(d: DeadlineRow, at: string): Promise<void> {
    await this.em.insert(
      Deadline,
      new Deadline(d.id, d.schoolId, d.instanceId, d.key, d.eventType, d.dueAt, d.rule, at),
    );
  }

  async cancelDeadline(instanceId: string, key: string, at: string): Promise<string | null> {
    const d = await this.em.findOne(Deadline, { instanceId, key, status: 'pending' }, { disableIdentityMap: true });
    if (!d) return null;
    await this.em.nativeUpdate(Deadline, { id: d.id, status: 'pending' }, { status: 'cancelled', settledAt: at });
    return d.id;
  }

  async settleDeadline(id: string, status: 'fired' | 'stale', at: string): Promise<void> {
    await this.em.nativeUpdate(Deadline, { id, status: 'pending' }, { status, settledAt: at });
  }

  async findDeadline(id: string): Promise<DeadlineRow | null> {
    const d = await this.em.findOne(Deadline, { id }, { disableIdentityMap: true });
    return d ? toDeadlineRow(d) : null;
  }

  async project(instance: InstanceRow, context: unknown, event: ProjectedEvent): Promise<void> {
    await PROJECTORS[instance.machineId]?.(this.em, instance, context, event);
  }

  async lookup(kind: LookupKind, schoolId: string, id: string): Promise<Fact | null> {
    return lookupFact(this.em, kind, schoolId, id);
  }

  async nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number> {
    // Insert-or-bump in one statement: concurrent registrations serialise on the counter row.
    const rows = await this.em.execute<{ last_seq: number }[]>(
      `insert into journal_counters (school_id, year, direction, last_seq) values (?, ?, ?, 1)
       on conflict (school_id, year, direction) do update set last_seq = journal_counters.last_seq + 1
       returning last_seq`,
      [schoolId, year, direction],
    );
    return Number(rows[0].last_seq);
  }

  async history(schoolId: string, instanceId: string): Promise<EventRow[]> {
    const rows = await this.em.find(
      WorkflowEvent,
      { schoolId, instanceId },
      { orderBy: { seq: 'asc' }, disableIdentityMap: true },
    );
    return rows.map(toEventRow);
  }

  policy(schoolId: string): Promise<SchoolPolicy> {
    return readPolicy(this.em, schoolId);
  }

  savePolicy<K extends keyof SchoolPolicy>(schoolId: string, name: K, value: SchoolPolicy[K], by: string, at: string) {
    return writePolicy(this.em, schoolId, name, value, by, at);
  }

  async instancesWithPendingDeadlines(schoolId: string): Promise<string[]> {
    const rows = await this.em.find(
      Deadline,
      { schoolId, status: 'pending' },
      { fields: ['instanceId'], orderBy: { instanceId: 'asc' }, disableIdentityMap: true },
    );
    return [...new Set(rows.map((r) => r.instanceId))];
  }

  async spawnedBy(instanceId: string): Promise<string[]> {
    const rows = await this.em.find(
      WorkflowInstance,
      { parentId: instanceId },
      { fields: ['id'], orderBy: { createdAt: 'asc', id: 'asc' }, disableIdentityMap: true },
    );
    return rows.map((r) => r.id);
  }
}

export class MikroEngineStore implements EngineStore {
  constructor(private readonly tx: WriteTransactions) {}

  write<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return this.tx.run((em) => work(new MikroEngineTx(em)));
  }

  read<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return work(new MikroEngineTx(this.tx.reader() as EntityManager));
  }

  isConflict(err: unknown): boolean {
    return (
      err instanceof UniqueConstraintViolationException ||
      err instanceof LockWaitTimeoutException ||
      err instanceof DeadlockException
    );
  }
}
