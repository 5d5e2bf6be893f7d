/**
 * Model-based tests of the document machine: xstate/graph walks the machine
 * with the representative envelopes below, once per machine input (an incoming
 * and an outgoing original, and a copy), and every path it finds is replayed
 * with the pure transition() the engine uses, checking the invariants after
 * each step. Every state the walk reaches is then offered a wider set of
 * envelopes (the walk's own plus variants that must be refused or that would
 * only grow the graph), and the transition rules are checked on every one.
 */
import { DateTime } from 'luxon';
import { DOCUMENT_STATES, DocumentState } from './states';
import { getNextTransitions, initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, type StatePath } from 'xstate/graph';
import {
  CLASSIFICATIONS,
  DEFAULT_CALENDAR,
  isRestricted,
  systemActor,
  type Actor,
  type Classification,
} from '@grif/domain';
import { EFFECT_TYPES, type CabinetFact, type Fact, type FileFact, type PersonFact } from '../definition';
import { refusalOf } from '../refusal';
import {
  documentEvents,
  documentEventSchemas,
  documentMachine,
  documentWorkflow,
  type DocumentContext,
  type DocumentEvent,
  type DocumentInput,
  type FiledIn,
} from './index';

type Snapshot = SnapshotFrom<typeof documentMachine>;
type EventType = DocumentEvent['type'];
type EventOf<T extends EventType> = Extract<DocumentEvent, { type: T }>;
type Path = StatePath<Snapshot, DocumentEvent>;
type StateName = DocumentState;
/** What transition() hands back besides the snapshot: the effects the engine writes to its outbox. */
type Action = { type: string; params?: unknown };

const STATES: readonly StateName[] = DOCUMENT_STATES;
const FINAL: readonly StateName[] = ['dispatched', 'lost'];
/** The state diagram of docs/api.md; ASSIGN_FILE is accepted in every state besides (a root transition). */
const ACCEPTS: Record<StateName, readonly EventType[]> = {
  registered: ['CLASSIFY'],
  classified: ['STORE', 'RECLASSIFY'],
  in_storage: ['STORE', 'RECLASSIFY', 'ISSUE', 'COPY', 'DISPATCH', 'REPORT_LOSS'],
  issued: ['ACKNOWLEDGE', 'RETURN', 'REPORT_LOSS', 'DEADLINE_PASSED'],
  overdue: ['ACKNOWLEDGE', 'RETURN', 'REPORT_LOSS'],
  dispatched: [],
  lost: [],
};
const stateOf = (s: Snapshot) => s.value as StateName;

// Fixed instants, never the clock. 2026-11-24 is a Tuesday; Asia/Bishkek is UTC+6.
const AT = '2026-11-24T04:00:00.000Z'; // 10:00 local: every clerk's and officer's event
const ACK_AT = '2026-11-24T04:05:00.000Z'; // the holder signs five minutes later
const REACK_AT = '2026-11-24T05:00:00.000Z'; // a second signature, which must not overwrite the first
const SAME_DAY_CLOSE = '2026-11-24T12:00:00.000Z'; // 18:00 local, the R-4.2.3 limit for AT
const DUE_SAME_DAY = '2026-11-24T10:00:00.000Z'; // 16:00 local: shorter than the limit
const DUE_SAME_DAY_LOCAL = '2026-11-24T16:30:00+06:00'; // written with an offset; the machine keeps it as UTC
const DUE_NEXT_DAY = '2026-11-25T10:00:00.000Z'; // beyond the limit: only non-FOU documents may get it
const DUE_PAST = '2026-11-24T03:00:00.000Z'; // 09:00 local, before the issue itself

const SCHOOL = 'school-35';
const user = (userId: string, ...roles: Actor['roles']): Actor => ({ userId, schoolId: SCHOOL, roles, kind: 'user' });
const CLERK = user('u-clerk', 'records_clerk');
const SECURITY = user('u-security', 'security_officer');
const DIRECTOR = user('u-director', 'director');
const SYSTEM = systemActor(SCHOOL);

/** People a document may be issued to, with the facts the engine would look up for them (R-2.5). */
interface Person {
  actor: Actor;
  fact: PersonFact;
}
const person = (userId: string, displayName: string, nda: string | null, briefing: string | null): Person => ({
  actor: user(userId, 'staff'),
  fact: {
    kind: 'person',
    id: userId,
    displayName,
    clearances: [
      ...(nda ? [{ kind: 'nda' as const, date: nda, seq: 1 }] : []),
      ...(briefing ? [{ kind: 'briefing' as const, date: briefing, seq: 2 }] : []),
    ],
  },
});
/** Cleared: signed the obligation in September, briefed on the day of issue (the bound is inclusive). */
const TEACHER = person('u-teacher', 'Асанова Гүлнара', '2026-09-01', '2026-11-24');
/** Signed the obligation, never briefed. */
const ACCOUNTANT = person('u-accountant', 'Токтогулов Марат', '2026-09-01', null);
/** Briefed only the day after the issue: not cleared yet (offered to the states, never walked). */
const LIBRARIAN = person('u-librarian', 'Жумабаева Айгүл', '2026-09-01', '2026-11-25');
const PEOPLE: readonly Person[] = [TEACHER, ACCOUNTANT, LIBRARIAN];
const personOf = (userId: string): Person => {
  const p = PEOPLE.find((x) => x.actor.userId === userId);
  if (!p) throw new Error(`no modelled person ${userId}`);
  return p;
};
/** R-2.5 as the Regulation reads: both dates on or before the day of issue, in the school's own calendar. */
function cleared(p: PersonFact, at: string): boolean {
  const day = DateTime.fromISO(at, { zone: DEFAULT_CALENDAR.zone }).toISODate()!;
  const has = (kind: 'nda' | 'briefing') => p.clearances.some((c) => c.kind === kind && c.date <= day);
  return has('nda') && has('briefing');
}

