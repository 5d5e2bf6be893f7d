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
  StepReads,
  StoredResponse,
} from '@grif/engine';
import type { ActItemEntry, Effect, Fact, LookupKind } from '@grif/workflows';
import { lookupFact } from './lookups';
import { documentFact, roleHolders, transferCustody } from './act-facts';
import { recordBriefing, revokeAccess, userByUsername } from './breach-effects';
import { custodyInventory } from './custody-inventory';
import { ActRecord, ActRevision, Deadline, WorkflowEvent, WorkflowInstance } from './entities';
import { batchWritesOf, BatchWrites, insertOf, LostRace } from './batch-writes';
import { settleOutboxRow } from './outbox-settle';
import { PROJECTORS } from './projections';
import { RawSql } from './raw-sql';
import { readPolicy, writePolicy } from './school-policy';
import {
  INSTANCE_COLUMNS,
  toInstanceRow,
  toStoredResponse,
  type InstanceRecord,
  type ResponseRecord,
} from './step-reads';
import type { DatabaseKind } from './orm-config';
import { snapshotText } from './snapshot-texts';
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

const INSERT_INSTANCE = `insert into workflow_instances (id, school_id, machine_id, machine_version, parent_id, state,
  snapshot, version, last_seq, head_hash, created_at, updated_at) values`;
const MOVE_INSTANCE = `update workflow_instances set state = ?, snapshot = ?, version = ?, last_seq = ?, head_hash = ?,
  updated_at = ? where id = ? and version = ?`;
const EVENTS_INTO = `insert into workflow_events (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles,
  at, from_state, to_state, prev_hash, hash) values`;
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

const RESPONSES_INTO = `insert into idempotency_records (school_id, actor_id, "key", fingerprint, status_code, response,
  created_at) values`;
const OUTBOX_INTO = `insert into outbox (id, school_id, instance_id, kind, payload, created_at, dispatched_at, delivered_at,
  attempts) values`;
const DEADLINES_INTO = `insert into deadlines (id, school_id, instance_id, "key", event_type, due_at, rule, status,
  created_at, settled_at) values`;

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
 * The statements every event runs are plain parameterised SQL (RawSql): through the ORM's query builder they
 * cost more CPU than the database took to run them. Their writes are held by the batch (batch-writes.ts) and
 * written with the rest of it; the reads the held rows would change see them first. The rest stays on the ORM,
 * behind a barrier (everything held written first).
 */
class MikroEngineTx implements EngineTx {
  private readonly sql: RawSql;
  private readonly writes: BatchWrites;

  constructor(
    private readonly em: EntityManager,
    kind: DatabaseKind,
  ) {
    this.sql = new RawSql(em);
    this.writes = batchWritesOf(em) ?? new BatchWrites(em, kind, 'immediate', false);
  }

  /** Work on the ORM or in statements not held: everything held is written first. */
  private async barrier<T>(work: () => Promise<T>): Promise<T> {
    await this.writes.barrier();
    return work();
  }

  async loadInstance(schoolId: string, id: string): Promise<InstanceRow | null> {
    const held = this.writes.heldInstance(id);
    if (held) return held.schoolId === schoolId ? held : null;
    const known = this.writes.knownInstance(schoolId, id);
    if (known !== undefined) return known;
    const [i] = await this.writes.read(() =>
      this.sql.rows<InstanceRecord>(
        `select ${INSTANCE_COLUMNS} from workflow_instances where id = ? and school_id = ?`,
        [id, schoolId],
      ),
    );
    return i ? toInstanceRow(i) : null;
  }

  async findResponse(schoolId: string, actorId: string, key: string): Promise<StoredResponse | null> {
    const held = this.writes.heldAnswer(schoolId, actorId, key) ?? this.writes.knownAnswer(schoolId, actorId, key);
    if (held !== undefined) return held;
    const [r] = await this.writes.read(() =>
      this.sql.rows<ResponseRecord>(
        `select fingerprint, status_code, response from idempotency_records where school_id = ? and actor_id = ? and "key" = ?`,
        [schoolId, actorId, key],
      ),
    );
    return r ? toStoredResponse(r) : null;
  }

  async insertInstance(row: InstanceRow, at: string): Promise<void> {
    await this.writes.write(
      insertOf(
        'workflow_instances',
        row.id,
        INSERT_INSTANCE,
        [
          row.id,
          row.schoolId,
          row.machineId,
          row.machineVersion,
          row.parentId ?? null,
          row.state,
          snapshotText(row.id, row.snapshot),
          row.version,
          row.lastSeq,
          row.headHash,
          at,
          at,
        ],
        { instance: row },
      ),
    );
  }

