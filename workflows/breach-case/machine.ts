import { and, assign, enqueueActions, setup } from 'xstate';
import {
  breachStepDueAt,
  type BreachCause,
  type BreachSeverity,
  type BreachStep,
  type BreachSystem,
} from '@grif/domain';
import type { Effect, Envelope, RoleHoldersFact } from '../definition';
import { actNotice, askToSign, isLastSignature, isSignersTurn, signed, signerSlot, type ActContextBase } from '../acts';
import type { BreachEventType, BreachPayload } from './events';

export interface BreachStepClock {
  name: BreachStep;
  /** The deadline's key: an alarm with another key is stale. */
  key: string;
  dueAt: string;
  escalated: boolean;
}

export interface BreachContext extends ActContextBase {
  kind: 'breach_report';
  actId: string;
  system: BreachSystem;
  account: string;
  /** The person whose account it is, when Grif knows them (a Grif account always; a portal account when named). */
  ownerId: string | null;
  reporterId: string;
  onBehalf: boolean;
  discoveredAt: string;
  reportedAt: string;
  reportDueAt: string;
  late: boolean;
  lateReason: string | null;
  description: string;
  triage: { severity: BreachSeverity; personalData: boolean; by: string; at: string } | null;
  containment: { at: string; by: string; sessionsRevoked: boolean; resetConfirmedAt: string | null } | null;
  investigation: { cause: BreachCause; accessed: string; ownerLiable: boolean; by: string; at: string } | null;
  remediation: { measures: string; rebriefing: boolean; by: string; at: string } | null;
  step: BreachStepClock | null;
}

export type BreachInput = Pick<
  BreachContext,
  | 'actId'
  | 'number'
  | 'year'
  | 'createdAt'
  | 'createdBy'
  | 'system'
  | 'account'
  | 'ownerId'
  | 'reporterId'
  | 'onBehalf'
  | 'discoveredAt'
  | 'reportedAt'
  | 'reportDueAt'
  | 'late'
  | 'lateReason'
  | 'description'
> & { firstStepDueAt: string };

type Ev<T extends BreachEventType> = Envelope<T, BreachPayload<T>>;
export type BreachEvent = { [T in BreachEventType]: Ev<T> }[BreachEventType];
type EffectParams<T extends Effect['type']> = Extract<Effect, { type: T }>['params'];

/** The next step's clock: its limit from now, a deadline keyed by the event's seq, the running one cancelled. */
function nextStep(c: BreachContext, e: Envelope, name: BreachStep | null): Effect[] {
  const effects: Effect[] = c.step ? [{ type: 'cancelDeadline', params: { key: c.step.key } }] : [];
  if (name)
    effects.push({
      type: 'armDeadline',
      params: {
        key: `step-${e.seq}`,
        dueAt: breachStepDueAt(e.calendar, e.breachLimits, name, e.at),
        event: 'STEP_OVERDUE',
        rule: 'R-5.2.3',
      },
    });
  return effects;
}
const clockOf = (e: Envelope, name: BreachStep): BreachStepClock => ({
  name,
  key: `step-${e.seq}`,
  dueAt: breachStepDueAt(e.calendar, e.breachLimits, name, e.at),
  escalated: false,
});

const director = (e: Envelope) => (e.facts['holders:director'] as RoleHoldersFact | undefined)?.people[0];