const SECURE_CABINET: CabinetFact = {
  kind: 'cabinet',
  id: 'cab-archive-1',
  name: 'Шкаф 1',
  roomName: 'Каб. 12 (архив)',
  secure: true,
};
const OPEN_CABINET: CabinetFact = {
  kind: 'cabinet',
  id: 'cab-staffroom-3',
  name: 'Текче 3',
  roomName: 'Мугалимдер бөлмөсү',
  secure: false,
};
const BARE_LOCATION = 'Катчынын столунда';
const LETTERS: FileFact = {
  kind: 'file',
  id: 'file-01-05',
  index: '01-05',
  title: 'Кирүүчү жана чыгуучу каттар',
  year: 2026,
  retentionYears: 5,
};
const ORDERS: FileFact = {
  kind: 'file',
  id: 'file-01-01',
  index: '01-01',
  title: 'Директордун буйруктары',
  year: 2026,
  retentionYears: null,
};
const filed = (f: FileFact): FiledIn => ({
  id: f.id,
  index: f.index,
  title: f.title,
  year: f.year,
  retentionYears: f.retentionYears,
});

/** The records the engine can look up, by id (EventSpec.lookups). */
const FACTS: Record<string, Fact> = Object.fromEntries(
  [...PEOPLE.map((p) => p.fact), SECURE_CABINET, OPEN_CABINET, LETTERS, ORDERS].map((f) => [f.id, f]),
);

/** The deadline key of an earlier issue: a repeated or late alarm of it must find nothing to do. */
const STALE_KEY = 'return-1';

/**
 * seq is fixed per event type so the state space stays finite; only ISSUE's
 * seq is observable (it names the deadline, `return-${seq}`), and it can never
 * produce STALE_KEY.
 */
const SEQ: Record<EventType, number> = {
  CLASSIFY: 2,
  RECLASSIFY: 3,
  STORE: 4,
  ASSIGN_FILE: 5,
  ISSUE: 6,
  ACKNOWLEDGE: 7,
  DEADLINE_PASSED: 8,
  RETURN: 9,
  COPY: 10,
  DISPATCH: 11,
  REPORT_LOSS: 12,
};
const CURRENT_KEY = `return-${SEQ.ISSUE}`;

/** One machine input, walked on its own. */
interface Model {
  name: string;
  instanceId: string;
  input: DocumentInput;
  reaches: readonly StateName[];
}

const INCOMING: Model = {
  name: 'incoming',
  instanceId: 'doc-incoming-7',
  input: {
    regNumber: 'К-0007/2026',
    regYear: 2026,
    regSeq: 7,
    registration: {
      direction: 'incoming',
      kind: 'letter',
      title: 'Тарификация мугалимдердин 2026-2027 окуу жылына',
      correspondent: 'Бишкек шаардык билим берүү башкармалыгы',
      documentDate: '2026-11-20',
      pages: 3,
    },
  },
  reaches: ['registered', 'classified', 'in_storage', 'issued', 'overdue', 'lost'],
};

const OUTGOING: Model = {
  name: 'outgoing',
  instanceId: 'doc-outgoing-3',
  input: {
    regNumber: 'Ч-0003/2026',
    regYear: 2026,
    regSeq: 3,
    registration: {
      direction: 'outgoing',
      kind: 'letter',
      title: 'Окуучулардын контингенти жөнүндө маалымат',
      correspondent: 'Райондук билим берүү бөлүмү',
      documentDate: '2026-11-23',
      pages: 2,
      fileId: LETTERS.id,
    },
    file: filed(LETTERS),
  },
  reaches: STATES,
};

/** Copy No. 1 of the outgoing letter, made while it lay For Official Use in the secure cabinet (checked below against a real COPY). */
const COPY_OF_OUTGOING: Model = {
  name: 'copy',
  instanceId: 'doc-outgoing-3-copy-1',
  input: {
    regNumber: 'Ч-0003/2026/1',
    regYear: 2026,
    regSeq: 3,
    registration: OUTGOING.input.registration,
    file: filed(LETTERS),
    copy: {
      of: { id: OUTGOING.instanceId, regNumber: OUTGOING.input.regNumber },
      number: 1,
      classification: 'official_use',
      location: `${SECURE_CABINET.roomName} / ${SECURE_CABINET.name}`,
      cabinet: { id: SECURE_CABINET.id, secureRoom: true },
    },
  },
  reaches: ['in_storage', 'issued', 'overdue', 'dispatched', 'lost'],
};

const MODELS: readonly Model[] = [INCOMING, OUTGOING, COPY_OF_OUTGOING];

/** The facts the engine would look up for the payload's references (EventSpec.lookups). */
function factsFor(type: EventType, payload: object): Record<string, Fact> {
  const facts: Record<string, Fact> = {};
  for (const [field, kind] of Object.entries(documentEvents[type].lookups ?? {})) {
    const ref = (payload as Record<string, unknown>)[field];
    if (ref === undefined) continue;
    const fact = FACTS[ref as string];
    if (fact?.kind !== kind) throw new Error(`the model names no ${kind} ${String(ref)}`);
    facts[field] = fact;
  }
  return facts;
}

/** Builders of what the engine would hand to transition(): payload plus who, when, which instance, where in history, calendar, facts. */
function envelopes(m: Model) {
  const env = <T extends EventType>(type: T, payload: EventOf<T>['payload'], actor: Actor, at = AT): EventOf<T> =>
    ({
      type,
      payload,
      actor,
      at,
      instanceId: m.instanceId,
      seq: SEQ[type],
      calendar: DEFAULT_CALENDAR,
      facts: factsFor(type, payload),
    }) as EventOf<T>;
  return {
    classify: (classification: Classification) => env('CLASSIFY', { classification }, CLERK),
    reclassify: (classification: Classification, by: Actor) =>
      env('RECLASSIFY', { classification, reason: 'Директордун буйругу №12' }, by),
    stores: () => [
      env('STORE', { cabinetId: SECURE_CABINET.id }, CLERK),
      env('STORE', { cabinetId: OPEN_CABINET.id }, CLERK),
      env('STORE', { location: BARE_LOCATION }, CLERK),
    ],
    assignFile: (f: FileFact) => env('ASSIGN_FILE', { fileId: f.id }, CLERK),
    issue: (to: Person, extra: { dueAt?: string; takeOutside?: boolean } = {}) =>
      env('ISSUE', { holderId: to.actor.userId, purpose: 'Тарификация', ...extra }, CLERK),
    acknowledge: (by: Actor, at: string) => env('ACKNOWLEDGE', {}, by, at),
    ret: (condition?: string) => env('RETURN', condition ? { condition } : {}, CLERK),
    copy: (count: number) => env('COPY', { purpose: 'Ата-энелер чогулушу', count }, CLERK),
    dispatch: (via?: 'post' | 'email' | 'courier' | 'hand') =>
      env('DISPATCH', { addressee: 'Райондук билим берүү бөлүмү', ...(via ? { via } : {}) }, CLERK),
    loss: (by: Actor) => env('REPORT_LOSS', { circumstances: 'Автобуста калып калды' }, by),
    deadline: (deadlineKey: string, at = AT) =>
      env('DEADLINE_PASSED', { deadlineKey, deadlineId: `dl-${deadlineKey}` }, SYSTEM, at),
  };
}