  async advance(
    row: InstanceRow,
    expectedVersion: number,
    event: EventRow,
    at: string,
    answer?: StepAnswer,
  ): Promise<boolean> {
    // The event (and the answer) first: held, a failed version check fails the batch's statement, and alone
    // (immediate) the engine refuses the step and they go with its savepoint.
    await this.appendEvent(event);
    if (answer) await this.saveAnswer(answer, at);
    return this.writes.write({
      table: 'workflow_instances',
      key: row.id,
      sql: MOVE_INSTANCE,
      values: [
        row.state,
        snapshotText(row.id, row.snapshot),
        row.version,
        row.lastSeq,
        row.headHash,
        at,
        row.id,
        expectedVersion,
      ],
      part: 'moves',
      mustChangeOne: true,
      instance: row,
    });
  }

  async appendEvent(e: EventRow): Promise<void> {
    await this.writes.write(
      insertOf('workflow_events', `${e.instanceId}:${e.seq}`, EVENTS_INTO, eventValues(e), { part: 'events' }),
    );
  }

  private async saveAnswer(a: StepAnswer, at: string): Promise<void> {
    await this.writes.write(
      insertOf('idempotency_records', `${a.schoolId}:${a.actorId}:${a.key}`, RESPONSES_INTO, responseValues(a, at), {
        part: 'answers',
        answer: a,
      }),
    );
  }

  saveResponse(schoolId: string, actorId: string, key: string, response: StoredResponse, at: string): Promise<void> {
    return this.saveAnswer({ schoolId, actorId, key, response }, at);
  }

  async addOutbox(rows: OutboxRow[], at: string): Promise<void> {
    for (const r of rows) {
      const row = [r.id, r.schoolId, r.instanceId, r.kind, JSON.stringify(r.payload), at];
      await this.writes.write(insertOf('outbox', r.id, OUTBOX_INTO, [...row, null, null, 0], { part: 'outbox', row }));
    }
  }

  async insertDeadline(d: DeadlineRow, at: string): Promise<void> {
    const [id, school, instance, key, event, due, rule] = [
      d.id,
      d.schoolId,
      d.instanceId,
      d.key,
      d.eventType,
      d.dueAt,
      d.rule,
    ];
    await this.writes.write(
      insertOf('deadlines', id, DEADLINES_INTO, [id, school, instance, key, event, due, rule, 'pending', at, null], {
        part: 'deadlines',
        row: [id, school, instance, key, event, due, rule, at],
        about: instance,
      }),
    );
  }

  async cancelDeadline(instanceId: string, key: string, at: string): Promise<string | null> {
    // Held deadline rows of this instance would change the answer: they are written first.
    if (this.writes.holds('deadlines', instanceId)) await this.writes.barrier();
    const [d] = await this.writes.read(() =>
      this.sql.rows<{ id: string }>(
        `select id from deadlines where instance_id = ? and "key" = ? and status = 'pending'`,
        [instanceId, key],
      ),
    );
    if (!d) return null;
    await this.settle(d.id, instanceId, 'cancelled', at);
    return d.id;
  }

  settleDeadline(id: string, instanceId: string, status: 'fired' | 'stale', at: string): Promise<void> {
    return this.settle(id, instanceId, status, at);
  }

  /** A pending deadline settled (a settled one stays as it is): held, as its instance's row. */
  private async settle(id: string, instanceId: string, status: DeadlineRow['status'], at: string): Promise<void> {
    await this.writes.write({
      table: 'deadlines',
      key: id,
      about: instanceId,
      sql: `update deadlines set status = ?, settled_at = ? where id = ? and status = 'pending'`,
      values: [status, at, id],
      part: 'settledDeadlines',
      row: [status, at, id],
    });
  }

  async findDeadline(id: string): Promise<DeadlineRow | null> {
    if (this.writes.holds('deadlines')) await this.writes.barrier();
    const [d] = await this.sql.rows<DeadlineRecord>(
      `select id, school_id, instance_id, "key", event_type, due_at, rule, status from deadlines where id = ?`,
      [id],
    );
    return d ? fromDeadlineRecord(d) : null;
  }

  async project(instance: InstanceRow, context: unknown, event: ProjectedEvent): Promise<void> {
    await PROJECTORS[instance.machineId]?.(this.em, this.writes, instance, context, event);
  }

