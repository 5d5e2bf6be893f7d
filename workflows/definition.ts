import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type { Actor, ClearanceRecord, DeadlineSettings, ErrorCode, Role, RuleId, WorkingCalendar } from '@grif/domain';

/**
 * What the engine hands to `transition()`: the user's payload plus who sent it,
 * when, at which history position, and the school's calendar. Guards read the
 * envelope, so they stay pure and need no clock.
 */
export interface Envelope<TType extends string = string, TPayload = Record<string, unknown>> {
  type: TType;
  payload: TPayload;
  actor: Actor;
  /** ISO-8601 UTC instant at which the engine accepted the event. */
  at: string;
  /** The instance the event is sent to. */
  instanceId: string;
  /** The history sequence number this event will get. */
  seq: number;
  calendar: WorkingCalendar;
  /** The school's reminder and escalation ladder. */
  deadlines: DeadlineSettings;
  /** What the engine looked up, in the same transaction, for the payload's references (see EventSpec.lookups). */
  facts: Record<string, Fact>;
}

/** Facts about referenced records, so guards can judge them without I/O. */
export interface PersonFact {
  kind: 'person';
  id: string;
  displayName: string;
  /** Every recorded obligation, briefing and revocation: `clearanceAt` judges them at the event's moment. */
  clearances: readonly ClearanceRecord[];
}
export interface CabinetFact {
  kind: 'cabinet';
  id: string;
  name: string;
  roomName: string;
  secure: boolean;
}
export interface FileFact {
  kind: 'file';
  id: string;
  index: string;
  title: string;
  year: number;
  retentionYears: number | null;
}
export type Fact = PersonFact | CabinetFact | FileFact;
export type LookupKind = Fact['kind'];

/** Effects a transition asks for; the engine writes them to the outbox in the same transaction. */
export type Effect =
  | { type: 'armDeadline'; params: { key: string; dueAt: string; event: string; rule?: RuleId } }
  | { type: 'cancelDeadline'; params: { key: string } }
  | {
      type: 'notify';
      params: { template: string; toRoles?: Role[]; toUserIds?: string[]; data?: Record<string, unknown> };
    }
  /** New instances of a machine, created in the same transaction (copies of a document, R-4.1c). */
  | { type: 'spawn'; params: { machineId: string; inputs: unknown[] } }
  /** The same event sent on to every instance this one spawned, in the same transaction (a reclassified original's copies). */
  | {
      type: 'forwardToSpawned';
      /** `skipCodes`: refusals that mean "nothing to do here" (a copy that already has the mark); any other refusal refuses the whole event. */
      params: { event: string; payload: Record<string, unknown>; skipCodes?: ErrorCode[] };
    };
export const EFFECT_TYPES = ['armDeadline', 'cancelDeadline', 'notify', 'spawn', 'forwardToSpawned'] as const;

/** The event a change of the school's calendar or ladder sends to every instance with a pending deadline. */
export const DEADLINE_MOVED = 'DEADLINE_MOVED';

export interface EventSpec {
  schema: ZodType;
  /** Who may send it at all; 'system' events come from deadlines only. */
  roles: readonly Role[] | 'system';
  /** The rule a role refusal cites (R-4.2.4 for "issued only through the clerk"). */
  roleRule?: RuleId;
  /** Payload fields that reference records of the actor's school; looked up into `facts`, 422 when missing. */
  lookups?: Readonly<Record<string, LookupKind>>;
}

/** Why a named guard says no, so a refusal can cite the rule (or code) the user must read. */
export type GuardRefusals = Record<string, { rule: RuleId } | { code: ErrorCode }>;

export interface WorkflowDefinition<TContext = any> {
  id: string;
  version: number;
  machine: AnyStateMachine;
  createSchema: ZodType;
  /** Who may start an instance. */
  creatorRoles: readonly Role[];
  /** The rule a refused creation cites. */
  creatorRule?: RuleId;
  createLookups?: Readonly<Record<string, LookupKind>>;
  events: Record<string, EventSpec>;
  guardRefusals: GuardRefusals;
  /** Object-level right: may this actor see (and so act on) this instance at all? */
  canSee(context: TContext, actor: Actor): boolean;
}