const holderActor = (s: Snapshot): Actor => personOf(s.context.holder!.userId).actor;
const ackAt = (s: Snapshot) => (s.context.holder?.acknowledgedAt ? REACK_AT : ACK_AT);

/**
 * The envelopes the graph walks. Kept small so the state space stays finite and
 * quick: one COPY (copiesMade 0 → 2), one DISPATCH, a loss by the clerk from
 * storage and by the holder while issued. Refusals add no state; the variants
 * that would only multiply states are in `probeEvents`.
 */
function walkEvents(m: Model): (s: Snapshot) => DocumentEvent[] {
  const e = envelopes(m);
  return (s) => {
    const { context } = s;
    switch (stateOf(s)) {
      case 'registered':
        return CLASSIFICATIONS.map((c) => e.classify(c));
      case 'classified':
        return [...e.stores(), ...CLASSIFICATIONS.map((c) => e.reclassify(c, SECURITY))];
      case 'in_storage':
        return [
          ...e.stores(),
          ...CLASSIFICATIONS.map((c) => e.reclassify(c, SECURITY)),
          e.issue(TEACHER),
          e.issue(TEACHER, { dueAt: DUE_SAME_DAY }),
          e.issue(ACCOUNTANT),
          ...(context.copiesMade === 0 ? [e.copy(2)] : []),
          e.dispatch('email'),
          e.loss(CLERK),
        ];
      case 'issued':
        return [
          e.acknowledge(holderActor(s), ackAt(s)),
          e.ret(),
          ...(context.deadlineKey ? [e.deadline(context.deadlineKey, context.holder!.dueAt!)] : []),
          e.loss(holderActor(s)),
        ];
      case 'overdue':
        return [e.acknowledge(holderActor(s), ackAt(s)), e.ret(), e.loss(holderActor(s))];
      default:
        return []; // final: only ASSIGN_FILE is still accepted, and it is probed, not walked
    }
  };
}

/** Everything offered to each reached state: the walk's envelopes, refused variants, variants that are not walked, and one of each foreign type. */
function probeEvents(m: Model): (s: Snapshot) => DocumentEvent[] {
  const e = envelopes(m);
  const walk = walkEvents(m);
  const sample: Record<EventType, () => DocumentEvent> = {
    CLASSIFY: () => e.classify('confidential'),
    RECLASSIFY: () => e.reclassify('personal_data', SECURITY),
    STORE: () => e.stores()[0],
    ASSIGN_FILE: () => e.assignFile(ORDERS),
    ISSUE: () => e.issue(TEACHER),
    ACKNOWLEDGE: () => e.acknowledge(TEACHER.actor, ACK_AT),
    RETURN: () => e.ret(),
    COPY: () => e.copy(1),
    DISPATCH: () => e.dispatch('post'),
    REPORT_LOSS: () => e.loss(CLERK),
    // The alarm of an issue that is over by now (returned, lost …).
    DEADLINE_PASSED: () => e.deadline(CURRENT_KEY),
  };
  return (s) => {
    const state = stateOf(s);
    const extra: DocumentEvent[] = [e.assignFile(ORDERS)];
    if (state === 'in_storage') {
      extra.push(
        e.issue(TEACHER, { dueAt: DUE_NEXT_DAY }),
        e.issue(TEACHER, { dueAt: DUE_SAME_DAY_LOCAL }),
        e.issue(TEACHER, { dueAt: DUE_PAST }),
        e.issue(TEACHER, { takeOutside: true }),
        e.issue(TEACHER, { takeOutside: false }),
        e.issue(ACCOUNTANT, { dueAt: DUE_SAME_DAY }),
        e.issue(LIBRARIAN),
        e.copy(1), // continues the numbering after the walked COPY(×2)
        e.dispatch(),
        e.loss(TEACHER.actor), // nobody holds it: a staff member is refused
        ...CLASSIFICATIONS.map((c) => e.reclassify(c, DIRECTOR)),
      );
    }
    if (state === 'classified') extra.push(...CLASSIFICATIONS.map((c) => e.reclassify(c, DIRECTOR)));
    if (state === 'issued' || state === 'overdue') {
      const holder = s.context.holder!.userId;
      const others = [TEACHER, ACCOUNTANT].filter((p) => p.actor.userId !== holder).map((p) => p.actor);
      extra.push(
        ...[...others, CLERK].map((by) => e.acknowledge(by, ackAt(s))),
        e.ret('Бүтүн, 3 барак'),
        e.deadline(STALE_KEY),
        e.loss(CLERK),
        ...others.map((by) => e.loss(by)),
      );
    }
    const foreign = (Object.keys(sample) as EventType[])
      .filter((t) => t !== 'ASSIGN_FILE' && !ACCEPTS[state].includes(t))
      .map((t) => sample[t]());
    return [...walk(s), ...extra, ...foreign];
  };
}

/** A test title that tells envelopes apart, e.g. "CLASSIFY(official_use) → STORE(secure cabinet) → ISSUE(u-teacher, no dueAt)". */
function label(e: DocumentEvent): string {
  const by = e.actor.userId;
  switch (e.type) {
    case 'CLASSIFY':
      return `CLASSIFY(${e.payload.classification})`;
    case 'RECLASSIFY':
      return `RECLASSIFY(${e.payload.classification} by ${by})`;
    case 'STORE':
      return `STORE(${'location' in e.payload ? 'bare location' : e.payload.cabinetId === SECURE_CABINET.id ? 'secure cabinet' : 'open-room cabinet'})`;
    case 'ASSIGN_FILE':
      return `ASSIGN_FILE(${e.payload.fileId})`;
    case 'ISSUE': {
      const { dueAt, takeOutside } = e.payload;
      const due =
        dueAt === undefined
          ? 'no dueAt'
          : dueAt === DUE_SAME_DAY
            ? 'due same day'
            : dueAt === DUE_SAME_DAY_LOCAL
              ? 'due same day, +06:00'
              : dueAt === DUE_NEXT_DAY
                ? 'due next day'
                : 'due in the past';
      return `ISSUE(${e.payload.holderId}, ${due}${takeOutside === undefined ? '' : `, takeOutside ${takeOutside}`})`;
    }
    case 'ACKNOWLEDGE':
      return `ACKNOWLEDGE(by ${by} at ${e.at === ACK_AT ? 'ACK_AT' : 'REACK_AT'})`;
    case 'RETURN':
      return e.payload.condition ? 'RETURN(with condition)' : 'RETURN';
    case 'COPY':
      return `COPY(×${e.payload.count})`;
    case 'DISPATCH':
      return `DISPATCH(${e.payload.via ?? 'no via'})`;
    case 'REPORT_LOSS':
      return `REPORT_LOSS(by ${by})`;
    case 'DEADLINE_PASSED':
      return `DEADLINE_PASSED(${e.payload.deadlineKey})`;
  }
}

