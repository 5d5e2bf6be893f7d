import { and, assign, enqueueActions, setup } from 'xstate';
import {
  Classification,
  directorAt,
  DueBasis,
  isClearedAt,
  isRestricted,
  recomputeDue,
  reminderAt,
  returnTerms,
  RuleId,
} from '@grif/domain';
import type { CabinetFact, Effect, Envelope, FileFact, PersonFact } from '../definition';
import type { DocumentEventType, DocumentPayload, RegisterDocument } from './events';

export interface Holder {
  userId: string;
  purpose: string;
  issuedAt: string;
  dueAt: string | null;
  /** How dueAt was set, so a calendar change sets it again the same way (absent in snapshots of before: kept as chosen). */
  dueBasis?: DueBasis;
  /**
   * The mark it left with: the return terms stay those of the ISSUE whatever a RECLASSIFY while out says, so a
   * calendar change sets them again under this mark (absent in snapshots of before: the current mark).
   */
  issuedAs?: Classification | null;
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
  /** The pending reminder to the holder and the pending escalation to the director, by deadline key. */
  reminderKey?: string | null;
  reminderAt?: string | null;
  escalationKey?: string | null;
  escalationAt?: string | null;
  file: FiledIn | null;
  /** For a copy: the original and this copy's number (R-4.1c). */
  copyOf: { id: string; regNumber: string } | null;
  copyNumber: number | null;
  copiesMade: number;
  dispatched: { addressee: string; via: string | null; at: string } | null;
  lost: { circumstances: string; at: string; reportedBy: string } | null;
  /** The destruction act whose draft holds it (R-4.1d): while set it is not issued, copied or sent. */
  inAct?: { id: string; number: string } | null;
  destroyed?: { actId: string; actNumber: string; at: string } | null;
  /** whose custody it is in since the last acceptance-transfer act (absent: the records office's from the start). */
  custody?: { userId: string; actId: string; actNumber: string; at: string } | null;
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
type AnyEv = Ev<DocumentEventType>;

/** R-4.2.3 (the limit) and the school's default for other marks: when an ISSUE made now is due back. */
function termsOf(context: DocumentContext, e: Ev<'ISSUE'>) {
  return returnTerms(e.calendar, e.deadlines, context.classification, new Date(e.at), e.payload?.dueAt);
}

const RETURN_RULE = (mark: Classification | null): RuleId | undefined =>
  mark === 'official_use' ? 'R-4.2.3' : undefined;

/** Effects that arm the return deadline and the reminder of an issue; keys carry the event's seq, so each is new. */
function armReturn(context: DocumentContext, e: AnyEv, issuedAt: string, dueAt: string, remind: boolean): ArmedReturn {
  const deadlineKey = `return-${e.seq}`;
  // One reminder per issue: none once it has rung, none for a moment already past (it would ring after the fact).
  const at = remind ? reminderAt(e.deadlines, issuedAt, dueAt) : null;
  const remindAt = at && at > e.at ? at : null;
  const reminderKey = remindAt ? `remind-${e.seq}` : null;
  const rule = RETURN_RULE(context.classification);
  const effects: Effect[] = [
    { type: 'armDeadline', params: { key: deadlineKey, dueAt, event: 'DEADLINE_PASSED', rule } },
  ];
  if (remindAt && reminderKey)
    effects.push({ type: 'armDeadline', params: { key: reminderKey, dueAt: remindAt, event: 'REMINDER_DUE', rule } });
  return { deadlineKey, reminderKey, remindAt, effects };
}
interface ArmedReturn {
  deadlineKey: string;
  reminderKey: string | null;
  remindAt: string | null;
  effects: Effect[];
}

/** The keys of every rung of the ladder still pending, so taking the item back cancels them all. */
const pendingKeys = (c: DocumentContext): string[] =>
  [c.deadlineKey, c.reminderKey, c.escalationKey].filter((k): k is string => !!k);

/** What the ladder's notifications say; the inbox reads `issuedAt` to tell when the fact is settled. */
const ladderData = (c: DocumentContext) => ({
  regNumber: c.regNumber,
  dueAt: c.holder?.dueAt ?? null,
  issuedAt: c.holder?.issuedAt ?? null,
  holderId: c.holder?.userId ?? null,
});

/** The due time of the running issue on the school's (changed) calendar and ladder. */
function movedDue(c: DocumentContext, e: AnyEv): string | null {
  const h = c.holder;
  if (!h?.dueAt) return null;
  const mark = h.issuedAs !== undefined ? h.issuedAs : c.classification;
  return recomputeDue(e.calendar, e.deadlines, mark, h.issuedAt, h.dueBasis ?? 'chosen', h.dueAt);
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

/** What can happen to an item while it is out, on time or not. */
const whileOut = {
  RECLASSIFY: { guard: and(['markChanges', 'storageFitsNewMark']), actions: 'reclassify' },
  ACKNOWLEDGE: { guard: and(['actorIsHolder', 'notYetAcknowledged']), actions: 'acknowledge' },
  RETURN: { target: 'in_storage', actions: 'takeBack' },
  REPORT_LOSS: { guard: 'actorIsHolderOrClerk', target: 'lost', actions: 'reportLoss' },
} as const;

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
      return new Date(e.payload.dueAt).getTime() <= new Date(termsOf(context, e).latest!).getTime();
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
    isCurrentReminder: ({ context, event }) =>
      (event as Ev<'REMINDER_DUE'>).payload.deadlineKey === (context.reminderKey ?? null),
    // R-4.1d: an item in a draft destruction act stays where it is until the act is signed or it is withdrawn.
    notInAct: ({ context }) => context.inAct == null,
    inThisAct: ({ context, event }) => context.inAct?.id === (event as Ev<'RELEASE_FROM_ACT'>).payload?.actId,
    isCurrentEscalation: ({ context, event }) =>
      (event as Ev<'ESCALATION_DUE'>).payload.deadlineKey === (context.escalationKey ?? null),
    // A calendar or ladder change reaches only issues whose due time or reminder it moves.
    returnTimesMove: ({ context, event }) => {
      const e = event as AnyEv;
      const due = movedDue(context, e);
      if (!due || !context.deadlineKey) return false;
      const remind = context.reminderKey ? reminderAt(e.deadlines, context.holder!.issuedAt, due) : null;
      return due !== context.holder!.dueAt || remind !== (context.reminderAt ?? null);
    },
    escalationMoves: ({ context, event }) => {
      const e = event as AnyEv;
      if (!context.escalationKey || !context.holder?.dueAt) return false;
      return directorAt(e.calendar, e.deadlines, context.holder.dueAt) !== context.escalationAt;
    },
  },
  actions: {
    acknowledge: assign({
      holder: ({ context, event }) => (context.holder ? { ...context.holder, acknowledgedAt: event.at } : null),
    }),
    takeBack: enqueueActions(({ context, enqueue }) => {
      // Named effects are typed only after setup(); this one is declared just below.
      for (const key of pendingKeys(context)) enqueue({ type: 'cancelDeadline', params: { key } } as never);
      enqueue.assign({
        holder: null,
        deadlineKey: null,
        reminderKey: null,
        reminderAt: null,
        escalationKey: null,
        escalationAt: null,
      });
    }),
    store: assign(({ event }) => storedAt(event as Ev<'STORE'>)),
    reclassify: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'RECLASSIFY'>;
      enqueue.assign({ classification: e.payload.classification });
      // R-4.1c: a copy carries its original's mark, so a new mark reaches every copy in the same transaction.
      if (context.copyOf == null && context.copiesMade > 0)
        enqueue({
          type: 'forwardToSpawned',
          params: { event: 'RECLASSIFY', payload: e.payload, skipCodes: ['SAME_CLASSIFICATION'] },
        } as never);
    }),
    assignFile: assign({
      file: ({ event }) => fileOf((event as Ev<'ASSIGN_FILE'>).facts.fileId as FileFact | undefined),
    }),
    reportLoss: enqueueActions(({ context, event, enqueue }) => {
      const e = event as Ev<'REPORT_LOSS'>;
      for (const key of pendingKeys(context)) enqueue({ type: 'cancelDeadline', params: { key } } as never);
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
        reminderKey: null,
        reminderAt: null,
        escalationKey: null,
        escalationAt: null,
      });
    }),
    // Effects: recorded as data by transition(), executed by the engine (spawn: in the same transaction; the rest after commit, via the outbox).
    armDeadline: (_, _params: EffectParams<'armDeadline'>) => {},
    cancelDeadline: (_, _params: EffectParams<'cancelDeadline'>) => {},
    notify: (_, _params: EffectParams<'notify'>) => {},
    spawn: (_, _params: EffectParams<'spawn'>) => {},
    forwardToSpawned: (_, _params: EffectParams<'forwardToSpawned'>) => {},
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
    // every live item changes custody with the signed acceptance-transfer act; where it lies stays as it was.
    CUSTODY_TRANSFERRED: {
      actions: assign({
        custody: ({ event }) => {
          const e = event as Ev<'CUSTODY_TRANSFERRED'>;
          return { userId: e.payload.toUserId, actId: e.payload.actId, actNumber: e.payload.actNumber, at: e.at };
        },
      }),
    },
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
          guard: and(['notInAct', 'dueInFuture', 'officialUseDueSameDay', 'staysInSchool', 'holderCleared']),
          target: 'issued',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as Ev<'ISSUE'>;
            const terms = termsOf(context, e);
            const holder: Holder = {
              userId: e.payload.holderId,
              purpose: e.payload.purpose,
              issuedAt: e.at,
              dueAt: terms.dueAt,
              dueBasis: terms.basis === 'none' ? undefined : terms.basis,
              issuedAs: context.classification,
              acknowledgedAt: null,
            };
            if (!terms.dueAt) {
              enqueue.assign({ holder, deadlineKey: null, reminderKey: null, reminderAt: null });
              return;
            }
            const armed = armReturn(context, e, e.at, terms.dueAt, true);
            enqueue.assign({
              holder,
              deadlineKey: armed.deadlineKey,
              reminderKey: armed.reminderKey,
              reminderAt: armed.remindAt,
              escalationKey: null,
              escalationAt: null,
            });
            for (const effect of armed.effects) enqueue(effect as never);
          }),
        },
        COPY: {
          guard: and(['notInAct', 'isOriginal']),
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
          guard: and(['notInAct', 'mayLeaveSchool', 'isOutgoing']),
          target: 'dispatched',
          actions: assign({
            dispatched: ({ event }) => {
              const e = event as Ev<'DISPATCH'>;
              return { addressee: e.payload.addressee, via: e.payload.via ?? null, at: e.at };
            },
          }),
        },
        // A loss found in a draft act is reported once the item is withdrawn from it (the act must list what exists).
        REPORT_LOSS: { guard: and(['notInAct', 'actorIsHolderOrClerk']), target: 'lost', actions: 'reportLoss' },
        INCLUDE_IN_ACT: {
          guard: 'notInAct',
          actions: assign({
            inAct: ({ event }) => {
              const e = event as Ev<'INCLUDE_IN_ACT'>;
              return { id: e.payload.actId, number: e.payload.actNumber };
            },
          }),
        },
        RELEASE_FROM_ACT: { guard: 'inThisAct', actions: assign({ inAct: null }) },
        // R-4.1d: destroyed only by the act that lists it, once its last signature is made.
        DESTROY: {
          guard: 'inThisAct',
          target: 'destroyed',
          actions: assign(({ event }) => {
            const e = event as Ev<'DESTROY'>;
            return { inAct: null, destroyed: { actId: e.payload.actId, actNumber: e.payload.actNumber, at: e.at } };
          }),
        },
      },
    },
    issued: {
      on: {
        ...whileOut,
        REMINDER_DUE: {
          guard: 'isCurrentReminder',
          actions: enqueueActions(({ context, enqueue }) => {
            enqueue({
              type: 'notify',
              params: { template: 'document.reminder', toUserIds: [context.holder!.userId], data: ladderData(context) },
            });
            enqueue.assign({ reminderKey: null, reminderAt: null });
          }),
        },
        DEADLINE_PASSED: {
          guard: 'isCurrentDeadline',
          target: 'overdue',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as AnyEv;
            // the holder, the clerk and the information-security officer hear of it at once.
            enqueue({
              type: 'notify',
              params: {
                template: 'document.overdue',
                toRoles: ['records_clerk', 'security_officer'],
                toUserIds: context.holder ? [context.holder.userId] : [],
                data: ladderData(context),
              },
            });
            if (context.reminderKey) enqueue({ type: 'cancelDeadline', params: { key: context.reminderKey } });
            const at = directorAt(e.calendar, e.deadlines, context.holder!.dueAt!);
            const escalationKey = `director-${e.seq}`;
            enqueue({
              type: 'armDeadline',
              params: {
                key: escalationKey,
                dueAt: at,
                event: 'ESCALATION_DUE',
                rule: RETURN_RULE(context.classification),
              },
            });
            // The alarm has rung; a repeat of it must find nothing to do.
            enqueue.assign({ deadlineKey: null, reminderKey: null, reminderAt: null, escalationKey, escalationAt: at });
          }),
        },
        DEADLINE_MOVED: {
          guard: 'returnTimesMove',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as AnyEv;
            const dueAt = movedDue(context, e)!;
            for (const key of pendingKeys(context)) enqueue({ type: 'cancelDeadline', params: { key } });
            const armed = armReturn(context, e, context.holder!.issuedAt, dueAt, context.reminderKey != null);
            for (const effect of armed.effects) enqueue(effect as never);
            enqueue.assign({
              holder: { ...context.holder!, dueAt },
              deadlineKey: armed.deadlineKey,
              reminderKey: armed.reminderKey,
              reminderAt: armed.remindAt,
            });
          }),
        },
      },
    },
    overdue: {
      on: {
        ...whileOut,
        ESCALATION_DUE: {
          guard: 'isCurrentEscalation',
          target: 'escalated',
          actions: enqueueActions(({ context, enqueue }) => {
            // Still not back when the next working day starts: the director hears of it.
            enqueue({
              type: 'notify',
              params: { template: 'document.escalated', toRoles: ['director'], data: ladderData(context) },
            });
            enqueue.assign({ escalationKey: null, escalationAt: null });
          }),
        },
        DEADLINE_MOVED: {
          guard: 'escalationMoves',
          actions: enqueueActions(({ context, event, enqueue }) => {
            const e = event as AnyEv;
            const at = directorAt(e.calendar, e.deadlines, context.holder!.dueAt!);
            const escalationKey = `director-${e.seq}`;
            enqueue({ type: 'cancelDeadline', params: { key: context.escalationKey! } });
            enqueue({
              type: 'armDeadline',
              params: {
                key: escalationKey,
                dueAt: at,
                event: 'ESCALATION_DUE',
                rule: RETURN_RULE(context.classification),
              },
            });
            enqueue.assign({ escalationKey, escalationAt: at });
          }),
        },
      },
    },
    escalated: { on: { ...whileOut } },
    dispatched: { type: 'final' },
    lost: { type: 'final' },
    destroyed: { type: 'final' },
  },
});
