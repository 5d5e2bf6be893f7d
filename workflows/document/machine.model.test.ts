/**
 * Model-based tests of the document machine: xstate/graph walks the machine
 * with the representative envelopes below, and every path it finds is replayed
 * with the pure transition() the engine uses, checking the invariants after
 * each step and the transition rules for every envelope offered at each step.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, type StatePath } from 'xstate/graph';
import { CLASSIFICATIONS, DEFAULT_CALENDAR, systemActor, type Actor } from '@grif/domain';
import { EFFECT_TYPES, type Effect } from '../definition';
import { documentEventSchemas, documentMachine, type DocumentEvent, type DocumentInput } from './index';

type Snapshot = SnapshotFrom<typeof documentMachine>;
type EventOf<T extends DocumentEvent['type']> = Extract<DocumentEvent, { type: T }>;
type Path = StatePath<Snapshot, DocumentEvent>;

// Fixed instants, never the clock. 2026-11-24 is a Tuesday; Asia/Bishkek is UTC+6.
const AT = '2026-11-24T04:00:00.000Z'; // 10:00 local: the clerk issues
const ACK_AT = '2026-11-24T04:05:00.000Z'; // the holder signs five minutes later
const REACK_AT = '2026-11-24T05:00:00.000Z'; // a second signature, which must not overwrite the first
const SAME_DAY_CLOSE = '2026-11-24T12:00:00.000Z'; // 18:00 local, the limit for AT
const DUE_SAME_DAY = '2026-11-24T10:00:00.000Z'; // 16:00 local: shorter than the limit
const DUE_NEXT_DAY = '2026-11-25T10:00:00.000Z'; // beyond the limit: only non-FOU documents may get it

const SCHOOL = 'school-35';
const user = (userId: string, ...roles: Actor['roles']): Actor => ({ userId, schoolId: SCHOOL, roles, kind: 'user' });
const CLERK = user('u-clerk', 'records_clerk');
const HOLDER = user('u-teacher', 'staff');
const OTHER_STAFF = user('u-accountant', 'staff');
const SYSTEM = systemActor(SCHOOL);

const LOCATION_A = 'Cabinet 1, room 12';
const LOCATION_B = 'Cabinet 2, room 12';
/** The deadline key of an earlier issue: a repeated or late alarm of it must find nothing to do. */
const STALE_KEY = 'return-1';

/**
 * seq is fixed per event type so the state space stays finite; only ISSUE's
 * seq is observable (it names the deadline, `return-${seq}`), and it can never
 * produce STALE_KEY.
 */
const SEQ: Record<DocumentEvent['type'], number> = {
  CLASSIFY: 2,
  STORE: 3,
  ISSUE: 4,
  ACKNOWLEDGE: 5,
  DEADLINE_PASSED: 6,
  RETURN: 7,
};

const INPUT: DocumentInput = {
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
};

/** What the engine would hand to transition(): payload plus who, when, where in history, which calendar. */
function envelope<T extends DocumentEvent['type']>(
  type: T,
  payload: EventOf<T>['payload'],
  actor: Actor,
  at = AT,
): EventOf<T> {
  return { type, payload, actor, at, seq: SEQ[type], calendar: DEFAULT_CALENDAR } as EventOf<T>;
}

/** Representative envelopes per state, including ones the machine must refuse. */
function eventsFor(snapshot: Snapshot): DocumentEvent[] {
  const { context } = snapshot;
  // A repeated signature comes later than the first, so accepting it would be visible.
  const ackAt = context.holder?.acknowledgedAt ? REACK_AT : ACK_AT;
  const acknowledgements = [HOLDER, OTHER_STAFF, CLERK].map((actor) => envelope('ACKNOWLEDGE', {}, actor, ackAt));
  const stale = envelope('DEADLINE_PASSED', { deadlineKey: STALE_KEY, deadlineId: 'dl-old' }, SYSTEM);
  const ret = envelope('RETURN', {}, CLERK);
  switch (snapshot.value) {
    case 'registered':
      return CLASSIFICATIONS.map((classification) => envelope('CLASSIFY', { classification }, CLERK));
    case 'classified':
      return [envelope('STORE', { location: LOCATION_A }, CLERK)];
    case 'in_storage': {
      const issue = (dueAt?: string) =>
        envelope('ISSUE', { holderId: HOLDER.userId, purpose: 'Тарификация', ...(dueAt ? { dueAt } : {}) }, CLERK);
      return [envelope('STORE', { location: LOCATION_B }, CLERK), issue(), issue(DUE_SAME_DAY), issue(DUE_NEXT_DAY)];
    }
    case 'issued': {
      const current = context.deadlineKey
        ? [envelope('DEADLINE_PASSED', { deadlineKey: context.deadlineKey, deadlineId: 'dl-current' }, SYSTEM)]
        : [];
      return [...acknowledgements, ret, ...current, stale];
    }
    case 'overdue':
      return [...acknowledgements, ret, stale];
    default:
      throw new Error(`no events modelled for state ${JSON.stringify(snapshot.value)}`);
  }
}