// --- what the engine makes of a refusal -------------------------------------------------------

/** The rule id or code a refusal cites, exactly as the engine finds it (workflows/refusal.ts). */
function citedBy(before: Snapshot, event: DocumentEvent): string {
  const r = refusalOf(documentWorkflow, before, event as never);
  if (r.kind === 'not_handled') return 'EVENT_NOT_ACCEPTED';
  if (!r.why) return `unexplained guard ${r.guard}`;
  return 'rule' in r.why ? r.why.rule : r.why.code;
}

// --- invariants ----------------------------------------------------------------------------

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Invariants of a single snapshot, whatever led to it; returns what is broken. */
function violations(s: Snapshot, m: Model): string[] {
  const broken: string[] = [];
  const must = (ok: boolean, what: string) => {
    if (!ok) broken.push(what);
  };
  const c = s.context;
  const state = stateOf(s);
  must(STATES.includes(state), `unknown state ${JSON.stringify(s.value)}`);
  must(s.status === (FINAL.includes(state) ? 'done' : 'active'), `status ${s.status} in ${state}`);
  // What registration fixed never changes.
  must(
    c.regNumber === m.input.regNumber && c.regYear === m.input.regYear && c.regSeq === m.input.regSeq,
    'registration number changed',
  );
  must(same(c.registration, m.input.registration), 'registration changed');
  must(
    c.file === null || same(c.file, m.input.file ?? null) || same(c.file, filed(ORDERS)),
    'file is neither the registered nor an assigned one',
  );
  // R-4.1c: a copy knows its original and number, and is never copied; an original has no such marks.
  if (m.input.copy) {
    must(same(c.copyOf, m.input.copy.of) && c.copyNumber === m.input.copy.number, 'copy lost its original or number');
    must(
      c.regNumber === `${m.input.copy.of.regNumber}/${m.input.copy.number}`,
      'copy number is not the original number /n',
    );
    must(c.copiesMade === 0, 'a copy was copied');
  } else {
    must(c.copyOf === null && c.copyNumber === null, 'an original carries copy marks');
    must(Number.isInteger(c.copiesMade) && c.copiesMade >= 0, 'copiesMade is not a count');
  }
  must((c.classification === null) === (state === 'registered'), `classification ${c.classification} in ${state}`);
  must(
    (c.location === null) === (state === 'registered' || state === 'classified'),
    `location ${c.location} in ${state}`,
  );
  if (c.cabinet) {
    const cab = FACTS[c.cabinet.id] as CabinetFact;
    must(
      c.location === `${cab.roomName} / ${cab.name}` && c.cabinet.secureRoom === cab.secure,
      'cabinet and location disagree',
    );
  }
  // R-4.2.2: For Official Use lies only in a cabinet of a secure room, whatever happened to it.
  if (c.classification === 'official_use' && c.location !== null)
    must(c.cabinet?.secureRoom === true, 'R-4.2.2: official_use outside a secure cabinet');

  const { holder } = c;
  if (state === 'issued' || state === 'overdue') must(holder !== null, `no holder in ${state}`);
  else if (state !== 'lost') must(holder === null, `a holder in ${state}`);
  if (holder) {
    must(
      PEOPLE.some((p) => p.actor.userId === holder.userId) &&
        holder.issuedAt === AT &&
        holder.purpose === 'Тарификация',
      'holder not from an ISSUE',
    );
    must(
      holder.acknowledgedAt === null || holder.acknowledgedAt === ACK_AT,
      `acknowledgedAt ${holder.acknowledgedAt}: a repeated signature overwrote the first`,
    );
    // R-2.5: a restricted document is only ever in the hands of a cleared person.
    if (isRestricted(c.classification))
      must(
        cleared(personOf(holder.userId).fact, holder.issuedAt),
        'R-2.5: restricted document held by an uncleared person',
      );
    // R-4.2.3: a For Official Use document is always due back by the close of the day it left.
    if (c.classification === 'official_use')
      must(
        holder.dueAt !== null && Date.parse(holder.dueAt) <= Date.parse(SAME_DAY_CLOSE),
        'R-4.2.3: official_use due after the day closes',
      );
  }
  // An armed deadline always belongs to a due date, and only an issued document has one armed.
  if (state === 'issued')
    must(
      (c.deadlineKey !== null) === (holder?.dueAt != null) && [null, CURRENT_KEY].includes(c.deadlineKey),
      'deadline does not match the due date',
    );
  else must(c.deadlineKey === null, `deadline armed in ${state}`);
  if (state === 'overdue') must(holder?.dueAt != null, 'overdue without a due date');

  must((c.dispatched !== null) === (state === 'dispatched'), 'dispatched record and state disagree');
  if (c.dispatched) {
    must(c.registration.direction === 'outgoing', 'an incoming document was dispatched');
    // R-4.2.5: For Official Use never leaves the school.
    must(c.classification !== 'official_use', 'R-4.2.5: official_use dispatched');
    must(c.dispatched.at === AT && holder === null, 'dispatch record');
  }
  must((c.lost !== null) === (state === 'lost'), 'loss record and state disagree');
  if (c.lost)
    must(
      c.lost.at === AT && [CLERK.userId, holder?.userId].includes(c.lost.reportedBy),
      `loss reported by ${c.lost.reportedBy}`,
    );
  return broken;
}

// --- the graph, and every envelope offered to every state it reaches ---------------------------

const effects = (actions: readonly Action[]) => actions.map(({ type, params }) => ({ type, params }));

