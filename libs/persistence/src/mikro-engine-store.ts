import { UniqueConstraintViolationException, LockWaitTimeoutException, DeadlockException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@grif/domain';
import type {
  ActRevisionRow,
  DeadlineRow,
  EngineStore,
  EngineTx,
  EventRow,
  InstanceRow,
  OutboxRow,
  ProjectedEvent,
  SchoolPolicy,
  StepAnswer,
  StoredResponse,
} from '@grif/engine';
import type { ActItemEntry, Effect, Fact, LookupKind } from '@grif/workflows';
import { lookupFact } from './lookups';
import { documentFact, roleHolders, transferCustody } from './act-facts';
import { recordBriefing, revokeAccess, userByUsername } from './breach-effects';
import { custodyInventory } from './custody-inventory';
import { ActRecord, ActRevision, Deadline, WorkflowEvent, WorkflowInstance } from './entities';
import { settleOutboxRow } from './outbox-settle';
import { PROJECTORS } from './projections';
import { placeholders, RawSql } from './raw-sql';
import { readPolicy, writePolicy } from './school-policy';
import type { DatabaseKind } from './orm-config';
import type { WriteTransactions } from './write-transactions';

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

interface InstanceRecord {
  id: string;
  school_id: string;
  machine_id: string;
  machine_version: number;
  state: string;
  snapshot: string;
  version: number;
  last_seq: number;
  head_hash: string;
}

interface ResponseRecord {
  fingerprint: string;
  status_code: number;
  response: string;
}

interface DeadlineRecord {
  id: string;
  school_id: string;
  instance_id: string;
  key: string;
  event_type: string;
  due_at: string;
  rule: string | null;
  status: DeadlineRow['status'];
}

const SELECT_INSTANCE = `select id, school_id, machine_id, machine_version, state, snapshot, version, last_seq, head_hash
  from workflow_instances`;
const toInstanceRow = (i: InstanceRecord): InstanceRow => ({
  id: i.id,
  schoolId: i.school_id,
  machineId: i.machine_id,
  machineVersion: Number(i.machine_version),
  state: i.state,
  snapshot: JSON.parse(i.snapshot),
  version: Number(i.version),
  lastSeq: Number(i.last_seq),
  headHash: i.head_hash,
});

const fromDeadlineRecord = (d: DeadlineRecord): DeadlineRow => ({
  id: d.id,
  schoolId: d.school_id,
  instanceId: d.instance_id,
  key: d.key,
  eventType: d.event_type,
  dueAt: d.due_at,
  rule: d.rule,
  status: d.status,
});

const MOVE_INSTANCE = `update workflow_instances set state = ?, snapshot = ?, version = ?, last_seq = ?, head_hash = ?,
  updated_at = ? where id = ? and version = ?`;
const INSERT_EVENT = `insert into workflow_events (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles,
  at, from_state, to_state, prev_hash, hash) values ${placeholders(1, 13)}`;
const eventValues = (e: EventRow) => [
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
];

const INSERT_RESPONSE = `insert into idempotency_records (school_id, actor_id, "key", fingerprint, status_code, response,
  created_at) values ${placeholders(1, 7)}`;
const responseValues = (a: StepAnswer, at: string) => [
  a.schoolId,
  a.actorId,
  a.key,
  a.response.fingerprint,
  a.response.statusCode,
  JSON.stringify(a.response.body),
  at,
];

/**
 * The statements every event runs are plain parameterised SQL (RawSql): through the ORM's query
 * builder they cost more CPU than the database took to run them. The rest stays on the ORM.
 */
class MikroEngineTx implements EngineTx {
  private readonly sql: RawSql;
  /** An instance read together with an idempotency lookup, for the loadInstance right after it. */
  private prefetched?: { schoolId: string; id: string; row: InstanceRecord | null };

  constructor(
    private readonly em: EntityManager,
    private readonly kind: DatabaseKind,
  ) {
    this.sql = new RawSql(em);
  }

  async loadInstance(schoolId: string, id: string): Promise<InstanceRow | null> {
    const prefetched = this.prefetched;
    this.prefetched = undefined;
    const i =
      prefetched && prefetched.id === id && prefetched.schoolId === schoolId
        ? prefetched.row
        : (await this.sql.rows<InstanceRecord>(`${SELECT_INSTANCE} where id = ? and school_id = ?`, [id, schoolId]))[0];
    return i ? toInstanceRow(i) : null;
  }

  async findResponse(
    schoolId: string,
    actorId: string,
    key: string,
    instanceId?: string,
  ): Promise<StoredResponse | null> {
    let r: Partial<ResponseRecord> | undefined;
    if (instanceId !== undefined && this.kind === 'postgresql') {
      // The instance the request loads next comes in the same round trip (a round trip costs the API more
      // CPU than PostgreSQL's work for it); loadInstance takes it once.
      const [row] = await this.sql.rows<InstanceRecord & Partial<ResponseRecord>>(
        `select r.fingerprint, r.status_code, r.response, i.id, i.school_id, i.machine_id, i.machine_version, i.state,
           i.snapshot, i.version, i.last_seq, i.head_hash
         from (select 1 as one) one
           left join idempotency_records r on r.school_id = ? and r.actor_id = ? and r."key" = ?
           left join workflow_instances i on i.id = ? and i.school_id = ?`,
        [schoolId, actorId, key, instanceId, schoolId],
      );
      this.prefetched = { schoolId, id: instanceId, row: row.id ? row : null };
      r = row;
    } else {
      [r] = await this.sql.rows<ResponseRecord>(
        `select fingerprint, status_code, response from idempotency_records where school_id = ? and actor_id = ? and "key" = ?`,
        [schoolId, actorId, key],
      );
    }
    // A left join's missing record is a row of nulls.
    return r?.fingerprint != null
      ? { fingerprint: r.fingerprint, statusCode: Number(r.status_code), body: JSON.parse(r.response!) }
      : null;
  }

  async insertInstance(row: InstanceRow, at: string): Promise<void> {
    await this.sql.run(
      `insert into workflow_instances (id, school_id, machine_id, machine_version, parent_id, state, snapshot, version,
       last_seq, head_hash, created_at, updated_at) values ${placeholders(1, 12)}`,
      [
        row.id,
        row.schoolId,
        row.machineId,
        row.machineVersion,
        row.parentId ?? null,
        row.state,
        JSON.stringify(row.snapshot),
        row.version,
        row.lastSeq,
        row.headHash,
        at,
        at,
      ],
    );
  }

  async advance(
    row: InstanceRow,
    expectedVersion: number,
    event: EventRow,
    at: string,
    answer?: StepAnswer,
  ): Promise<boolean> {
    const move = [
      row.state,
      JSON.stringify(row.snapshot),
      row.version,
      row.lastSeq,
      row.headHash,
      at,
      row.id,
      expectedVersion,
    ];
    if (this.kind === 'postgresql') {
      // One round trip instead of two or three: a statement's round trip costs the API's CPU more than
      // PostgreSQL's work for it. The event (and the answer) are inserted whichever way the version check goes;
      // when it fails the engine refuses the step and they go with its transaction (or savepoint).
      const answered = answer ? `, answered as (${INSERT_RESPONSE})` : '';
      const n = await this.sql.run(`with appended as (${INSERT_EVENT})${answered} ${MOVE_INSTANCE}`, [
        ...eventValues(event),
        ...(answer ? responseValues(answer, at) : []),
        ...move,
      ]);
      return n === 1;
    }
    if ((await this.sql.run(MOVE_INSTANCE, move)) !== 1) return false;
    await this.appendEvent(event);
    if (answer) await this.sql.run(INSERT_RESPONSE, responseValues(answer, at));
    return true;
  }

  async appendEvent(e: EventRow): Promise<void> {
    await this.sql.run(INSERT_EVENT, eventValues(e));
  }

  async saveResponse(schoolId: string, actorId: string, key: string, r: StoredResponse, at: string): Promise<void> {
    await this.sql.run(INSERT_RESPONSE, responseValues({ schoolId, actorId, key, response: r }, at));
  }

  async addOutbox(rows: OutboxRow[], at: string): Promise<void> {
    await this.sql.run(
      `insert into outbox (id, school_id, instance_id, kind, payload, created_at, dispatched_at, delivered_at, attempts)
       values ${placeholders(rows.length, 9)}`,
      rows.flatMap((r) => [r.id, r.schoolId, r.instanceId, r.kind, JSON.stringify(r.payload), at, null, null, 0]),
    );
  }

  async insertDeadline(d: DeadlineRow, at: string): Promise<void> {
    await this.sql.run(
      `insert into deadlines (id, school_id, instance_id, "key", event_type, due_at, rule, status, created_at, settled_at)
       values ${placeholders(1, 10)}`,
      [d.id, d.schoolId, d.instanceId, d.key, d.eventType, d.dueAt, d.rule, 'pending', at, null],
    );
  }

  async cancelDeadline(instanceId: string, key: string, at: string): Promise<string | null> {
    const [d] = await this.sql.rows<{ id: string }>(
      `select id from deadlines where instance_id = ? and "key" = ? and status = 'pending'`,
      [instanceId, key],
    );
    if (!d) return null;
    await this.sql.run(
      `update deadlines set status = 'cancelled', settled_at = ? where id = ? and status = 'pending'`,
      [at, d.id],
    );
    return d.id;
  }

  async settleDeadline(id: string, status: 'fired' | 'stale', at: string): Promise<void> {
    await this.sql.run(`update deadlines set status = ?, settled_at = ? where id = ? and status = 'pending'`, [
      status,
      at,
      id,
    ]);
  }

  async findDeadline(id: string): Promise<DeadlineRow | null> {
    const [d] = await this.sql.rows<DeadlineRecord>(
      `select id, school_id, instance_id, "key", event_type, due_at, rule, status from deadlines where id = ?`,
      [id],
    );
    return d ? fromDeadlineRecord(d) : null;
  }

  async project(instance: InstanceRow, context: unknown, event: ProjectedEvent): Promise<void> {
    await PROJECTORS[instance.machineId]?.(this.em, instance, context, event);
  }

  async lookup(kind: LookupKind, schoolId: string, id: string): Promise<Fact | null> {
    if (kind === 'document') return documentFact(this.em, schoolId, id);
    return lookupFact(this.em, kind, schoolId, id);
  }

  roleHolders(schoolId: string, role: Role, at: string) {
    return roleHolders(this.em, schoolId, role, at);
  }

  transferCustody(
    schoolId: string,
    p: Extract<Effect, { type: 'transferCustody' }>['params'],
    by: string,
    at: string,
  ): Promise<void> {
    return transferCustody(this.em, schoolId, p, by, at);
  }

  custodyInventory(schoolId: string): Promise<ActItemEntry[]> {
    return custodyInventory(this.em, schoolId);
  }

  revokeAccess(schoolId: string, userId: string, at: string): Promise<void> {
    return revokeAccess(this.em, schoolId, userId, at);
  }

  recordBriefing(schoolId: string, p: { userId: string; at: string; note: string }, by: string): Promise<void> {
    return recordBriefing(this.em, schoolId, p, by);
  }

  userByUsername(schoolId: string, username: string) {
    return userByUsername(this.em, schoolId, username);
  }

  async openActs(schoolId: string, machineId: string): Promise<number> {
    return this.em.count(ActRecord, { schoolId, kind: machineId, state: { $nin: ['completed', 'rejected'] } });
  }

  async settleOutbox(outboxId: string, at: string): Promise<void> {
    await settleOutboxRow(this.sql, outboxId, at);
  }

  async saveActRevision(r: ActRevisionRow): Promise<void> {
    await this.em.insert(
      ActRevision,
      new ActRevision(r.id, r.schoolId, r.actId, r.revision, r.sha256, Buffer.from(r.pdf), r.createdBy, r.createdAt),
    );
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

  write<T>(work: (tx: EngineTx) => Promise<T>, partition?: string): Promise<T> {
    return this.tx.run((em) => work(new MikroEngineTx(em, this.tx.kind)), partition);
  }

  read<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return work(new MikroEngineTx(this.tx.reader() as EntityManager, this.tx.kind));
  }

  isConflict(err: unknown): boolean {
    return (
      err instanceof UniqueConstraintViolationException ||
      err instanceof LockWaitTimeoutException ||
      err instanceof DeadlockException
    );
  }
}
