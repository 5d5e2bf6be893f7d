import type { Actor, BreachLimits, DeadlineSettings, Role, WorkingCalendar } from '@grif/domain';
import type { ActItemEntry, Effect, Fact, LookupKind } from '@grif/workflows';

export interface InstanceRow {
  id: string;
  schoolId: string;
  machineId: string;
  machineVersion: number;
  state: string;
  snapshot: unknown;
  version: number;
  lastSeq: number;
  headHash: string;
  /** The instance whose transition spawned this one (a copy's original). */
  parentId?: string | null;
}

export interface EventRow {
  id: string;
  schoolId: string;
  instanceId: string;
  seq: number;
  type: string;
  payload: unknown;
  actorId: string;
  actorRoles: string[];
  at: string;
  fromState: string | null;
  toState: string;
  prevHash: string;
  hash: string;
}

/** What a projection learns about the event that produced the new snapshot. */
export interface ProjectedEvent {
  type: string;
  payload: unknown;
  actorId: string;
  at: string;
  seq: number;
}

export interface StoredResponse {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

export interface OutboxRow {
  id: string;
  schoolId: string;
  instanceId: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
}
export type OutboxKind = 'deadline.arm' | 'deadline.cancel' | 'notify' | 'renderAct';

export interface DeadlineRow {
  id: string;
  schoolId: string;
  instanceId: string;
  key: string;
  eventType: string;
  dueAt: string;
  rule: string | null;
  status: 'pending' | 'fired' | 'cancelled' | 'stale';
}

/** An idempotency record written with the step it answers. */
export interface StepAnswer {
  schoolId: string;
  actorId: string;
  key: string;
  response: StoredResponse;
}

/**
 * What a step's work reads first: the caller's idempotency record and the instance. A store may read them ahead,
 * for a whole group-committed batch in one statement.
 */
export interface StepReads {
  schoolId: string;
  actorId: string;
  key?: string;
  instanceId: string;
  /**
   * The people the payload names where an event of its type looks one up (an ISSUE's holder): a guess, since the
   * machine is known only once the instance is read, so they are read ahead unchecked and used only if asked.
   */
  people?: string[];
}

/** Everything the engine does to the database, inside one transaction. */
export interface EngineTx {
  loadInstance(schoolId: string, id: string): Promise<InstanceRow | null>;
  /** The stored answer of an idempotency key. */
  findResponse(schoolId: string, actorId: string, key: string): Promise<StoredResponse | null>;
  insertInstance(row: InstanceRow, at: string): Promise<void>;
  /**
   * One step of an instance: its row moved to `row` if it is still at `expectedVersion`, the step's event
   * appended, and, given `answer`, the caller's idempotency record saved. False when another transaction moved the
   * instance first; the caller must then refuse the whole step (throw), since the event and the record may
   * already be written in the transaction it abandons.
   */
  advance(
    row: InstanceRow,
    expectedVersion: number,
    event: EventRow,
    at: string,
    answer?: StepAnswer,
  ): Promise<boolean>;
  appendEvent(row: EventRow): Promise<void>;
  saveResponse(schoolId: string, actorId: string, key: string, response: StoredResponse, at: string): Promise<void>;
  addOutbox(rows: OutboxRow[], at: string): Promise<void>;
  insertDeadline(row: DeadlineRow, at: string): Promise<void>;
  /** Marks the pending deadline of that key cancelled; returns its id, or null if none was pending. */
  cancelDeadline(instanceId: string, key: string, at: string): Promise<string | null>;
  /** A pending deadline of this instance fired or found stale; a settled one stays as it is. */
  settleDeadline(id: string, instanceId: string, status: 'fired' | 'stale', at: string): Promise<void>;
  findDeadline(id: string): Promise<DeadlineRow | null>;
  /** Keeps the machine's query model (journal, lists) in step with its snapshot. */
  project(instance: InstanceRow, context: unknown, event: ProjectedEvent): Promise<void>;
  nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number>;
  /** Facts about a record the payload references, or null when the school has no such record. */
  lookup(kind: LookupKind, schoolId: string, id: string): Promise<Fact | null>;
  history(schoolId: string, instanceId: string): Promise<EventRow[]>;
  /** The school's calendar and deadline ladder as this transaction sees them (its own, or the defaults). */
  policy(schoolId: string): Promise<SchoolPolicy>;
  savePolicy<K extends keyof SchoolPolicy>(
    schoolId: string,
    name: K,
    value: SchoolPolicy[K],
    by: string,
    at: string,
  ): Promise<void>;
  /** Instances of the school with a deadline still pending, for a calendar change to reach. */
  instancesWithPendingDeadlines(schoolId: string): Promise<string[]>;
  /** Instances spawned by this one (a copy's original → its copies). */
  spawnedBy(instanceId: string): Promise<string[]>;
  /** People holding the role by an order in force at `at`, in the order of their appointment. */
  roleHolders(schoolId: string, role: Role, at: string): Promise<{ id: string; displayName: string }[]>;
  /** the clerk's appointment ends, the incoming clerk's starts by the order, and the listed carriers move. */
  transferCustody(
    schoolId: string,
    p: Extract<Effect, { type: 'transferCustody' }>['params'],
    by: string,
    at: string,
  ): Promise<void>;
  /**
   * what an acceptance-transfer act lists: every document and copy of the school not destroyed,
   * dispatched or lost (in the journal's order, each copy after its original; one issued out says to whom in its
   * title), then every registered carrier; all unmarked.
   */
  custodyInventory(schoolId: string): Promise<ActItemEntry[]>;
  /** The effect of this outbox row is delivered (its job did the work in this transaction): never handed over again. */
  settleOutbox(outboxId: string, at: string): Promise<void>;
  /** every session of the person ends and their next sign-in must set a new password. */
  revokeAccess(schoolId: string, userId: string, at: string): Promise<void>;
  /** a security briefing of the person, dated on the school's day of `at`. */
  recordBriefing(schoolId: string, p: { userId: string; at: string; note: string }, by: string): Promise<void>;
  /** Who has this username in the school (a breached Grif account's owner). */
  userByUsername(schoolId: string, username: string): Promise<{ id: string; displayName: string } | null>;
  /** How many acts of this machine the school has that are neither completed nor rejected. */
  openActs(schoolId: string, machineId: string): Promise<number>;
  /** Stores a revision of an act's PDF (rendered, or with one more signature). */
  saveActRevision(row: ActRevisionRow): Promise<void>;
}

export interface ActRevisionRow {
  id: string;
  schoolId: string;
  actId: string;
  revision: number;
  sha256: string;
  pdf: Uint8Array;
  createdBy: string;
  createdAt: string;
}

/** What the engine hands every transition besides the event: the school's working time and deadline ladder. */
export interface SchoolPolicy {
  calendar: WorkingCalendar;
  deadlines: DeadlineSettings;
  /** The working-hour limits of a breach case's steps. */
  breachLimits: BreachLimits;
}

export interface EngineStore {
  /**
   * One write transaction (it may share its commit with others': group commit). Writes of one `partition`
   * (an instance, a school) are written in the order they were asked for. `work` may be run more than once (a
   * batch that lost a race runs again): it keeps what it decides inside, and only its last run's answer counts.
   */
  write<T>(work: (tx: EngineTx) => Promise<T>, partition?: string, reads?: StepReads): Promise<T>;
  read<T>(work: (tx: EngineTx) => Promise<T>): Promise<T>;
  /** True for a lost race: the (instance, seq) or idempotency key was taken by a concurrent commit. */
  isConflict(err: unknown): boolean;
}

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Injection token of the Clock (an interface has no runtime token). */
export const CLOCK = Symbol.for('grif.Clock');

/** The school's settings for readers outside a transaction (screens, jobs); the engine reads them in its own. */
export interface CalendarSource {
  calendarFor(schoolId: string): Promise<WorkingCalendar>;
  deadlinesFor(schoolId: string): Promise<DeadlineSettings>;
  breachLimitsFor(schoolId: string): Promise<BreachLimits>;
  /** When and by whom (user id) a setting was last changed; null while the default applies. */
  changedAt(schoolId: string, name: keyof SchoolPolicy): Promise<{ at: string; by: string } | null>;
}

/** Injection token of the CalendarSource (an interface has no runtime token). */
export const CALENDAR_SOURCE = Symbol.for('grif.CalendarSource');

/** Told after every commit that wrote outbox rows, so the relay need not wait for its next poll. */
export interface OutboxListener {
  outboxWritten(): void;
}

export type { Actor };

export interface PendingOutbox {
  id: string;
  kind: OutboxKind;
  payload: Record<string, unknown>;
  schoolId: string;
  instanceId: string;
}

/**
 * What the relay reads and marks; the rows were written by `send()` in its transaction.
 * A deadline row is done once its alarm is armed (the deadlines table stays the truth);
 * an effect row only once its effect was delivered, which its job records itself.
 */
export interface OutboxSource {
  /** Rows not yet handed to the queue. */
  pending(limit: number): Promise<PendingOutbox[]>;
  /** Effect rows handed over but not delivered (Redis may have lost their jobs), after `afterId`. */
  undelivered(limit: number, afterId?: string): Promise<PendingOutbox[]>;
  markDispatched(rows: Pick<PendingOutbox, 'id' | 'kind'>[], at: string): Promise<void>;
  /** Rows whose work is not finished: not handed over, or an effect not delivered. */
  countPending(): Promise<number>;
}

/** What the reconciler reads: every deadline still waiting to fire. */
export interface DeadlineSource {
  pending(limit: number, afterId?: string): Promise<DeadlineRow[]>;
}