interface Edge {
  model: Model;
  /** "outgoing: CLASSIFY(open) → … ⟶ ISSUE(…)", to say where a broken rule broke. */
  where: string;
  before: Snapshot;
  event: DocumentEvent;
  after: Snapshot;
  actions: readonly Action[];
}

/** The path's envelopes; xstate/graph opens every path with a synthetic `xstate.init` step. */
const envelopesOf = (path: Path): DocumentEvent[] => path.steps.slice(1).map((s) => s.event);

const walks = MODELS.map((model) => {
  const paths: Path[] = getShortestPaths(documentMachine, {
    input: model.input,
    events: walkEvents(model),
    // xstate/graph adds a bare `{type}` for every accepted type the generator does not offer:
    // ASSIGN_FILE is only probed (it would double every state); anything else is a hole in the model.
    filterEvents: (s, e) => {
      const { type, actor } = e as Partial<DocumentEvent>; // typed as an envelope, but may be bare
      if (actor) return true;
      if (type === 'ASSIGN_FILE') return false;
      throw new Error(`${model.name}: no envelope modelled for ${type} in ${JSON.stringify(s.value)}`);
    },
  });
  const cases = paths.map((path) => ({
    title: `${model.name}: ${envelopesOf(path).map(label).join(' → ') || '(start)'}`,
    model,
    path,
  }));
  return { model, paths, cases };
});
const CASES = walks.flatMap((w) => w.cases);

// Shortest paths reach every distinct (state, context) once, so offering the probe set at the end of
// each path checks every edge of the graph, and the probed variants on top.
const EDGES: Edge[] = CASES.flatMap(({ model, title, path }) =>
  probeEvents(model)(path.state).map((event) => {
    const [after, actions] = transition(documentMachine, path.state, event);
    return {
      model,
      where: `${title} ⟶ ${label(event)}`,
      before: path.state,
      event,
      after,
      actions: actions as readonly Action[],
    };
  }),
);

// --- transition rules ---------------------------------------------------------------------

/** A refused event leaves the very same snapshot (that is how the engine tells a refusal) and asks for no effect; the refusal cites `why`. */
function expectRefused(x: Edge, why: string): void {
  expect(citedBy(x.before, x.event)).toBe(why);
  expect(x.after === x.before).toBe(true);
  expect(x.actions).toEqual([]);
}

/** An accepted event: a new snapshot in `value` whose context differs from the old one exactly by `changes`. */
function expectOnly(x: Edge, value: StateName, changes: Partial<DocumentContext>): void {
  expect(x.after === x.before).toBe(false);
  expect(x.after.value).toBe(value);
  expect(x.after.context).toEqual({ ...x.before.context, ...changes });
}

interface Rule {
  name: string;
  applies(x: Edge): boolean;
  check(x: Edge): void;
}

const is = <T extends EventType>(e: DocumentEvent, type: T): e is EventOf<T> => e.type === type;
const holderOut = (s: Snapshot) => stateOf(s) === 'issued' || stateOf(s) === 'overdue';
const mayMove = (s: Snapshot) => stateOf(s) === 'classified' || stateOf(s) === 'in_storage';
const fou = (s: Snapshot) => s.context.classification === 'official_use';

/** What an ISSUE in storage should get, judged from the Regulation in the guards' order (the first failing one is cited). */
function issueVerdict(s: Snapshot, e: EventOf<'ISSUE'>): 'DUE_IN_PAST' | 'R-4.2.3' | 'R-4.2.5' | 'R-2.5' | null {
  if (e.at !== AT) throw new Error('SAME_DAY_CLOSE is the limit for AT only');
  const due = e.payload.dueAt === undefined ? undefined : Date.parse(e.payload.dueAt);
  if (due !== undefined && due <= Date.parse(e.at)) return 'DUE_IN_PAST';
  if (fou(s) && due !== undefined && due > Date.parse(SAME_DAY_CLOSE)) return 'R-4.2.3';
  if (fou(s) && e.payload.takeOutside) return 'R-4.2.5';
  if (isRestricted(s.context.classification) && !cleared(personOf(e.payload.holderId).fact, e.at)) return 'R-2.5';
  return null;
}
const issueIn = (x: Edge): x is Edge & { event: EventOf<'ISSUE'> } =>
  stateOf(x.before) === 'in_storage' && is(x.event, 'ISSUE');

/** The full check of an ISSUE in storage: refused as the verdict says, or issued with exactly this holder and deadline. */
function expectIssue(x: Edge & { event: EventOf<'ISSUE'> }): void {
  const verdict = issueVerdict(x.before, x.event);
  if (verdict) return expectRefused(x, verdict);
  const { holderId, purpose, dueAt } = x.event.payload;
  const due = dueAt ? new Date(dueAt).toISOString() : fou(x.before) ? SAME_DAY_CLOSE : null;
  expectOnly(x, 'issued', {
    holder: { userId: holderId, purpose, issuedAt: x.event.at, dueAt: due, acknowledgedAt: null },
    deadlineKey: due ? CURRENT_KEY : null,
  });
  const rule = fou(x.before) ? 'R-4.2.3' : undefined;
  expect(effects(x.actions)).toEqual(
    due ? [{ type: 'armDeadline', params: { key: CURRENT_KEY, dueAt: due, event: 'DEADLINE_PASSED', rule } }] : [],
  );
}

/** The full check of a STORE: refused under R-4.2.2, or put where the fact (or the bare location) says. */
function expectStore(x: Edge & { event: EventOf<'STORE'> }): void {
  const cab = x.event.facts.cabinetId as CabinetFact | undefined;
  if (fou(x.before) && cab?.secure !== true) return expectRefused(x, 'R-4.2.2');
  expectOnly(x, 'in_storage', {
    location: cab ? `${cab.roomName} / ${cab.name}` : (x.event.payload as { location: string }).location,
    cabinet: cab ? { id: cab.id, secureRoom: cab.secure } : null,
  });
  expect(x.actions).toEqual([]);
}

/** RECLASSIFY to official_use of a stored document that does not lie in a secure cabinet. */
const outOfSecureCabinet = (x: Edge) =>
  is(x.event, 'RECLASSIFY') &&
  x.event.payload.classification === 'official_use' &&
  !fou(x.before) &&
  x.before.context.location !== null &&
  x.before.context.cabinet?.secureRoom !== true;