export const breachMachine = setup({
  types: {
    context: {} as BreachContext,
    events: {} as BreachEvent,
    input: {} as BreachInput,
  },
  guards: {
    grifAccount: ({ context }) => context.system === 'grif',
    // only the running step's alarm escalates, and only once; a repeat of it is as stale as an old one.
    isCurrentStep: ({ context, event }) =>
      (event as Ev<'STEP_OVERDUE'>).payload.deadlineKey === (context.step?.key ?? null) && !context.step?.escalated,
    hasDirector: ({ event }) => {
      const e = event as Envelope;
      // An availability probe has the role-holder facts; judge only when they are there.
      return !('holders:director' in e.facts) || !!director(e);
    },
    signersTurn: ({ context, event }) => isSignersTurn(context, event.actor),
    lastSignature: ({ context, event }) => isLastSignature(context, event.actor),
  },
  actions: {
    triage: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'TRIAGE'>;
      for (const x of nextStep(context, e, 'containment')) enqueue(x as never);
      enqueue.assign({
        triage: { ...e.payload, by: e.actor.userId, at: e.at },
        step: clockOf(e, 'containment'),
      });
    }),
    // a Grif account is shut at once: every session revoked and, as its secret is out, a new
    // password forced, in this transaction.
    containGrif: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'CONTAIN'>;
      if (context.ownerId) enqueue({ type: 'revokeAccess', params: { userId: context.ownerId } } as never);
      for (const x of nextStep(context, e, 'investigation')) enqueue(x as never);
      enqueue.assign({
        containment: { at: e.at, by: e.actor.userId, sessionsRevoked: !!context.ownerId, resetConfirmedAt: null },
        step: clockOf(e, 'investigation'),
      });
    }),
    // The portal is not Grif's: support resets it there and confirms here; the containment clock keeps running.
    askPortalReset: assign(({ event }) => {
      const e = event as Ev<'CONTAIN'>;
      return { containment: { at: e.at, by: e.actor.userId, sessionsRevoked: false, resetConfirmedAt: null } };
    }),
    confirmReset: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'CONFIRM_RESET'>;
      for (const x of nextStep(context, e, 'investigation')) enqueue(x as never);
      enqueue.assign({
        containment: { ...context.containment!, resetConfirmedAt: e.at },
        step: clockOf(e, 'investigation'),
      });
    }),
    investigate: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'INVESTIGATE'>;
      for (const x of nextStep(context, e, 'remediation')) enqueue(x as never);
      enqueue.assign({
        // whoever passed on their login answers for it; the report says so.
        investigation: {
          ...e.payload,
          ownerLiable: e.payload.cause === 'shared_credentials',
          by: e.actor.userId,
          at: e.at,
        },
        step: clockOf(e, 'remediation'),
      });
    }),
    remediate: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'REMEDIATE'>;
      // the briefing is repeated, and recorded against the person, in this transaction.
      if (e.payload.rebriefing && context.ownerId)
        enqueue({
          type: 'recordBriefing',
          params: { userId: context.ownerId, at: e.at, note: `${context.number}: R-2.5, R-5.2.3` },
        } as never);
      for (const x of nextStep(context, e, 'report')) enqueue(x as never);
      enqueue.assign({
        remediation: { ...e.payload, by: e.actor.userId, at: e.at },
        step: clockOf(e, 'report'),
      });
    }),
    submitReport: enqueueActions(({ event, enqueue }) => {
      const e = event as Ev<'SUBMIT_REPORT'>;
      const d = director(e);
      const officers = (e.facts['holders:security_officer'] as RoleHoldersFact | undefined)?.people ?? [];
      const me = officers.find((p) => p.id === e.actor.userId)?.displayName ?? '';
      enqueue.assign({
        signers: [
          signerSlot(e.actor.userId, me, 'security_officer', 1),
          ...(d ? [signerSlot(d.id, d.displayName, 'director', 2)] : []),
        ],
      });
      enqueue({ type: 'renderAct', params: {} } as never);
    }),
    sign: assign(({ context, event }) => signed(context, event as Ev<'SIGN'>)),
    askNextSigners: enqueueActions(({ context, enqueue }) => {
      const ask = askToSign(context);
      if (ask) enqueue(ask as never);
    }),
    close: enqueueActions(({ context, event, enqueue }) => {
      for (const x of nextStep(context, event as Envelope, null)) enqueue(x as never);
      enqueue({
        type: 'notify',
        params: {
          template: 'act.completed',
          toRoles: ['security_officer', 'tech_support'],
          toUserIds: [context.reporterId],
          data: actNotice(context),
        },
      } as never);
      enqueue.assign({ step: null, completedAt: (event as Envelope).at });
    }),
    // A missed limit goes up to the director, once per step.
    escalate: enqueueActions(({ context, enqueue }) => {
      enqueue({
        type: 'notify',
        params: {
          template: 'breach.step_overdue',
          toRoles: ['director', 'security_officer'],
          data: { caseId: context.actId, number: context.number, step: context.step!.name, dueAt: context.step!.dueAt },
        },
      } as never);
      enqueue.assign({ step: { ...context.step!, escalated: true } });
    }),
    // Effects: recorded as data by transition(), executed by the engine (revokeAccess and recordBriefing in the
    // transaction, the rest after commit).
    armDeadline: (_, _params: EffectParams<'armDeadline'>) => {},
    cancelDeadline: (_, _params: EffectParams<'cancelDeadline'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
    renderAct: (_, _params: EffectParams<'renderAct'>) => {},
    revokeAccess: (_, _params: EffectParams<'revokeAccess'>) => {},
    recordBriefing: (_, _params: EffectParams<'recordBriefing'>) => {},
  },
}).createMachine({
  id: 'breach_case',
  context: ({ input }) => ({
    kind: 'breach_report',
    ...input,
    items: [],
    signers: [],
    pdf: null,
    rejected: null,
    completedAt: null,
    triage: null,
    containment: null,
    investigation: null,
    remediation: null,
    step: { name: 'triage', key: 'step-1', dueAt: input.firstStepDueAt, escalated: false },
  }),
  // Every step but the report's signing may run late; its alarm goes up to the director.
  on: {
    STEP_OVERDUE: { guard: 'isCurrentStep', actions: 'escalate' },
  },
  initial: 'reported',
  // the security system detects (reported, triaged), localises (contained), and eliminates (investigated,
  // remediated) a threat; the signed report closes it.
  states: {
    reported: {
      // the officer and support hear of it at once, and the triage clock starts.
      entry: enqueueActions(({ context, enqueue }) => {
        enqueue({
          type: 'notify',
          params: {
            template: 'breach.reported',
            toRoles: ['security_officer', 'tech_support'],
            data: { caseId: context.actId, number: context.number, system: context.system, late: context.late },
          },
        });
        enqueue({
          type: 'armDeadline',
          params: { key: 'step-1', dueAt: context.step!.dueAt, event: 'STEP_OVERDUE', rule: 'R-5.2.3' },
        });
      }),
      on: { TRIAGE: { target: 'triaged', actions: 'triage' } },
    },
    triaged: {
      on: {
        CONTAIN: [
          { guard: 'grifAccount', target: 'contained', actions: 'containGrif' },
          { target: 'awaiting_reset', actions: 'askPortalReset' },
        ],
      },
    },
    awaiting_reset: { on: { CONFIRM_RESET: { target: 'contained', actions: 'confirmReset' } } },
    contained: { on: { INVESTIGATE: { target: 'investigated', actions: 'investigate' } } },
    investigated: { on: { REMEDIATE: { target: 'remediated', actions: 'remediate' } } },
    remediated: { on: { SUBMIT_REPORT: { guard: 'hasDirector', target: 'rendering', actions: 'submitReport' } } },
    rendering: {
      on: {
        RENDERED: {
          target: 'awaiting_signatures',
          actions: [assign({ pdf: ({ event }) => ({ ...(event as Ev<'RENDERED'>).payload }) }), 'askNextSigners'],
        },
      },
    },
    awaiting_signatures: {
      on: {
        SIGN: [
          { guard: and(['signersTurn', 'lastSignature']), target: 'closed', actions: ['sign', 'close'] },
          { guard: 'signersTurn', actions: ['sign', 'askNextSigners'] },
        ],
      },
    },
    // The report act is kept forever.
    closed: { type: 'final' },
  },
});