/** A test title that tells envelopes apart, e.g. "CLASSIFY(official_use) → STORE → ISSUE(no dueAt)". */
function label(e: DocumentEvent): string {
  switch (e.type) {
    case 'CLASSIFY':
      return `CLASSIFY(${e.payload.classification})`;
    case 'STORE':
      return `STORE(${e.payload.location === LOCATION_A ? 'A' : 'B'})`;
    case 'ISSUE': {
      const { dueAt } = e.payload;
      return `ISSUE(${dueAt === undefined ? 'no dueAt' : dueAt === DUE_SAME_DAY ? 'due same day' : 'due next day'})`;
    }
    case 'ACKNOWLEDGE':
      return `ACKNOWLEDGE(${e.actor.userId === HOLDER.userId ? 'holder' : e.actor.userId})`;
    case 'DEADLINE_PASSED':
      return `DEADLINE_PASSED(${e.payload.deadlineKey === STALE_KEY ? 'stale' : 'current'})`;
    case 'RETURN':
      return 'RETURN';
  }
}

const effectsOf = <T extends Effect['type']>(actions: readonly { type: string }[], type: T) =>
  actions.filter((a) => a.type === type) as unknown as Extract<Effect, { type: T }>[];

/** A refused event must leave everything as it was and ask for no effect (the engine answers 409/422). */
function expectUnchanged(before: Snapshot, after: Snapshot, actions: readonly unknown[]): void {
  expect(after.value).toBe(before.value);
  expect(after.context).toEqual(before.context);
  expect(actions).toEqual([]);
}

/** Invariants of a single snapshot, whatever led to it. */
function expectConsistent(s: Snapshot): void {
  const { holder, deadlineKey, classification, location } = s.context;
  expect(['registered', 'classified', 'in_storage', 'issued', 'overdue']).toContain(s.value);
  expect(classification === null).toBe(s.value === 'registered');
  expect(location === null).toBe(s.value === 'registered' || s.value === 'classified');
  if (s.value === 'issued' || s.value === 'overdue') {
    expect(holder).toMatchObject({ userId: HOLDER.userId, issuedAt: AT });
    // An armed deadline always belongs to a due date, and only an issued document has one armed.
    if (s.value === 'issued') expect(deadlineKey !== null).toBe(holder?.dueAt != null);
    else expect(deadlineKey).toBeNull(); // the alarm has rung
    if (s.value === 'overdue') expect(holder?.dueAt).not.toBeNull();
    // a For Official Use document is always due back by the close of the day it left.
    if (classification === 'official_use') {
      expect(holder?.dueAt).not.toBeNull();
      expect(Date.parse(holder!.dueAt!)).toBeLessThanOrEqual(Date.parse(SAME_DAY_CLOSE));
    }
  } else {
    expect(holder).toBeNull();
    expect(deadlineKey).toBeNull();
  }
}

interface Rule {
  name: string;
  applies(before: Snapshot, event: DocumentEvent): boolean;
  check(before: Snapshot, event: DocumentEvent, after: Snapshot, actions: readonly { type: string }[]): void;
}

const isIssue = (e: DocumentEvent): e is EventOf<'ISSUE'> => e.type === 'ISSUE';
const holderOut = (s: Snapshot) => s.value === 'issued' || s.value === 'overdue';