const RULES: Rule[] = [
  {
    name: 'each state accepts only the events of the documented state diagram (ASSIGN_FILE aside); any other is refused as EVENT_NOT_ACCEPTED',
    applies: () => true,
    check: (x) => {
      const state = stateOf(x.before);
      // '' is the eventless transition that sends a copy straight to storage.
      const own = getNextTransitions(x.before)
        .map((t) => t.eventType)
        .filter((t) => t !== '');
      expect(new Set(own)).toEqual(new Set([...ACCEPTS[state], 'ASSIGN_FILE']));
      if (x.event.type !== 'ASSIGN_FILE' && !ACCEPTS[state].includes(x.event.type))
        expectRefused(x, 'EVENT_NOT_ACCEPTED');
    },
  },
  {
    name: 'dispatched and lost are final: every event but ASSIGN_FILE is refused, and the snapshot stays done',
    applies: (x) => FINAL.includes(stateOf(x.before)) && x.event.type !== 'ASSIGN_FILE',
    check: (x) => {
      expectRefused(x, 'EVENT_NOT_ACCEPTED');
      expect(x.after.status).toBe('done');
    },
  },
  {
    // Open question, not flagged as a bug: ASSIGN_FILE is a root transition (machine.ts:179), so pure
    // transition() accepts it even on a done snapshot, and the engine appends it to the history of a
    // dispatched or lost document. Filing an outgoing letter after dispatch is ordinary records
    // practice, so the current behaviour is what this rule asserts.
    name: 'ASSIGN_FILE files the document in the nomenclature in any state, final ones included, and changes nothing else',
    applies: (x) => is(x.event, 'ASSIGN_FILE'),
    check: (x) => {
      expectOnly(x, stateOf(x.before), { file: filed(x.event.facts.fileId as FileFact) });
      expect(x.after.status).toBe(x.before.status);
      expect(x.actions).toEqual([]);
    },
  },
  {
    name: 'R-1.4: CLASSIFY gives a registered document its mark and nothing else',
    applies: (x) => stateOf(x.before) === 'registered' && is(x.event, 'CLASSIFY'),
    check: (x) => {
      expectOnly(x, 'classified', { classification: (x.event as EventOf<'CLASSIFY'>).payload.classification });
      expect(x.actions).toEqual([]);
    },
  },
  {
    name: 'R-4.2.2: an official_use document is stored only in a cabinet of a secure room; an open-room cabinet or a bare location is refused citing R-4.2.2',
    applies: (x) => mayMove(x.before) && is(x.event, 'STORE') && fou(x.before),
    check: (x) => expectStore(x as Edge & { event: EventOf<'STORE'> }),
  },
  {
    name: 'a STORE of a document of any other mark puts it in any cabinet ("room / cabinet") or place, without issuing it',
    applies: (x) => mayMove(x.before) && is(x.event, 'STORE') && !fou(x.before),
    check: (x) => expectStore(x as Edge & { event: EventOf<'STORE'> }),
  },
  {
    name: 'R-4.2.2: a stored document is not reclassified to official_use while it lies outside a secure cabinet',
    applies: (x) => mayMove(x.before) && outOfSecureCabinet(x),
    check: (x) => expectRefused(x, 'R-4.2.2'),
  },
  {
    name: 'R-4.3: the security officer or the director (nobody else, and with a reason) changes the mark, and only the mark; the same mark again is refused',
    applies: (x) => mayMove(x.before) && is(x.event, 'RECLASSIFY') && !outOfSecureCabinet(x),
    check: (x) => {
      const e = x.event as EventOf<'RECLASSIFY'>;
      // Who may send it is the engine's check (403 citing R-4.3), made from this table before the machine is asked.
      expect(documentEvents.RECLASSIFY).toMatchObject({ roles: ['security_officer', 'director'], roleRule: 'R-4.3' });
      expect(documentEventSchemas.RECLASSIFY.safeParse({ classification: e.payload.classification }).success).toBe(
        false,
      );
      expect(e.actor.roles.some((r) => documentEvents.RECLASSIFY.roles.includes(r))).toBe(true);
      if (e.payload.classification === x.before.context.classification) return expectRefused(x, 'SAME_CLASSIFICATION');
      expectOnly(x, stateOf(x.before), { classification: e.payload.classification });
      expect(x.actions).toEqual([]);
    },
  },
  {
    name: 'R-2.5: a restricted document is issued only to a holder whose NDA and briefing are dated on or before the day of issue; an open one to anyone',
    applies: (x) =>
      issueIn(x) &&
      (isRestricted(x.before.context.classification) ||
        !cleared(personOf(x.event.payload.holderId).fact, x.event.at)) &&
      [null, 'R-2.5'].includes(issueVerdict(x.before, x.event)),
    check: (x) => expectIssue(x as Edge & { event: EventOf<'ISSUE'> }),
  },
  {
    name: 'R-4.2.5: an official_use document is never issued to be taken outside the school (takeOutside), citing R-4.2.5; other marks may be',
    applies: (x) => issueIn(x) && x.event.payload.takeOutside === true,
    check: (x) => {
      const e = x.event as EventOf<'ISSUE'>;
      if (fou(x.before)) expect(issueVerdict(x.before, e)).toBe('R-4.2.5');
      expectIssue(x as Edge & { event: EventOf<'ISSUE'> });
    },
  },
  {
    name: 'R-4.2.3: an official_use ISSUE due after the close of the working day is refused citing R-4.2.3',
    applies: (x) =>
      issueIn(x) &&
      fou(x.before) &&
      x.event.payload.dueAt !== undefined &&
      Date.parse(x.event.payload.dueAt) > Date.parse(SAME_DAY_CLOSE),
    check: (x) => expectRefused(x, 'R-4.2.3'),
  },
  {
    name: 'R-4.2.3: an official_use ISSUE without dueAt arms a deadline due at 18:00 Asia/Bishkek that day (12:00Z)',
    applies: (x) => issueIn(x) && fou(x.before) && !x.event.payload.dueAt && issueVerdict(x.before, x.event) === null,
    check: (x) => {
      expectIssue(x as Edge & { event: EventOf<'ISSUE'> });
      expect(x.after.context.holder?.dueAt).toBe(SAME_DAY_CLOSE);
    },
  },
  {
    name: 'an ISSUE with dueAt arms that deadline (kept in UTC), citing R-4.2.3 only for official_use',
    applies: (x) => issueIn(x) && x.event.payload.dueAt !== undefined && issueVerdict(x.before, x.event) === null,
    check: (x) => expectIssue(x as Edge & { event: EventOf<'ISSUE'> }),
  },
  {
    name: 'an ISSUE due at or before its own instant is refused (DUE_IN_PAST), whatever the mark',
    applies: (x) =>
      issueIn(x) && x.event.payload.dueAt !== undefined && Date.parse(x.event.payload.dueAt) <= Date.parse(x.event.at),
    check: (x) => expectRefused(x, 'DUE_IN_PAST'),
  },
  {
    name: 'an ISSUE of a document that is not official_use, without dueAt, arms no deadline',
    applies: (x) => issueIn(x) && !fou(x.before) && !x.event.payload.dueAt && issueVerdict(x.before, x.event) === null,
    check: (x) => expectIssue(x as Edge & { event: EventOf<'ISSUE'> }),
  },
  {
    name: 'R-4.2.1: ACKNOWLEDGE by anyone but the holder is refused citing R-4.2.1',
    applies: (x) =>
      holderOut(x.before) && is(x.event, 'ACKNOWLEDGE') && x.event.actor.userId !== x.before.context.holder?.userId,
    check: (x) => expectRefused(x, 'R-4.2.1'),
  },
  {
    name: 'R-4.2.1: the holder acknowledges once, at the envelope instant, without leaving the state; a second signature is refused',
    applies: (x) =>
      holderOut(x.before) && is(x.event, 'ACKNOWLEDGE') && x.event.actor.userId === x.before.context.holder?.userId,
    check: (x) => {
      const holder = x.before.context.holder!;
      if (holder.acknowledgedAt != null) return expectRefused(x, 'ALREADY_ACKNOWLEDGED');
      expectOnly(x, stateOf(x.before), { holder: { ...holder, acknowledgedAt: x.event.at } });
      expect(x.actions).toEqual([]);
    },
  },
  {
    name: 'a DEADLINE_PASSED with a key other than the armed one never changes the snapshot',
    applies: (x) => is(x.event, 'DEADLINE_PASSED') && x.event.payload.deadlineKey !== x.before.context.deadlineKey,
    check: (x) => expectRefused(x, stateOf(x.before) === 'issued' ? 'STALE_DEADLINE' : 'EVENT_NOT_ACCEPTED'),
  },
  {
    name: 'the current DEADLINE_PASSED makes an issued document overdue and notifies the office and the holder',
    applies: (x) =>
      stateOf(x.before) === 'issued' &&
      is(x.event, 'DEADLINE_PASSED') &&
      x.event.payload.deadlineKey === x.before.context.deadlineKey,
    check: (x) => {
      const { holder, regNumber } = x.before.context;
      expectOnly(x, 'overdue', { deadlineKey: null });
      expect(effects(x.actions)).toEqual([
        {
          type: 'notify',
          params: {
            template: 'document.overdue',
            toRoles: ['records_clerk', 'security_officer'],
            toUserIds: [holder!.userId],
            data: { regNumber, dueAt: holder!.dueAt },
          },
        },
      ]);
    },
  },
  {
    name: 'RETURN puts the document back where it was stored, cancelling the armed deadline if there is one',
    applies: (x) => holderOut(x.before) && is(x.event, 'RETURN'),
    check: (x) => {
      const key = x.before.context.deadlineKey;
      expectOnly(x, 'in_storage', { holder: null, deadlineKey: null });
      expect(effects(x.actions)).toEqual(key ? [{ type: 'cancelDeadline', params: { key } }] : []);
    },
  },
  {
    name: 'R-4.1c: COPY spawns one document per copy, numbered on from copiesMade, each a copy of this instance with its mark, place and file, starting in storage; a copy is not copied again',
    applies: (x) => stateOf(x.before) === 'in_storage' && is(x.event, 'COPY'),
    check: (x) => {
      const e = x.event as EventOf<'COPY'>;
      const c = x.before.context;
      if (c.copyOf) return expectRefused(x, 'COPY_OF_COPY');
      expectOnly(x, 'in_storage', { copiesMade: c.copiesMade + e.payload.count });
      const numbers = Array.from({ length: e.payload.count }, (_, i) => c.copiesMade + 1 + i);
      const inputs: DocumentInput[] = numbers.map((n) => ({
        regNumber: `${c.regNumber}/${n}`,
        regYear: c.regYear,
        regSeq: c.regSeq,
        registration: c.registration,
        file: c.file,
        copy: {
          of: { id: e.instanceId, regNumber: c.regNumber },
          number: n,
          classification: c.classification,
          location: c.location,
          cabinet: c.cabinet,
        },
      }));
      expect(effects(x.actions)).toEqual([{ type: 'spawn', params: { machineId: 'document', inputs } }]);
      for (const input of inputs) {
        const [copy, actions] = initialTransition(documentMachine, input);
        expect(actions).toEqual([]);
        expect(copy.value).toBe('in_storage');
        expect(copy.context).toMatchObject({
          classification: c.classification,
          location: c.location,
          cabinet: c.cabinet,
          file: c.file,
          copyOf: input.copy!.of,
          copyNumber: input.copy!.number,
          copiesMade: 0,
          holder: null,
        });
      }
    },
  },
  {
    name: 'R-4.2.5: an official_use document, original or copy, is never dispatched; the refusal cites R-4.2.5',
    applies: (x) => stateOf(x.before) === 'in_storage' && is(x.event, 'DISPATCH') && fou(x.before),
    check: (x) => expectRefused(x, 'R-4.2.5'),
  },
  {
    name: 'DISPATCH sends an outgoing document of any other mark away for good (addressee, via, instant); an incoming one is refused (NOT_OUTGOING)',
    applies: (x) => stateOf(x.before) === 'in_storage' && is(x.event, 'DISPATCH') && !fou(x.before),
    check: (x) => {
      const e = x.event as EventOf<'DISPATCH'>;
      if (x.before.context.registration.direction !== 'outgoing') return expectRefused(x, 'NOT_OUTGOING');
      expectOnly(x, 'dispatched', {
        dispatched: { addressee: e.payload.addressee, via: e.payload.via ?? null, at: e.at },
      });
      expect(x.after.status).toBe('done');
      expect(x.actions).toEqual([]);
    },
  },
  {
    name: 'R-4.2.1: only the holder or the clerk reports a loss; the document is lost for good, the security officer and the clerk are notified, an armed deadline is cancelled',
    applies: (x) => ['in_storage', 'issued', 'overdue'].includes(stateOf(x.before)) && is(x.event, 'REPORT_LOSS'),
    check: (x) => {
      const e = x.event as EventOf<'REPORT_LOSS'>;
      const { holder, deadlineKey, regNumber } = x.before.context;
      if (e.actor.userId !== holder?.userId && !e.actor.roles.includes('records_clerk'))
        return expectRefused(x, 'R-4.2.1');
      expectOnly(x, 'lost', {
        lost: { circumstances: e.payload.circumstances, at: e.at, reportedBy: e.actor.userId },
        deadlineKey: null,
      });
      expect(x.after.status).toBe('done');
      expect(effects(x.actions)).toEqual([
        ...(deadlineKey ? [{ type: 'cancelDeadline', params: { key: deadlineKey } }] : []),
        {
          type: 'notify',
          params: {
            template: 'document.lost',
            toRoles: ['security_officer', 'records_clerk'],
            data: { regNumber, circumstances: e.payload.circumstances },
          },
        },
      ]);
    },
  },
];