  async lookup(kind: LookupKind, schoolId: string, id: string): Promise<Fact | null> {
    // A document's facts are read from its instance and journal line, which held rows may change.
    if (kind === 'document') return this.barrier(() => documentFact(this.em, schoolId, id));
    if (kind === 'person') {
      const known = this.writes.knownPerson(schoolId, id);
      if (known !== undefined) return known;
    }
    // People, cabinets and files: nothing the engine holds writes them.
    return this.writes.read(() => lookupFact(this.em, kind, schoolId, id));
  }

  roleHolders(schoolId: string, role: Role, at: string) {
    return this.writes.read(() => roleHolders(this.em, schoolId, role, at));
  }

  transferCustody(
    schoolId: string,
    p: Extract<Effect, { type: 'transferCustody' }>['params'],
    by: string,
    at: string,
  ): Promise<void> {
    return this.barrier(() => transferCustody(this.em, schoolId, p, by, at));
  }

  custodyInventory(schoolId: string): Promise<ActItemEntry[]> {
    return this.barrier(() => custodyInventory(this.em, schoolId));
  }

  revokeAccess(schoolId: string, userId: string, at: string): Promise<void> {
    return this.barrier(() => revokeAccess(this.em, schoolId, userId, at));
  }

  recordBriefing(schoolId: string, p: { userId: string; at: string; note: string }, by: string): Promise<void> {
    return this.barrier(() => recordBriefing(this.em, schoolId, p, by));
  }

  userByUsername(schoolId: string, username: string) {
    return this.barrier(() => userByUsername(this.em, schoolId, username));
  }

  async openActs(schoolId: string, machineId: string): Promise<number> {
    await this.writes.barrier();
    return this.em.count(ActRecord, { schoolId, kind: machineId, state: { $nin: ['completed', 'rejected'] } });
  }

  async settleOutbox(outboxId: string, at: string): Promise<void> {
    await this.barrier(() => settleOutboxRow(this.sql, outboxId, at));
  }

  async saveActRevision(r: ActRevisionRow): Promise<void> {
    await this.writes.barrier();
    await this.em.insert(
      ActRevision,
      new ActRevision(r.id, r.schoolId, r.actId, r.revision, r.sha256, Buffer.from(r.pdf), r.createdBy, r.createdAt),
    );
  }

  async nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number> {
    // Insert-or-bump in one statement: concurrent registrations serialise on the counter row.
    await this.writes.barrier();
    const rows = await this.em.execute<{ last_seq: number }[]>(
      `insert into journal_counters (school_id, year, direction, last_seq) values (?, ?, ?, 1)
       on conflict (school_id, year, direction) do update set last_seq = journal_counters.last_seq + 1
       returning last_seq`,
      [schoolId, year, direction],
    );
    return Number(rows[0].last_seq);
  }

  async history(schoolId: string, instanceId: string): Promise<EventRow[]> {
    await this.writes.barrier();
    const rows = await this.em.find(
      WorkflowEvent,
      { schoolId, instanceId },
      { orderBy: { seq: 'asc' }, disableIdentityMap: true },
    );
    return rows.map(toEventRow);
  }

  policy(schoolId: string): Promise<SchoolPolicy> {
    return this.writes.read(() => readPolicy(this.em, schoolId));
  }

  savePolicy<K extends keyof SchoolPolicy>(schoolId: string, name: K, value: SchoolPolicy[K], by: string, at: string) {
    return this.barrier(() => writePolicy(this.em, schoolId, name, value, by, at));
  }

  async instancesWithPendingDeadlines(schoolId: string): Promise<string[]> {
    await this.writes.barrier();
    const rows = await this.em.find(
      Deadline,
      { schoolId, status: 'pending' },
      { fields: ['instanceId'], orderBy: { instanceId: 'asc' }, disableIdentityMap: true },
    );
    return [...new Set(rows.map((r) => r.instanceId))];
  }

  async spawnedBy(instanceId: string): Promise<string[]> {
    await this.writes.barrier();
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

  write<T>(work: (tx: EngineTx) => Promise<T>, partition?: string, reads?: StepReads): Promise<T> {
    return this.tx.run((em) => work(new MikroEngineTx(em, this.tx.kind)), partition, true, reads);
  }

  read<T>(work: (tx: EngineTx) => Promise<T>): Promise<T> {
    return work(new MikroEngineTx(this.tx.reader() as EntityManager, this.tx.kind));
  }

  isConflict(err: unknown): boolean {
    return (
      err instanceof UniqueConstraintViolationException ||
      err instanceof LockWaitTimeoutException ||
      err instanceof DeadlockException ||
      err instanceof LostRace
    );
  }
}