/** Transition rules, checked for every envelope offered at every step of every path. */
const RULES: Rule[] = [
  {
    name: 'R-4.2.3: an official_use ISSUE without dueAt arms a deadline due at 18:00 Asia/Bishkek that day (12:00Z)',
    applies: (s, e) => s.value === 'in_storage' && s.context.classification === 'official_use' && isIssue(e) && !e.payload.dueAt,
    check: (_, __, after, actions) => {
      expect(after.value).toBe('issued');
      expect(effectsOf(actions, 'armDeadline')).toEqual([
        expect.objectContaining({
          params: { key: after.context.deadlineKey, dueAt: SAME_DAY_CLOSE, event: 'DEADLINE_PASSED', rule: 'R-4.2.3' },
        }),
      ]);
      expect(after.context.holder?.dueAt).toBe(SAME_DAY_CLOSE);
    },
  },
  {
    name: 'R-4.2.3: an official_use ISSUE due after the close of the working day is refused',
    applies: (s, e) =>
      s.value === 'in_storage' && s.context.classification === 'official_use' && isIssue(e) && e.payload.dueAt === DUE_NEXT_DAY,
    check: (before, _, after, actions) => expectUnchanged(before, after, actions),
  },
  {
    name: 'an ISSUE with dueAt arms that deadline, citing R-4.2.3 only for official_use',
    applies: (s, e) =>
      s.value === 'in_storage' &&
      isIssue(e) &&
      e.payload.dueAt !== undefined &&
      !(s.context.classification === 'official_use' && e.payload.dueAt === DUE_NEXT_DAY),
    check: (before, event, after, actions) => {
      const dueAt = (event as EventOf<'ISSUE'>).payload.dueAt;
      expect(after.value).toBe('issued');
      expect(after.context.holder?.dueAt).toBe(dueAt);
      const rule = before.context.classification === 'official_use' ? 'R-4.2.3' : undefined;
      expect(effectsOf(actions, 'armDeadline').map((a) => a.params)).toEqual([
        { key: `return-${SEQ.ISSUE}`, dueAt, event: 'DEADLINE_PASSED', rule },
      ]);
    },
  },
  {
    name: 'an ISSUE of a document that is not official_use, without dueAt, arms no deadline',
    applies: (s, e) => s.value === 'in_storage' && s.context.classification !== 'official_use' && isIssue(e) && !e.payload.dueAt,
    check: (_, __, after, actions) => {
      expect(after.value).toBe('issued');
      expect(after.context.holder).toMatchObject({ userId: HOLDER.userId, dueAt: null, acknowledgedAt: null });
      expect(actions).toEqual([]);
    },
  },
  {
    name: 'R-4.2.1: ACKNOWLEDGE by anyone but the holder never changes the snapshot',
    applies: (s, e) => e.type === 'ACKNOWLEDGE' && e.actor.userId !== s.context.holder?.userId,
    check: (before, _, after, actions) => expectUnchanged(before, after, actions),
  },
  {
    name: 'R-4.2.1: the holder acknowledges once, at the envelope instant, without leaving the state',
    applies: (s, e) => holderOut(s) && e.type === 'ACKNOWLEDGE' && e.actor.userId === s.context.holder?.userId,
    check: (before, event, after, actions) => {
      if (before.context.holder?.acknowledgedAt != null) return expectUnchanged(before, after, actions);
      expect(after.value).toBe(before.value);
      expect(after.context.holder).toEqual({ ...before.context.holder, acknowledgedAt: event.at });
      expect(actions).toEqual([]);
    },
  },
  {
    name: 'a DEADLINE_PASSED with a stale key never changes the snapshot',
    applies: (s, e) => e.type === 'DEADLINE_PASSED' && e.payload.deadlineKey !== s.context.deadlineKey,
    check: (before, _, after, actions) => expectUnchanged(before, after, actions),
  },
  {
    name: 'the current DEADLINE_PASSED makes an issued document overdue and notifies the office and the holder',
    applies: (s, e) => s.value === 'issued' && e.type === 'DEADLINE_PASSED' && e.payload.deadlineKey === s.context.deadlineKey,
    check: (before, _, after, actions) => {
      expect(after.value).toBe('overdue');
      expect(after.context.holder).toEqual(before.context.holder);
      expect(effectsOf(actions, 'notify').map((a) => a.params)).toEqual([
        {
          template: 'document.overdue',
          toRoles: ['records_clerk', 'security_officer'],
          toUserIds: [HOLDER.userId],
          data: { regNumber: INPUT.regNumber, dueAt: before.context.holder?.dueAt },
        },
      ]);
    },
  },
  {
    name: 'RETURN puts the document back where it was stored, cancelling the armed deadline if there is one',
    applies: (s, e) => holderOut(s) && e.type === 'RETURN',
    check: (before, _, after, actions) => {
      expect(after.value).toBe('in_storage');
      expect(after.context.location).toBe(before.context.location);
      const key = before.context.deadlineKey;
      expect(effectsOf(actions, 'cancelDeadline').map((a) => a.params)).toEqual(key ? [{ key }] : []);
      expect(actions).toHaveLength(key ? 1 : 0);
    },
  },
  {
    name: 'a STORE in storage moves the document without issuing it',
    applies: (s, e) => s.value === 'in_storage' && e.type === 'STORE',
    check: (_, event, after, actions) => {
      expect(after.value).toBe('in_storage');
      expect(after.context.location).toBe((event as EventOf<'STORE'>).payload.location);
      expect(actions).toEqual([]);
    },
  },
];

