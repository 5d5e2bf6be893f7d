import type { AnyStateMachine } from 'xstate';
import type { ZodType } from 'zod';
import type {
  Actor,
  BreachLimits,
  ClearanceRecord,
  DeadlineSettings,
  ErrorCode,
  Role,
  RuleId,
  WorkingCalendar,
} from '@grif/domain';

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
  /** The school's limits of each step of a breach case, in working hours. */
  breachLimits: BreachLimits;
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
/** A document as an act sees it when it lists, checks or changes it. */
export interface DocumentFact {
  kind: 'document';
  id: string;
  regNumber: string;
  title: string;
  state: string;
  /** The original of a copy (R-4.1c). */
  copyOfId: string | null;
  /** Copies of an original that still exist (not destroyed, dispatched or lost). */
  liveCopyIds: string[];
  /** The act whose draft holds it, if any (R-4.1d). */
  inActId: string | null;
  file: { index: string; year: number; retentionYears: number | null } | null;
}
/** The people who hold a role by an order in force at the event's moment (a commission, the director). */
export interface RoleHoldersFact {
  kind: 'role_holders';
  role: Role;
  people: { id: string; displayName: string }[];
}
/** What a payload's array of references resolved to, in the payload's order. */
export interface ListFact {
  kind: 'list';
  items: Fact[];
}
export type Fact = PersonFact | CabinetFact | FileFact | DocumentFact | RoleHoldersFact | ListFact;
/** What a payload field may reference; an array field resolves each element into a ListFact. */
export type LookupKind = 'person' | 'cabinet' | 'file' | 'document';

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
    }
  /** An event sent on to the listed instances, in the same transaction (an act destroys or hands over its items). */
  | {
      type: 'forwardTo';
      params: {
        instanceIds: string[];
        event: string;
        payload: Record<string, unknown>;
        skipCodes?: ErrorCode[];
        /** Leave alone the listed instances already in a final state (an item lost or dispatched since it was listed). */
        skipDone?: boolean;
      };
    }
  /** Render this act's PDF in a job after commit; the job answers with RENDERED and the PDF's SHA-256. */
  | { type: 'renderAct'; params: { language?: 'ky' | 'ru' } }
  /** the records clerk's appointment and the carriers they hold pass to the incoming clerk, in the same transaction. */
  | {
      type: 'transferCustody';
      params: { fromUserId: string; toUserId: string; order: { number: string; date: string }; carrierIds: string[] };
    }
  /** a breached Grif account is shut in the same transaction: its sessions revoked, a new password forced. */
  | { type: 'revokeAccess'; params: { userId: string } }
  /** a repeated security briefing recorded against the person, in the same transaction. */
  | { type: 'recordBriefing'; params: { userId: string; at: string; note: string } };
export const EFFECT_TYPES = [
  'armDeadline',
  'cancelDeadline',
  'notify',
  'spawn',
  'forwardToSpawned',
  'forwardTo',
  'renderAct',
  'transferCustody',
  'revokeAccess',
  'recordBriefing',
] as const;

/** The event a change of the school's calendar or ladder sends to every instance with a pending deadline. */
export const DEADLINE_MOVED = 'DEADLINE_MOVED';

export interface EventSpec {
  schema: ZodType;
  /**
   * Who may send it at all: 'system' events come from deadlines and jobs only; 'workflow' events only from another
   * instance's `forwardTo` (an act changing its items); 'anyone' lets every signed-in person try, and the machine's
   * guards decide (the incoming clerk holds no role yet).
   */
  roles: readonly Role[] | 'system' | 'workflow' | 'anyone';
  /** The rule a role refusal cites (R-4.2.4 for "issued only through the clerk"). */
  roleRule?: RuleId;
  /** Payload fields that reference records of the actor's school; looked up into `facts`, 422 when missing. */
  lookups?: Readonly<Record<string, LookupKind>>;
  /** Roles whose holders (by an order in force) the guards need: facts[`holders:<role>`] is a RoleHoldersFact. */
  roleHolders?: readonly Role[];
}

/** Why a named guard says no, so a refusal can cite the rule (or code) the user must read. */
export type GuardRefusals = Record<string, { rule: RuleId } | { code: ErrorCode }>;

export interface WorkflowDefinition<TContext = any> {
  id: string;
  version: number;
  machine: AnyStateMachine;
  createSchema: ZodType;
  /** Who may start an instance ('anyone': every signed-in person; the input decides, as for a breach report). */
  creatorRoles: readonly Role[] | 'anyone';
  /** The rule a refused creation cites. */
  creatorRule?: RuleId;
  createLookups?: Readonly<Record<string, LookupKind>>;
  createRoleHolders?: readonly Role[];
  events: Record<string, EventSpec>;
  guardRefusals: GuardRefusals;
  /** Object-level right: may this actor see (and so act on) this instance at all? */
  canSee(context: TContext, actor: Actor): boolean;
}
