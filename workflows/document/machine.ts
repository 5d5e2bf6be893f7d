import { and, assign, enqueueActions, setup } from 'xstate';
import { Classification, endOfWorkingDay, isClearedAt, isRestricted } from '@grif/domain';
import type { CabinetFact, Effect, Envelope, FileFact, PersonFact } from '../definition';
import type { DocumentEventType, DocumentPayload, RegisterDocument } from './events';

export interface Holder {
  userId: string;
  purpose: string;
  issuedAt: string;
  dueAt: string | null;
  acknowledgedAt: string | null;
}

export interface FiledIn {
  id: string;
  index: string;
  title: string;
  year: number;
  retentionYears: number | null;
}

export interface DocumentContext {
  regNumber: string;
  regYear: number;
  regSeq: number;
  registration: RegisterDocument;
  classification: Classification | null;
  location: string | null;
  /** Set when stored in a registered cabinet; `secureRoom` is what asks about. */
  cabinet: { id: string; secureRoom: boolean } | null;
  holder: Holder | null;
  /** Key of the deadline armed for the current issue; a deadline with another key is stale. */
  deadlineKey: string | null;
  file: FiledIn | null;
  /** For a copy: the original and this copy's number (R-4.1c). */
  copyOf: { id: string; regNumber: string } | null;
  copyNumber: number | null;
  copiesMade: number;
  dispatched: { addressee: string; via: string | null; at: string } | null;
  lost: { circumstances: string; at: string; reportedBy: string } | null;
}

