import { newId } from './ids';
import type { AnyMachineSnapshot } from 'xstate';
import { Actor, GrifError, hasRole, Role } from '@grif/domain';
import {
  DEADLINE_MOVED,
  EFFECT_TYPES,
  Effect,
  Envelope,
  EventSpec,
  Fact,
  LookupKind,
  WorkflowDefinition,
} from '@grif/workflows';
import { eventHash, fingerprint, GENESIS_HASH } from './event-hash';
import type {
  Clock,
  DeadlineRow,
  EngineStore,
  EngineTx,
  InstanceRow,
  OutboxListener,
  OutboxRow,
  SchoolPolicy,
  StoredResponse,
} from './ports';
import { explainRefusal } from './refusal';
import { initialTransitionOf, transitionOf } from './pure-transition';
import { persistSnapshot, restoreSnapshot, stateName } from './snapshot';
import { parsePayload } from './validate';
import { WorkflowRegistry } from './workflow-registry';

export interface SendOptions {
  idempotencyKey?: string;
  expectedVersion?: number;
  /** Set when a deadline alarm sends this event: the deadline is settled in the same transaction. */
  firesDeadline?: string;
  /** Sent by another instance's `forwardTo`: 'workflow' events are accepted, and the sender already judged visibility. */
  forwarded?: boolean;
  /** The machines this caller's route speaks for: another machine's instance is "not found" to it. */
  machineIds?: readonly string[];
  /** Written in the same transaction once the event is accepted (a signed act's new revision with its SIGN). */
  alsoWrite?: (tx: EngineTx, at: string) => Promise<void>;
}

/**
 * A send's idempotency key, handed to the step it guards: the step writes the key's record together with its
 * event once its answer is known (`saved`), and `idempotent` writes it only when no step did.
 */
interface AnswerSlot {
  key: string;
  fingerprint: () => string;
  saved: boolean;
}

export interface CreateOptions<TInput> {
  idempotencyKey?: string;
  /** Builds the machine input inside the transaction (journal numbers are allocated there), from the payload and its looked-up facts. */
  input: (tx: EngineTx, at: Date, payload: unknown, facts: Record<string, Fact>, id: string) => Promise<TInput>;
  /** Extra fields for the 201 answer, taken from the new instance's context. */
  describe?: (context: any) => Record<string, unknown>;
}

export interface SendResult {
  id: string;
  state: string;
  version: number;
  [extra: string]: unknown;
}

export interface InstanceView {
  instance: InstanceRow;
  snapshot: AnyMachineSnapshot;
  definition: WorkflowDefinition;
}

/** `replayed`: the answer stored under the idempotency key by an earlier, identical call; nothing was written now. */
type Outcome = { status: number; body: SendResult; replayed?: true };

/** May this actor send an event of this kind at all (before any guard)? */
function mayAttempt(roles: EventSpec['roles'], actor: Actor, forwarded: boolean): boolean {
  if (roles === 'system') return actor.kind === 'system';
  if (roles === 'workflow') return forwarded;
  if (roles === 'anyone') return actor.kind === 'user';
  return hasRole(actor, ...roles);
}

/**
 * The one way anything changes: authorize → validate → pure transition → one
 * transaction with the event, the snapshot (version-checked), the idempotency
 * record and the outbox. Effects run only after commit, from the outbox.
 */