const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  expect({ value: a.value, status: a.status, context: a.context }).toEqual({
    value: b.value,
    status: b.status,
    context: b.context,
  });

/** Replays `path` with the pure transition(), checking the graph agrees and every step keeps the invariants. */
function replay(model: Model, path: Path): void {
  const [init, ...steps] = path.steps;
  expect(init.event.type).toBe('xstate.init');
  let [snapshot, actions] = initialTransition(documentMachine, model.input);
  expect(actions).toEqual([]);
  sameSnapshot(snapshot, init.state);
  expect(violations(snapshot, model)).toEqual([]);
  for (const step of steps) {
    [snapshot, actions] = transition(documentMachine, snapshot, step.event);
    sameSnapshot(snapshot, step.state);
    expect(violations(snapshot, model)).toEqual([]);
    for (const a of actions) expect(EFFECT_TYPES).toContain(a.type);
  }
  sameSnapshot(snapshot, path.state);
}

describe('document machine, model-based (xstate/graph shortest paths)', () => {
  it('reaches exactly registered, classified, in_storage, issued, overdue, dispatched and lost', () => {
    expect(new Set(walks.flatMap((w) => w.paths.map((p) => p.state.value)))).toEqual(new Set(STATES));
    for (const { model, paths } of walks) {
      expect({ model: model.name, reached: new Set(paths.map((p) => p.state.value)) }).toEqual({
        model: model.name,
        reached: new Set(model.reaches),
      });
    }
  });

  it('models only envelopes the engine could build: valid payloads, permitted senders, the looked-up facts', () => {
    const offered = [...CASES.flatMap(({ path }) => envelopesOf(path)), ...EDGES.map((x) => x.event)];
    for (const e of offered) {
      expect(documentEventSchemas[e.type].safeParse(e.payload).error).toBeUndefined();
      const { roles } = documentEvents[e.type];
      expect(roles === 'system' ? e.actor.kind === 'system' : e.actor.roles.some((r) => roles.includes(r))).toBe(true);
      expect(Object.keys(e.facts).sort()).toEqual(
        Object.keys(documentEvents[e.type].lookups ?? {})
          .filter((f) => f in e.payload)
          .sort(),
      );
      expect(e.seq).toBe(SEQ[e.type]);
    }
  });

  it('every guard that can refuse names the rule or code the refusal cites (guardRefusals)', () => {
    const guards = Object.keys(documentMachine.implementations.guards).filter((g) => g !== 'isCopy'); // isCopy only routes a copy to storage
    expect(new Set(Object.keys(documentWorkflow.guardRefusals))).toEqual(new Set(guards));
  });

  it('the copy model starts from what COPY spawns for the outgoing letter lying For Official Use in the secure cabinet (R-4.1c)', () => {
    const e = envelopes(OUTGOING);
    let [s] = initialTransition(documentMachine, OUTGOING.input);
    [s] = transition(documentMachine, s, e.classify('official_use'));
    [s] = transition(documentMachine, s, e.stores()[0]);
    const [, actions] = transition(documentMachine, s, e.copy(2));
    const spawn = effects(actions as readonly Action[]).find((a) => a.type === 'spawn');
    expect((spawn?.params as { inputs: DocumentInput[] }).inputs[0]).toEqual(COPY_OF_OUTGOING.input);
  });

  it('every modelled envelope, accepted or refused, leaves a snapshot that keeps the invariants and asks only for effects the engine knows', () => {
    const broken = EDGES.flatMap((x) => [
      ...violations(x.after, x.model).map((v) => `${x.where}: ${v}`),
      ...x.actions
        .filter((a) => !(EFFECT_TYPES as readonly string[]).includes(a.type))
        .map((a) => `${x.where}: unknown effect ${a.type}`),
    ]);
    expect(broken.slice(0, 20)).toEqual([]);
  });

  // One test per rule over every reached state, so a broken rule is named, and a
  // rule the model never exercises fails instead of passing vacuously.
  describe('transition rules, over every envelope offered to every state the model reaches', () => {
    it.each(RULES.map((rule) => ({ rule, name: rule.name })))('$name', ({ rule }) => {
      let checks = 0;
      for (const x of EDGES) {
        if (!rule.applies(x)) continue;
        try {
          rule.check(x);
        } catch (err) {
          throw new Error(`${x.where}\n${(err as Error).message}`, { cause: err });
        }
        checks++;
      }
      expect(checks).toBeGreaterThan(0);
    });
  });

  describe('each path, replayed with transition(), keeps the invariants at every step', () => {
    it.each(CASES)('$title', ({ model, path }) => {
      replay(model, path);
    });
  });

  // Clearance dates are the school's (Asia/Bishkek) dates: from 00:00 to 06:00 local the UTC date is still yesterday.
  it('R-2.5: a holder briefed today is cleared for an issue at 05:30 Asia/Bishkek (23:30Z the day before)', () => {
    const e = envelopes(INCOMING);
    let [s] = initialTransition(documentMachine, INCOMING.input);
    [s] = transition(documentMachine, s, e.classify('confidential'));
    [s] = transition(documentMachine, s, e.stores()[0]);
    const early = { ...e.issue(LIBRARIAN), at: '2026-11-24T23:30:00.000Z' }; // 2026-11-25 05:30 local; LIBRARIAN was briefed 2026-11-25
    expect(cleared(LIBRARIAN.fact, early.at)).toBe(true);
    const [after] = transition(documentMachine, s, early);
    expect(after.value).toBe('issued');
  });
});