export interface DocumentInput {
  regNumber: string;
  regYear: number;
  regSeq: number;
  registration: RegisterDocument;
  file?: FiledIn | null;
  /** Present when the instance is a copy: it starts in storage beside its original, with its mark. */
  copy?: {
    of: { id: string; regNumber: string };
    number: number;
    classification: Classification | null;
    location: string | null;
    cabinet: DocumentContext['cabinet'];
  };
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

const fileOf = (f: FileFact | undefined): FiledIn | null =>
  f ? { id: f.id, index: f.index, title: f.title, year: f.year, retentionYears: f.retentionYears } : null;

/** where a document of this mark may lie. */
function storageFits(mark: Classification | null, cabinet: DocumentContext['cabinet']): boolean {
  return mark !== 'official_use' || cabinet?.secureRoom === true;
}

function storedAt(e: Ev<'STORE'>): Pick<DocumentContext, 'location' | 'cabinet'> {
  const cab = e.facts.cabinetId as CabinetFact | undefined;
  if (cab) return { location: `${cab.roomName} / ${cab.name}`, cabinet: { id: cab.id, secureRoom: cab.secure } };
  return { location: 'location' in e.payload ? e.payload.location : null, cabinet: null };
}

export const documentMachine = setup({
  types: {
    context: {} as DocumentContext,
    events: {} as DocumentEvent,
    input: {} as DocumentInput,
  },
  guards: {
    isCopy: ({ context }) => context.copyOf != null,
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
    // classified documents go only to people with a recorded obligation and briefing.
    holderCleared: ({ context, event }) => {
      if (!isRestricted(context.classification)) return true;
      const p = (event as Ev<'ISSUE'>).facts?.holderId as PersonFact | undefined;
      if (!p) return true; // availability check without a payload: decided when a holder is named
      return isClearedAt(p.clearances, event.at, event.calendar.zone);
    },
    // a For Official Use document never leaves the school, not even "for work at home".
    staysInSchool: ({ context, event }) =>
      !((event as Ev<'ISSUE'>).payload?.takeOutside && context.classification === 'official_use'),
    // again: dispatch is leaving the school; copies carry the original's mark.
    mayLeaveSchool: ({ context }) => context.classification !== 'official_use',
    isOutgoing: ({ context }) => context.registration.direction === 'outgoing',
    //
    storageFitsMark: ({ context, event }) => {
      const e = event as Ev<'STORE'>;
      if (!e.payload || (!('cabinetId' in e.payload) && !('location' in e.payload))) return true;
      return storageFits(context.classification, storedAt(e).cabinet);
    },
    storageFitsNewMark: ({ context, event }) => {
      const e = event as Ev<'RECLASSIFY'>;
      return (
        !e.payload?.classification || context.location == null || storageFits(e.payload.classification, context.cabinet)
      );
    },
    markChanges: ({ context, event }) => {
      const e = event as Ev<'RECLASSIFY'>;
      return !e.payload?.classification || e.payload.classification !== context.classification;
    },
    isOriginal: ({ context }) => context.copyOf == null,
    actorIsHolderOrClerk: ({ context, event }) =>
      context.holder?.userId === event.actor.userId || event.actor.roles.includes('records_clerk'),
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
    store: assign(({ event }) => storedAt(event as Ev<'STORE'>)),
    reclassify: assign({ classification: ({ event }) => (event as Ev<'RECLASSIFY'>).payload.classification }),
    assignFile: assign({
      file: ({ event }) => fileOf((event as Ev<'ASSIGN_FILE'>).facts.fileId as FileFact | undefined),
    }),
    reportLoss: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'REPORT_LOSS'>;
      if (context.deadlineKey) enqueue({ type: 'cancelDeadline', params: { key: context.deadlineKey } } as never);
      enqueue({
        type: 'notify',
        params: {
          template: 'document.lost',
          toRoles: ['security_officer', 'records_clerk'],
          data: { regNumber: context.regNumber, circumstances: e.payload.circumstances },
        },
      } as never);
      enqueue.assign({
        lost: { circumstances: e.payload.circumstances, at: e.at, reportedBy: e.actor.userId },
        deadlineKey: null,
      });
    }),
    // Effects: recorded as data by transition(), executed by the engine (spawn: in the same transaction; the rest after commit, via the outbox).
    armDeadline: (_, _params: EffectParams<'armDeadline'>) => {},
    cancelDeadline: (_, _params: EffectParams<'cancelDeadline'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
    spawn: (_, _params: EffectParams<'spawn'>) => {},
  },
}).createMachine({
  id: 'document',
  context: ({ input }) => ({
    regNumber: input.regNumber,
    regYear: input.regYear,
    regSeq: input.regSeq,
    registration: input.registration,
    classification: input.copy?.classification ?? null,
    location: input.copy?.location ?? null,
    cabinet: input.copy?.cabinet ?? null,
    holder: null,
    deadlineKey: null,
    file: input.file ?? null,
    copyOf: input.copy?.of ?? null,
    copyNumber: input.copy?.number ?? null,
    copiesMade: 0,
    dispatched: null,
    lost: null,
  }),
  on: {
    ASSIGN_FILE: { actions: 'assignFile' },
  },
  initial: 'registered',
  states: {
    registered: {
      // A copy is made from a stored original and lies beside it from the start (R-4.1c).
      always: { guard: 'isCopy', target: 'in_storage' },
      on: {
        CLASSIFY: {
          target: 'classified',
          actions: assign({ classification: ({ event }) => (event as Ev<'CLASSIFY'>).payload.classification }),
        },
      },
    },
    classified: {
      on: {
        STORE: { guard: 'storageFitsMark', target: 'in_storage', actions: 'store' },
        RECLASSIFY: { guard: 'markChanges', actions: 'reclassify' },
      },
    },
    in_storage: {
      on: {
        STORE: { guard: 'storageFitsMark', target: 'in_storage', actions: 'store' },
        RECLASSIFY: { guard: and(['markChanges', 'storageFitsNewMark']), actions: 'reclassify' },
        ISSUE: {
          guard: and(['dueInFuture', 'officialUseDueSameDay', 'staysInSchool', 'holderCleared']),
          target: 'issued',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as Ev<'ISSUE'>;
            const dueAt = dueAtFor(context, e);
            const deadlineKey = dueAt ? `return-${e.seq}` : null;
            enqueue.assign({
              holder: {
                userId: e.payload.holderId,
                purpose: e.payload.purpose,
                issuedAt: e.at,
                dueAt,
                acknowledgedAt: null,
              },
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
        COPY: {
          guard: 'isOriginal',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as Ev<'COPY'>;
            const first = context.copiesMade + 1;
            const inputs: DocumentInput[] = Array.from({ length: e.payload.count }, (_, i) => ({
              regNumber: `${context.regNumber}/${first + i}`,
              regYear: context.regYear,
              regSeq: context.regSeq,
              registration: context.registration,
              file: context.file,
              // R-4.1c: the copy inherits the original's mark.
              copy: {
                of: { id: e.instanceId, regNumber: context.regNumber },
                number: first + i,
                classification: context.classification,
                location: context.location,
                cabinet: context.cabinet,
              },
            }));
            enqueue({ type: 'spawn', params: { machineId: 'document', inputs } });
            enqueue.assign({ copiesMade: context.copiesMade + e.payload.count });
          }),
        },
        DISPATCH: {
          guard: and(['mayLeaveSchool', 'isOutgoing']),
          target: 'dispatched',
          actions: assign({
            dispatched: ({ event }) => {
              const e = event as Ev<'DISPATCH'>;
              return { addressee: e.payload.addressee, via: e.payload.via ?? null, at: e.at };
            },
          }),
        },
        REPORT_LOSS: { guard: 'actorIsHolderOrClerk', target: 'lost', actions: 'reportLoss' },
      },
    },
    issued: {
      on: {
        ACKNOWLEDGE: { guard: and(['actorIsHolder', 'notYetAcknowledged']), actions: 'acknowledge' },
        RETURN: { target: 'in_storage', actions: 'takeBack' },
        REPORT_LOSS: { guard: 'actorIsHolderOrClerk', target: 'lost', actions: 'reportLoss' },
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
        REPORT_LOSS: { guard: 'actorIsHolderOrClerk', target: 'lost', actions: 'reportLoss' },
      },
    },
    dispatched: { type: 'final' },
    lost: { type: 'final' },
  },
});