export class WorkflowEngine {
  /**
   * Transactions the engine wrote outbox rows in: the relay is told after their commit only then (most transitions
   * arm no deadline and notify nobody). Noted where the rows are written, not by wrapping each transaction: a Proxy
   * that did it cost ~2 % of a step's CPU, and a prototype wrapper more (measured on SQLite).
   */
  private readonly wroteOutbox = new WeakSet<EngineTx>();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: EngineStore,
    private readonly clock: Clock,
    private readonly listener?: OutboxListener,
  ) {}

  async create<TInput>(
    machineId: string,
    payload: unknown,
    actor: Actor,
    opts: CreateOptions<TInput>,
  ): Promise<Outcome> {
    const def = this.registry.current(machineId);
    if (!mayAttempt(def.creatorRoles, actor, false))
      throw def.creatorRule
        ? GrifError.ruleRefusal(def.creatorRule, 'forbidden')
        : new GrifError('forbidden', 'ROLE_REQUIRED');
    const parsed = parsePayload(def.createSchema, payload);
    const fp = () => fingerprint({ op: 'create', machineId, payload: parsed });
    // A school's registrations share its journal counters: one writer for them all.
    return this.idempotent(actor, opts.idempotencyKey, actor.schoolId, fp, async (tx) => {
      const at = this.clock.now();
      const facts = {
        ...(await this.lookupFacts(tx, actor.schoolId, def.createLookups, parsed as Record<string, unknown>)),
        ...(await this.roleHolderFacts(tx, actor.schoolId, def.createRoleHolders, at.toISOString())),
      };
      const instanceId = newId();
      const input = await opts.input(tx, at, parsed, facts, instanceId);
      const { id, state, context } = await this.insertNew(tx, def, input, actor, at.toISOString(), null, instanceId);
      return { status: 201, body: { id, state, version: 1, ...(opts.describe?.(context) ?? {}) } };
    });
  }

  /** A new instance with its first link (CREATE) and its projection. */
  private async insertNew(
    tx: EngineTx,
    def: WorkflowDefinition,
    input: unknown,
    actor: Actor,
    at: string,
    parentId: string | null = null,
    id: string = newId(),
  ) {
    const [snapshot, actions] = initialTransitionOf(def.machine, input);
    const state = stateName(snapshot.value);
    const event = this.link(GENESIS_HASH, {
      schoolId: actor.schoolId,
      instanceId: id,
      seq: 1,
      type: 'CREATE',
      payload: input,
      actorId: actor.userId,
      actorRoles: actor.roles,
      at,
      fromState: null,
      toState: state,
    });
    const instance: InstanceRow = {
      id,
      schoolId: actor.schoolId,
      machineId: def.id,
      machineVersion: def.version,
      state,
      snapshot: persistSnapshot(def, snapshot),
      version: 1,
      lastSeq: 1,
      headHash: event.hash,
      parentId,
    };
    await tx.insertInstance(instance, at);
    await tx.appendEvent(event);
    await tx.project(instance, snapshot.context, { type: 'CREATE', payload: input, actorId: actor.userId, at, seq: 1 });
    // What the machine asks for on entry (an act draft takes its items out of circulation) happens with its creation.
    await this.recordEffects(tx, instance, actions as unknown as Effect[], actor, at);
    return { id, state, context: snapshot.context };
  }

  async send(id: string, type: string, payload: unknown, actor: Actor, opts: SendOptions = {}): Promise<Outcome> {
    // Hashed only when needed: after `apply` judged visibility, role and schema, or to compare a stored answer
    // of the caller's own key. A stranger's payload is never hashed.
    const fp = () => fingerprint({ op: 'send', id, type, payload: payload ?? {} });
    return this.idempotent(
      actor,
      opts.idempotencyKey,
      id,
      fp,
      (tx, answer) => this.apply(tx, id, type, payload, actor, opts, answer),
      id,
      namedPeople(this.registry.personFields(type), payload),
    );
  }

  /**
   * Changes the school's calendar or deadline ladder, and every running deadline follows in the same
   * transaction: each instance with a pending deadline is sent DEADLINE_MOVED as the system, and the
   * machine sets its due times again on the new settings (one whose times stay refuses and is left alone).
   */
  async changePolicy<K extends keyof SchoolPolicy>(
    actor: Actor,
    name: K,
    value: SchoolPolicy[K],
  ): Promise<{ moved: number }> {
    let moved = 0;
    await this.store.write(async (tx) => {
      moved = 0; // a batch that lost a race runs its units again
      const at = this.clock.now().toISOString();
      await tx.savePolicy(actor.schoolId, name, value, actor.userId, at);
      // A breach step keeps the limit it began with; the calendar and the return ladder move what runs.
      if (name === 'breachLimits') return;
      const system: Actor = { userId: 'system', schoolId: actor.schoolId, roles: [], kind: 'system' };
      for (const id of await tx.instancesWithPendingDeadlines(actor.schoolId)) {
        const instance = await tx.loadInstance(actor.schoolId, id);
        if (!instance || !this.registry.get(instance.machineId, instance.machineVersion).events[DEADLINE_MOVED])
          continue;
        try {
          await this.apply(tx, id, DEADLINE_MOVED, { reason: name }, system);
          moved++;
        } catch (err) {
          // Refused before anything was written for this instance: its due times stay as they are.
          // A lost race is no refusal: the whole change is answered 409 and may be repeated.
          if (!(err instanceof GrifError) || err.kind === 'unavailable' || err.code === 'STALE_VERSION') throw err;
        }
      }
    }, actor.schoolId);
    if (moved) this.listener?.outboxWritten();
    return { moved };
  }

  /** One event, inside a running transaction: check, transition, and write it with its effects. */
  private async apply(
    tx: EngineTx,
    id: string,
    type: string,
    payload: unknown,
    actor: Actor,
    opts: SendOptions = {},
    answer?: AnswerSlot,
  ): Promise<Outcome> {
    const { instance, snapshot, definition: def } = await this.visible(tx, actor, id, opts.forwarded);
    if (opts.machineIds && !opts.machineIds.includes(instance.machineId)) throw new GrifError('not_found', 'NOT_FOUND');
    const spec = def.events[type];
    if (!spec) {
      throw new GrifError('invalid', 'VALIDATION_FAILED', {
        fields: [{ field: 'type', message: `unknown event; expected one of ${Object.keys(def.events).join(', ')}` }],
      });
    }
    const allowed = mayAttempt(spec.roles, actor, opts.forwarded === true);
    if (!allowed)
      throw spec.roleRule
        ? GrifError.ruleRefusal(spec.roleRule, 'forbidden')
        : new GrifError('forbidden', 'ROLE_REQUIRED');
    const parsed = parsePayload(spec.schema, payload) as Record<string, unknown>;
    const at = this.clock.now().toISOString();
    const facts = {
      ...(await this.lookupFacts(tx, actor.schoolId, spec.lookups, parsed)),
      ...(await this.roleHolderFacts(tx, actor.schoolId, spec.roleHolders, at)),
    };
    if (opts.expectedVersion != null && opts.expectedVersion !== instance.version)
      throw new GrifError('conflict', 'STALE_VERSION');

    const policy = await tx.policy(actor.schoolId);
    const env: Envelope = {
      type,
      payload: parsed,
      actor,
      at,
      instanceId: id,
      seq: instance.lastSeq + 1,
      calendar: policy.calendar,
      deadlines: policy.deadlines,
      breachLimits: policy.breachLimits,
      facts,
    };
    const [next, actions] = transitionOf(def.machine, snapshot, env as never);
    if (next === snapshot) throw explainRefusal(def, snapshot, env);

    const toState = stateName(next.value);
    const event = this.link(instance.headHash, {
      schoolId: instance.schoolId,
      instanceId: id,
      seq: env.seq,
      type,
      payload: parsed,
      actorId: actor.userId,
      actorRoles: actor.roles,
      at,
      fromState: instance.state,
      toState,
    });
    const updated: InstanceRow = {
      ...instance,
      state: toState,
      snapshot: persistSnapshot(def, next),
      version: instance.version + 1,
      lastSeq: env.seq,
      headHash: event.hash,
    };
    const outcome: Outcome = { status: 200, body: { id, state: toState, version: updated.version } };
    // The caller's idempotency record goes with the step it answers: one statement fewer (see AnswerSlot).
    const answered = answer && {
      schoolId: actor.schoolId,
      actorId: actor.userId,
      key: answer.key,
      response: { fingerprint: answer.fingerprint(), statusCode: outcome.status, body: outcome.body },
    };
    if (!(await tx.advance(updated, instance.version, event, at, answered)))
      throw new GrifError('conflict', 'STALE_VERSION');
    if (answer) answer.saved = true;
    if (opts.firesDeadline) await tx.settleDeadline(opts.firesDeadline, id, 'fired', at);
    await opts.alsoWrite?.(tx, at);
    await this.recordEffects(tx, updated, actions as unknown as Effect[], actor, at);
    await tx.project(updated, next.context, { type, payload: parsed, actorId: actor.userId, at, seq: env.seq });
    return outcome;
  }

  /** Settles an effect's outbox row whose job found nothing left to do (an act rejected while it was rendering). */
  async settleOutbox(outboxId: string): Promise<void> {
    await this.store.write((tx) => tx.settleOutbox(outboxId, this.clock.now().toISOString()));
  }

  /** Loads an instance the actor may see; anything else is "not found", so existence does not leak. */
  async view(actor: Actor, id: string): Promise<InstanceView> {
    return this.store.read((tx) => this.visible(tx, actor, id));
  }

  /**
   * What this actor may send now, as the machine would accept it (`available`), and what their
   * role allows but a rule of the Regulation forbids in this state (`blocked`, with the rule), so
   * a screen can say why instead of hiding the action.
   */
  async eventsFor(
    actor: Actor,
    view: InstanceView,
  ): Promise<{ available: string[]; blocked: { type: string; rule?: string; code: string }[] }> {
    const available: string[] = [];
    const blocked: { type: string; rule?: string; code: string }[] = [];
    const policy = await this.store.read((tx) => tx.policy(actor.schoolId));
    for (const [type, spec] of Object.entries(view.definition.events)) {
      if (spec.roles === 'system' || spec.roles === 'workflow' || !mayAttempt(spec.roles, actor, false)) continue;
      const refusal = await this.probe(actor, view, type, policy);
      if (!refusal) available.push(type);
      else if (refusal.rule) blocked.push({ type, rule: refusal.rule, code: refusal.code });
    }
    return { available, blocked };
  }

  /**
   * Would this actor's event of this type be accepted now, payload aside? Throws the refusal `send` would give
   * (role, state, or a guard's rule). For work that must happen before the event exists: a signature is made
   * only when the signer may sign.
   */
  async assertMay(actor: Actor, view: InstanceView, type: string): Promise<void> {
    const spec = view.definition.events[type];
    if (!spec) throw new GrifError('conflict', 'EVENT_NOT_ACCEPTED');
    if (!mayAttempt(spec.roles, actor, false))
      throw spec.roleRule
        ? GrifError.ruleRefusal(spec.roleRule, 'forbidden')
        : new GrifError('forbidden', 'ROLE_REQUIRED');
    const refusal = await this.probe(actor, view, type);
    if (refusal) throw refusal;
  }

  /**
   * The machine's answer to this event now, with no payload but the facts that need none (who holds the roles
   * the guards ask about): null when accepted, else the refusal a send would get.
   */
  private async probe(
    actor: Actor,
    view: InstanceView,
    type: string,
    policy?: SchoolPolicy,
  ): Promise<GrifError | null> {
    const at = this.clock.now().toISOString();
    const env = await this.store.read(async (tx) => {
      const { calendar, deadlines, breachLimits } = policy ?? (await tx.policy(actor.schoolId));
      const facts = await this.roleHolderFacts(tx, actor.schoolId, view.definition.events[type]?.roleHolders, at);
      return {
        type,
        payload: {},
        actor,
        at,
        instanceId: view.instance.id,
        seq: view.instance.lastSeq + 1,
        calendar,
        deadlines,
        breachLimits,
        facts,
      } as Envelope;
    });
    return view.snapshot.can(env as never) ? null : explainRefusal(view.definition, view.snapshot, env);
  }

  /** The answer already stored under this idempotency key, if any (a repeated signature request). */
  async storedAnswer(actor: Actor, key: string): Promise<{ status: number; body: SendResult } | null> {
    const prior = await this.store.read((tx) => tx.findResponse(actor.schoolId, actor.userId, key));
    return prior ? { status: prior.statusCode, body: prior.body as SendResult } : null;
  }

  async history(actor: Actor, id: string) {
    return this.store.read(async (tx) => {
      await this.visible(tx, actor, id);
      return tx.history(actor.schoolId, id);
    });
  }

  /** A deadline's alarm rang: send its event as the system, keyed by the deadline so a repeat is harmless. */
  async fireDeadline(
    deadlineId: string,
  ): Promise<{ outcome: 'fired' | 'settled' | 'stale' | 'missing' } | { outcome: 'early'; dueAt: string }> {
    const d = await this.store.read((tx) => tx.findDeadline(deadlineId));
    if (!d) return { outcome: 'missing' };
    if (d.status !== 'pending') return { outcome: 'settled' };
    if (new Date(d.dueAt).getTime() > this.clock.now().getTime()) return { outcome: 'early', dueAt: d.dueAt };
    const actor: Actor = { userId: 'system', schoolId: d.schoolId, roles: [], kind: 'system' };
    try {
      await this.send(d.instanceId, d.eventType, { deadlineKey: d.key, deadlineId: d.id }, actor, {
        idempotencyKey: `deadline-${d.id}`,
        firesDeadline: d.id,
      });
      return { outcome: 'fired' };
    } catch (err) {
      if (!(err instanceof GrifError) || !['EVENT_NOT_ACCEPTED', 'STALE_DEADLINE', 'NOT_FOUND'].includes(err.code))
        throw err;
      // The machine moved on (returned in time, cancelled): the alarm has nothing to do.
      await this.store.write(
        (tx) => tx.settleDeadline(d.id, d.instanceId, 'stale', this.clock.now().toISOString()),
        d.instanceId,
      );
      return { outcome: 'stale' };
    }
  }

  private async visible(tx: EngineTx, actor: Actor, id: string, forwarded = false): Promise<InstanceView> {
    const instance = await tx.loadInstance(actor.schoolId, id);
    if (!instance) throw new GrifError('not_found', 'NOT_FOUND');
    const definition = this.registry.get(instance.machineId, instance.machineVersion);
    const snapshot = restoreSnapshot(definition, instance.snapshot);
    if (!forwarded && !definition.canSee(snapshot.context, actor)) throw new GrifError('not_found', 'NOT_FOUND');
    return { instance, snapshot, definition };
  }

  /** Loads the records a payload names, in the transaction, so guards judge them without I/O. */
  private async lookupFacts(
    tx: EngineTx,
    schoolId: string,
    lookups: Readonly<Record<string, LookupKind>> | undefined,
    payload: Record<string, unknown>,
  ): Promise<Record<string, Fact>> {
    const facts: Record<string, Fact> = {};
    const find = async (field: string, kind: LookupKind, v: string): Promise<Fact> => {
      const fact = await tx.lookup(kind, schoolId, v);
      if (fact) return fact;
      throw new GrifError('refused', kind === 'person' ? 'HOLDER_UNKNOWN' : 'REFERENCE_UNKNOWN', {
        fields: [{ field, message: `no such ${kind} in this school` }],
      });
    };
    for (const [field, kind] of Object.entries(lookups ?? {})) {
      const v = payload[field];
      if (typeof v === 'string') facts[field] = await find(field, kind, v);
      else if (Array.isArray(v)) {
        const items: Fact[] = [];
        for (const [i, x] of v.entries()) items.push(await find(`${field}.${i}`, kind, String(x)));
        facts[field] = { kind: 'list', items };
      }
    }
    return facts;
  }

  /** Who holds each role by an order in force at `at` (a destruction commission, the records clerk). */
  private async roleHolderFacts(
    tx: EngineTx,
    schoolId: string,
    roles: readonly Role[] | undefined,
    at: string,
  ): Promise<Record<string, Fact>> {
    const facts: Record<string, Fact> = {};
    for (const role of roles ?? [])
      facts[`holders:${role}`] = { kind: 'role_holders', role, people: await tx.roleHolders(schoolId, role, at) };
    return facts;
  }

  /** The event goes on to each listed instance (`skipDone`: each still running); a refusal not named in `skipCodes` refuses it all. */
  private async forwardTo(
    tx: EngineTx,
    p: Extract<Effect, { type: 'forwardTo' }>['params'],
    actor: Actor,
  ): Promise<void> {
    for (const id of p.instanceIds) {
      if (p.skipDone && (await this.visible(tx, actor, id, true)).snapshot.status === 'done') continue;
      try {
        await this.apply(tx, id, p.event, p.payload, actor, { forwarded: true });
      } catch (err) {
        if (!(err instanceof GrifError) || !p.skipCodes?.includes(err.code as never)) throw err;
      }
    }
  }

  /** The event goes on to every live instance this one spawned; a refusal not named in `skipCodes` refuses it all. */
  private async forwardToSpawned(
    tx: EngineTx,
    parent: InstanceRow,
    p: Extract<Effect, { type: 'forwardToSpawned' }>['params'],
    actor: Actor,
  ): Promise<void> {
    for (const childId of await tx.spawnedBy(parent.id)) {
      const child = await this.visible(tx, actor, childId);
      if (child.snapshot.status === 'done') continue;
      try {
        await this.apply(tx, childId, p.event, p.payload, actor);
      } catch (err) {
        if (!(err instanceof GrifError) || !p.skipCodes?.includes(err.code as never)) throw err;
      }
    }
  }

  private link(prevHash: string, e: Parameters<typeof eventHash>[1]) {
    return { ...e, id: newId(), prevHash, hash: eventHash(prevHash, e) };
  }

  private async recordEffects(
    tx: EngineTx,
    inst: InstanceRow,
    actions: Effect[],
    actor: Actor,
    at: string,
  ): Promise<void> {
    const outbox: OutboxRow[] = [];
    const base = { schoolId: inst.schoolId, instanceId: inst.id };
    for (const a of actions.filter((x) => (EFFECT_TYPES as readonly string[]).includes(x.type))) {
      if (a.type === 'armDeadline') {
        const d: DeadlineRow = {
          ...base,
          id: newId(),
          key: a.params.key,
          eventType: a.params.event,
          dueAt: a.params.dueAt,
          rule: a.params.rule ?? null,
          status: 'pending',
        };
        await tx.insertDeadline(d, at);
        outbox.push({ ...base, id: newId(), kind: 'deadline.arm', payload: { deadlineId: d.id, dueAt: d.dueAt } });
      } else if (a.type === 'cancelDeadline') {
        const cancelled = await tx.cancelDeadline(inst.id, a.params.key, at);
        if (cancelled)
          outbox.push({ ...base, id: newId(), kind: 'deadline.cancel', payload: { deadlineId: cancelled } });
      } else if (a.type === 'spawn') {
        const def = this.registry.current(a.params.machineId);
        for (const input of a.params.inputs) await this.insertNew(tx, def, input, actor, at, inst.id);
      } else if (a.type === 'forwardToSpawned') {
        await this.forwardToSpawned(tx, inst, a.params, actor);
      } else if (a.type === 'forwardTo') {
        await this.forwardTo(tx, a.params, actor);
      } else if (a.type === 'transferCustody') {
        await tx.transferCustody(inst.schoolId, a.params, actor.userId, at);
      } else if (a.type === 'revokeAccess') {
        await tx.revokeAccess(inst.schoolId, a.params.userId, at);
      } else if (a.type === 'recordBriefing') {
        await tx.recordBriefing(inst.schoolId, a.params, actor.userId);
      } else if (a.type === 'renderAct') {
        outbox.push({ ...base, id: newId(), kind: 'renderAct', payload: { ...a.params } });
      } else {
        outbox.push({ ...base, id: newId(), kind: 'notify', payload: { ...a.params } });
      }
    }
    if (outbox.length) {
      this.wroteOutbox.add(tx);
      await tx.addOutbox(outbox, at);
    }
  }

  /**
   * Runs `work` in one transaction and stores its answer under the idempotency key in
   * that same transaction. A retry finds the stored answer; a lost race re-reads it.
   */
  private async idempotent(
    actor: Actor,
    key: string | undefined,
    partition: string,
    fingerprintOf: () => string,
    work: (tx: EngineTx, answer?: AnswerSlot) => Promise<Outcome>,
    instanceId?: string,
    people?: string[],
  ): Promise<Outcome> {
    let fp: string | undefined;
    const fingerprint = () => (fp ??= fingerprintOf());
    const replay = (prior: StoredResponse): Outcome => {
      if (prior.fingerprint !== fingerprint()) throw new GrifError('refused', 'IDEMPOTENCY_KEY_REUSED');
      return { status: prior.statusCode, body: prior.body as SendResult, replayed: true };
    };
    // The transaction of the last run of `work` (a batch may run it again); a kick after a failed commit finds
    // nothing to relay: harmless.
    let last: EngineTx | undefined;
    try {
      return await this.store.write(
        async (tx) => {
          last = tx;
          if (key) {
            const prior = await tx.findResponse(actor.schoolId, actor.userId, key);
            if (prior) return replay(prior);
          }
          const answer = key ? { key, fingerprint, saved: false } : undefined;
          const result = await work(tx, answer);
          if (answer && !answer.saved)
            await tx.saveResponse(
              actor.schoolId,
              actor.userId,
              answer.key,
              { fingerprint: fingerprint(), statusCode: result.status, body: result.body },
              this.clock.now().toISOString(),
            );
          return result;
        },
        partition,
        instanceId === undefined
          ? undefined
          : { schoolId: actor.schoolId, actorId: actor.userId, key, instanceId, people },
      );
    } catch (err) {
      const conflict = this.store.isConflict(err);
      if (!conflict && !(err instanceof GrifError)) throw err;
      // A twin request with the same key may have committed while this one ran: under READ
      // COMMITTED this attempt can then see the twin's new state (and be refused by it) without
      // having seen its idempotency record. The key's stored answer is the answer.
      if (key) {
        const prior = await this.store.read((tx) => tx.findResponse(actor.schoolId, actor.userId, key));
        if (prior) return replay(prior);
      }
      if (!conflict) throw err;
      throw new GrifError('conflict', 'STALE_VERSION', {}, { cause: err });
    } finally {
      if (last && this.wroteOutbox.has(last)) this.listener?.outboxWritten();
    }
  }
}

/** The ids a payload gives in those fields (one, or a list), as far as they can be ids at all. */
function namedPeople(fields: string[], payload: unknown): string[] | undefined {
  if (!fields.length || !payload || typeof payload !== 'object') return undefined;
  const ids = fields
    .flatMap((field) => [(payload as Record<string, unknown>)[field]].flat())
    .filter((v): v is string => typeof v === 'string' && v.length > 0 && v.length <= 64);
  return ids.length ? ids : undefined;
}