/** Offers every modelled envelope to `before` and checks the `rules` that apply; returns how many checks ran. */
function probe(before: Snapshot, rules: readonly Rule[] = RULES): number {
  let checks = 0;
  for (const event of eventsFor(before)) {
    const [after, actions] = transition(documentMachine, before, event);
    expectConsistent(after);
    // The engine can only write effects it knows to the outbox.
    for (const a of actions) expect(EFFECT_TYPES).toContain(a.type);
    for (const rule of rules.filter((r) => r.applies(before, event))) {
      rule.check(before, event, after, actions);
      checks++;
    }
  }
  return checks;
}

function start(): Snapshot {
  const [initial, actions] = initialTransition(documentMachine, INPUT);
  expect(actions).toEqual([]);
  return initial;
}

/** The path's envelopes; xstate/graph opens every path with a synthetic `xstate.init` step. */
const envelopesOf = (path: Path): DocumentEvent[] => path.steps.slice(1).map((s) => s.event);

const sameSnapshot = (a: Snapshot, b: Snapshot) =>
  expect({ value: a.value, context: a.context }).toEqual({ value: b.value, context: b.context });

/** Replays `path` with the pure transition(), checking the graph agrees and every step keeps the rules. */
function replay(path: Path): void {
  const [init, ...steps] = path.steps;
  expect(init.event.type).toBe('xstate.init');
  let snapshot = start();
  sameSnapshot(snapshot, init.state);
  expectConsistent(snapshot);
  probe(snapshot);
  for (const step of steps) {
    [snapshot] = transition(documentMachine, snapshot, step.event);
    sameSnapshot(snapshot, step.state);
    probe(snapshot);
  }
  sameSnapshot(snapshot, path.state);
}

// Shortest paths reach every distinct (state, context) once; since probe() offers every
// modelled envelope at the end of each path, every edge of the graph is checked too.
// Simple paths would add only detours through the in_storage ⇄ issued cycle.
const paths: Path[] = getShortestPaths(documentMachine, { input: INPUT, events: eventsFor });
const cases = paths.map((path) => ({ title: envelopesOf(path).map(label).join(' → ') || '(registered)', path }));

describe('document machine, model-based (xstate/graph shortest paths)', () => {
  it('reaches exactly registered, classified, in_storage, issued and overdue', () => {
    expect(new Set(paths.map((p) => p.state.value))).toEqual(
      new Set(['registered', 'classified', 'in_storage', 'issued', 'overdue']),
    );
  });

  it('models only envelopes whose payloads pass the event schemas', () => {
    for (const { path } of cases) {
      for (const event of [...envelopesOf(path), ...eventsFor(path.state)]) {
        expect(documentEventSchemas[event.type].safeParse(event.payload).error).toBeUndefined();
      }
    }
  });

  // One test per rule over every reached state, so a broken rule is named, and a
  // rule the model never exercises fails instead of passing vacuously.
  describe('transition rules, over every state the model reaches', () => {
    it.each(RULES.map((rule) => ({ rule, name: rule.name })))('$name', ({ rule }) => {
      const checks = paths.reduce((n, p) => n + probe(p.state, [rule]), 0);
      expect(checks).toBeGreaterThan(0);
    });
  });

  describe('each path, replayed with transition(), keeps the invariants at every step', () => {
    it.each(cases)('$title', ({ path }) => {
      replay(path);
    });
  });
});
