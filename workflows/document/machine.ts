import { and, assign, enqueueActions, setup } from 'xstate';
import { Classification, endOfWorkingDay } from '@grif/domain';
import type { Effect, Envelope } from '../definition';
import type { DocumentPayload, DocumentEventType, RegisterDocument } from './events';

export interface Holder {
  userId: string;
  purpose: string;
  issuedAt: string;
  dueAt: string | null;
  acknowledgedAt: string | null;
}

export interface DocumentContext {
  regNumber: string;
  regYear: number;
  regSeq: number;
  registration: RegisterDocument;
  classification: Classification | null;
  location: string | null;
  holder: Holder | null;
  /** Key of the deadline armed for the current issue; a deadline with another key is stale. */
  deadlineKey: string | null;
}

export interface DocumentInput {
  regNumber: string;
  regYear: number;
  regSeq: number;
  registration: RegisterDocument;
}

type Ev<T extends DocumentEventType> = Envelope<T, DocumentPayload<T>>;
export type DocumentEvent = { [T in DocumentEventType]: Ev<T> }[DocumentEventType];

type EffectParams<T extends Effect['type']> = Extract<Effect, { type: T }>['params'];

/** a For Official Use document is due back by the close of the working day it was issued on. */
function officialUseLimit(e: Ev<'ISSUE'>): string {
  return endOfWorkingDay(e.calendar, new Date(e.at)).toISOString();
}

function dueAtFor(context: DocumentContext, e: Ev<'ISSUE'>): string | null {
  if (e.payload.dueAt) return new Date(e.payload.dueAt).toISOString();
  return context.classification === 'official_use' ? officialUseLimit(e) : null;
}

export const documentMachine = setup({
  types: {
    context: {} as DocumentContext,
    events: {} as DocumentEvent,
    input: {} as DocumentInput,
  },
  guards: {
    // the signature in the register is the holder's own.
    actorIsHolder: ({ context, event }) => context.holder?.userId === event.actor.userId,
    notYetAcknowledged: ({ context }) => context.holder?.acknowledgedAt == null,
    dueInFuture: ({ event }) => {
      const e = event as Ev<'ISSUE'>;
      return !e.payload?.dueAt || new Date(e.payload.dueAt).getTime() > new Date(e.at).getTime();
    },
    // a clerk may shorten the same-day limit, never extend it.
    officialUseDueSameDay: ({ context, event }) => {
      const e = event as Ev<'ISSUE'>;
      if (context.classification !== 'official_use' || !e.payload?.dueAt) return true;
      return new Date(e.payload.dueAt).getTime() <= new Date(officialUseLimit(e)).getTime();
    },
    isCurrentDeadline: ({ context, event }) =>
      (event as Ev<'DEADLINE_PASSED'>).payload.deadlineKey === context.deadlineKey,
  },
  actions: {
    acknowledge: assign({
      holder: ({ context, event }) => (context.holder ? { ...context.holder, acknowledgedAt: event.at } : null),
    }),
    takeBack: enqueueActions(({ context, enqueue }) => {
      // Named effects are typed only after setup(); this one is declared just below.
      if (context.deadlineKey) enqueue({ type: 'cancelDeadline', params: { key: context.deadlineKey } } as never);
      enqueue.assign({ holder: null, deadlineKey: null });
    }),
    // Effects: recorded as data by transition(), executed by the engine after commit via the outbox.
    armDeadline: (_, _params: EffectParams<'armDeadline'>) => {},
    cancelDeadline: (_, _params: EffectParams<'cancelDeadline'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
  },
}).createMachine({
  id: 'document',
  context: ({ input }) => ({
    regNumber: input.regNumber,
    regYear: input.regYear,
    regSeq: input.regSeq,
    registration: input.registration,
    classification: null,
    location: null,
    holder: null,
    deadlineKey: null,
  }),
  initial: 'registered',
  states: {
    registered: {
      on: {
        CLASSIFY: {
          target: 'classified',
          actions: assign({ classification: ({ event }) => (event as Ev<'CLASSIFY'>).payload.classification }),
        },
      },
    },
    classified: {
      on: {
        STORE: {
          target: 'in_storage',
          actions: assign({ location: ({ event }) => (event as Ev<'STORE'>).payload.location }),
        },
      },
    },
    in_storage: {
      on: {
        STORE: {
          target: 'in_storage',
          actions: assign({ location: ({ event }) => (event as Ev<'STORE'>).payload.location }),
        },
        ISSUE: {
          guard: and(['dueInFuture', 'officialUseDueSameDay']),
          target: 'issued',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as Ev<'ISSUE'>;
            const dueAt = dueAtFor(context, e);
            const deadlineKey = dueAt ? `return-${e.seq}` : null;
            enqueue.assign({
              holder: { userId: e.payload.holderId, purpose: e.payload.purpose, issuedAt: e.at, dueAt, acknowledgedAt: null },
              deadlineKey,
            });
            if (dueAt && deadlineKey) {
              enqueue({
                type: 'armDeadline',
                params: {
                  key: deadlineKey,
                  dueAt,
                  event: 'DEADLINE_PASSED',
                  rule: context.classification === 'official_use' ? 'R-4.2.3' : undefined,
                },
              });
            }
          }),
        },
      },
    },
    issued: {
      on: {
        ACKNOWLEDGE: { guard: and(['actorIsHolder', 'notYetAcknowledged']), actions: 'acknowledge' },
        RETURN: { target: 'in_storage', actions: 'takeBack' },
        DEADLINE_PASSED: {
          guard: 'isCurrentDeadline',
          target: 'overdue',
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue({
              type: 'notify',
              params: {
                template: 'document.overdue',
                toRoles: ['records_clerk', 'security_officer'],
                toUserIds: context.holder ? [context.holder.userId] : [],
                data: { regNumber: context.regNumber, dueAt: context.holder?.dueAt ?? null },
              },
            });
            // The alarm has rung; a repeat of it must find nothing to do.
            enqueue.assign({ deadlineKey: null });
          }),
        },
      },
    },
    overdue: {
      on: {
        ACKNOWLEDGE: { guard: and(['actorIsHolder', 'notYetAcknowledged']), actions: 'acknowledge' },
        RETURN: { target: 'in_storage', actions: 'takeBack' },
      },
    },
  },
});
