/**
 * The deadline ladder of one For Official Use issue, walked rung by rung with the pure
 * transition() the engine uses: reminder → overdue → escalated. Every instant is fixed and written
 * out by hand in UTC (Asia/Bishkek is UTC+6 all year: 18:00 local = 12:00Z); never the clock.
 */
import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import {
  DEFAULT_CALENDAR,
  DEFAULT_DEADLINE_SETTINGS,
  systemActor,
  type Actor,
  type DeadlineSettings,
  type WorkingCalendar,
} from '@grif/domain';
import type { CabinetFact, PersonFact } from '../definition';
import { documentMachine, type DocumentEvent, type DocumentInput } from './index';

type Snapshot = SnapshotFrom<typeof documentMachine>;
type EventType = DocumentEvent['type'];
type EventOf<T extends EventType> = Extract<DocumentEvent, { type: T }>;

const SCHOOL = 'school-35';
const CLERK: Actor = { userId: 'u-clerk', schoolId: SCHOOL, roles: ['records_clerk'], kind: 'user' };
const SYSTEM = systemActor(SCHOOL);
const TEACHER: PersonFact = {
  kind: 'person',
  id: 'u-teacher',
  displayName: 'Асанова Гүлнара',
  clearances: [
    { kind: 'nda', date: '2026-09-01', seq: 1 },
    { kind: 'briefing', date: '2026-09-01', seq: 2 },
  ],
};
const SECURE_CABINET: CabinetFact = {
  kind: 'cabinet',
  id: 'cab-archive-1',
  name: 'Шкаф 1',
  roomName: 'Каб. 12 (архив)',
  secure: true,
};
const LETTER: DocumentInput = {
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

const PT5S: DeadlineSettings = { ...DEFAULT_DEADLINE_SETTINGS, directorAfter: 'PT5S' };
/** The school's calendar after the director made Tuesday 24 November 2026 a shortened (pre-holiday) day. */
const SHORT_TUESDAY: WorkingCalendar = {
  ...DEFAULT_CALENDAR,
  entries: [
    {
      date: '2026-11-24',
      kind: 'shortened',
      name: { ky: 'Кыскартылган күн', ru: 'Сокращённый день', en: 'Shortened day' },
      source: 'the director',
    },
  ],
};

/**
 * One document in one school: each `send` builds the envelope the engine would (the next history seq,
 * the school's calendar and ladder, the looked-up facts) and answers what transition() made of it.
 */
function school(deadlines: DeadlineSettings, calendar: WorkingCalendar = DEFAULT_CALENDAR) {
  let [snapshot] = initialTransition(documentMachine, LETTER);
  let seq = 1; // CREATE
  const send = <T extends EventType>(
    type: T,
    payload: EventOf<T>['payload'],
    actor: Actor,
    at: string,
    changed: { calendar?: WorkingCalendar; deadlines?: DeadlineSettings } = {},
  ) => {
    const facts = type === 'ISSUE' ? { holderId: TEACHER } : type === 'STORE' ? { cabinetId: SECURE_CABINET } : {};
    const envelope = {
      type,
      payload,
      actor,
      at,
      instanceId: 'doc-incoming-7',
      seq: seq + 1,
      calendar: changed.calendar ?? calendar,
      deadlines: changed.deadlines ?? deadlines,
      facts,
    } as EventOf<T>;
    const [next, actions] = transition(documentMachine, snapshot, envelope);
    const accepted = next !== snapshot;
    if (accepted) seq++; // a refusal writes no history
    snapshot = next;
    return { accepted, seq: envelope.seq, effects: actions.map(({ type: t, params }) => ({ type: t, params })) };
  };
  const alarm = (type: 'REMINDER_DUE' | 'DEADLINE_PASSED' | 'ESCALATION_DUE', key: string, at: string) =>
    send(type, { deadlineKey: key, deadlineId: `dl-${key}` }, SYSTEM, at);
  return {
    send,
    alarm,
    get snapshot(): Snapshot {
      return snapshot;
    },
    /** Registered, classified For Official Use, stored in the secure cabinet, then issued at `at`. */
    issueFouAt(at: string, dueAt?: string) {
      send('CLASSIFY', { classification: 'official_use' }, CLERK, '2026-11-23T04:00:00.000Z');
      send('STORE', { cabinetId: SECURE_CABINET.id }, CLERK, '2026-11-23T04:10:00.000Z');
      return send('ISSUE', { holderId: TEACHER.id, purpose: 'Тарификация', ...(dueAt ? { dueAt } : {}) }, CLERK, at);
    },
  };
}

const arm = (key: string, dueAt: string, event: string) => ({
  type: 'armDeadline',
  params: { key, dueAt, event, rule: 'R-4.2.3' },
});
const cancel = (key: string) => ({ type: 'cancelDeadline', params: { key } });
const data = (issuedAt: string, dueAt: string) => ({ regNumber: 'К-0007/2026', dueAt, issuedAt, holderId: TEACHER.id });

/** Friday 27 November 2026, 10:00 Asia/Bishkek. */
const FRIDAY_10 = '2026-11-27T04:00:00.000Z';
const FRIDAY_CLOSE = '2026-11-27T12:00:00.000Z';
const FRIDAY_REMINDER = '2026-11-27T11:30:00.000Z';
const MONDAY_OPENING = '2026-11-30T02:00:00.000Z';

/** Issue on Friday, then every rung rings at its own instant; `director` is when the director is due to hear. */
function climbFromFriday(deadlines: DeadlineSettings, director: string) {
  const doc = school(deadlines);
  const issue = doc.issueFouAt(FRIDAY_10);
  expect(issue.accepted).toBe(true);
  expect(doc.snapshot.context.holder).toMatchObject({ dueAt: FRIDAY_CLOSE, dueBasis: 'end_of_working_day' });
  const n = issue.seq;
  expect(issue.effects).toEqual([
    arm(`return-${n}`, FRIDAY_CLOSE, 'DEADLINE_PASSED'),
    arm(`remind-${n}`, FRIDAY_REMINDER, 'REMINDER_DUE'),
  ]);

  const reminder = doc.alarm('REMINDER_DUE', `remind-${n}`, FRIDAY_REMINDER);
  expect(doc.snapshot.value).toBe('issued');
  expect(reminder.effects).toEqual([
    {
      type: 'notify',
      params: { template: 'document.reminder', toUserIds: [TEACHER.id], data: data(FRIDAY_10, FRIDAY_CLOSE) },
    },
  ]);
  expect(doc.alarm('REMINDER_DUE', `remind-${n}`, FRIDAY_REMINDER).accepted).toBe(false); // once per fact

  const overdue = doc.alarm('DEADLINE_PASSED', `return-${n}`, FRIDAY_CLOSE);
  expect(doc.snapshot.value).toBe('overdue');
  expect(overdue.effects).toEqual([
    {
      type: 'notify',
      params: {
        template: 'document.overdue',
        toRoles: ['records_clerk', 'security_officer'],
        toUserIds: [TEACHER.id],
        data: data(FRIDAY_10, FRIDAY_CLOSE),
      },
    },
    arm(`director-${overdue.seq}`, director, 'ESCALATION_DUE'),
  ]);

  const escalated = doc.alarm('ESCALATION_DUE', `director-${overdue.seq}`, director);
  expect(doc.snapshot.value).toBe('escalated');
  expect(escalated.effects).toEqual([
    {
      type: 'notify',
      params: { template: 'document.escalated', toRoles: ['director'], data: data(FRIDAY_10, FRIDAY_CLOSE) },
    },
  ]);
  expect(doc.alarm('ESCALATION_DUE', `director-${overdue.seq}`, director).accepted).toBe(false);

  // Back at last: nothing is pending any more, so nothing is cancelled.
  const back = doc.send('RETURN', {}, CLERK, '2026-11-30T03:00:00.000Z');
  expect(doc.snapshot.value).toBe('in_storage');
  expect(back.effects).toEqual([]);
  expect(doc.snapshot.context).toMatchObject({
    holder: null,
    deadlineKey: null,
    reminderKey: null,
    reminderAt: null,
    escalationKey: null,
    escalationAt: null,
  });
}

describe('the deadline ladder of a For Official Use issue (R-4.2.3)', () => {
  it('R-4.2.3, directorAfter next_working_day: issued Friday 10:00 → reminded 17:30, overdue at 18:00, the director told at the opening of the next working day, Monday 08:00 Asia/Bishkek', () => {
    climbFromFriday(DEFAULT_DEADLINE_SETTINGS, MONDAY_OPENING);
  });

  it('R-4.2.3, directorAfter PT5S: the same Friday issue reaches the director five seconds after 18:00', () => {
    climbFromFriday(PT5S, '2026-11-27T12:00:05.000Z');
  });

  it('R-4.2.3: issued Friday 17:59 → due 18:00 that Friday; the reminder (17:30) would come before the issue, so none is armed; the director hears Monday 08:00', () => {
    const doc = school(DEFAULT_DEADLINE_SETTINGS);
    const issue = doc.issueFouAt('2026-11-27T11:59:00.000Z');
    expect(doc.snapshot.context).toMatchObject({
      holder: { issuedAt: '2026-11-27T11:59:00.000Z', dueAt: FRIDAY_CLOSE, dueBasis: 'end_of_working_day' },
      reminderKey: null,
      reminderAt: null,
    });
    expect(issue.effects).toEqual([arm(`return-${issue.seq}`, FRIDAY_CLOSE, 'DEADLINE_PASSED')]);
    const overdue = doc.alarm('DEADLINE_PASSED', `return-${issue.seq}`, FRIDAY_CLOSE);
    expect(overdue.effects.at(-1)).toEqual(arm(`director-${overdue.seq}`, MONDAY_OPENING, 'ESCALATION_DUE'));
  });

  it('R-4.2.3 after hours: issued Tuesday 19:00 → due at the close of the next working day, Wednesday 18:00 (reminded 17:30); the director hears Thursday 08:00', () => {
    const doc = school(DEFAULT_DEADLINE_SETTINGS);
    const issue = doc.issueFouAt('2026-11-24T13:00:00.000Z');
    const due = '2026-11-25T12:00:00.000Z';
    expect(doc.snapshot.context.holder).toMatchObject({ dueAt: due, dueBasis: 'end_of_working_day' });
    expect(issue.effects).toEqual([
      arm(`return-${issue.seq}`, due, 'DEADLINE_PASSED'),
      arm(`remind-${issue.seq}`, '2026-11-25T11:30:00.000Z', 'REMINDER_DUE'),
    ]);
    const overdue = doc.alarm('DEADLINE_PASSED', `return-${issue.seq}`, due);
    expect(overdue.effects).toContainEqual(cancel(`remind-${issue.seq}`)); // it never rang: overdue first
    expect(overdue.effects.at(-1)).toEqual(
      arm(`director-${overdue.seq}`, '2026-11-26T02:00:00.000Z', 'ESCALATION_DUE'),
    );
  });

  it('R-4.2.3 after hours: the clerk may choose an earlier time than Wednesday 18:00, never a later one', () => {
    const later = school(DEFAULT_DEADLINE_SETTINGS);
    expect(later.issueFouAt('2026-11-24T13:00:00.000Z', '2026-11-25T12:00:01.000Z').accepted).toBe(false);
    const earlier = school(DEFAULT_DEADLINE_SETTINGS);
    expect(earlier.issueFouAt('2026-11-24T13:00:00.000Z', '2026-11-25T09:00:00.000Z').accepted).toBe(true);
    expect(earlier.snapshot.context.holder).toMatchObject({ dueAt: '2026-11-25T09:00:00.000Z', dueBasis: 'chosen' });
  });

  it('R-4.2.3: a calendar change that makes the day of issue a shortened day moves the due time from 18:00 to 17:00 (DEADLINE_MOVED); the old alarms are stale, the same calendar again moves nothing', () => {
    const doc = school(DEFAULT_DEADLINE_SETTINGS);
    const issue = doc.issueFouAt('2026-11-24T04:00:00.000Z'); // Tuesday 10:00
    const n = issue.seq;
    expect(doc.snapshot.context.holder?.dueAt).toBe('2026-11-24T12:00:00.000Z');

    const moved = doc.send('DEADLINE_MOVED', { reason: 'calendar' }, SYSTEM, '2026-11-24T05:00:00.000Z', {
      calendar: SHORT_TUESDAY,
    });
    expect(moved.accepted).toBe(true);
    const m = moved.seq;
    expect(doc.snapshot.value).toBe('issued');
    expect(doc.snapshot.context).toMatchObject({
      holder: {
        dueAt: '2026-11-24T11:00:00.000Z',
        dueBasis: 'end_of_working_day',
        issuedAt: '2026-11-24T04:00:00.000Z',
      },
      deadlineKey: `return-${m}`,
      reminderKey: `remind-${m}`,
      reminderAt: '2026-11-24T10:30:00.000Z',
    });
    expect(moved.effects).toEqual([
      cancel(`return-${n}`),
      cancel(`remind-${n}`),
      arm(`return-${m}`, '2026-11-24T11:00:00.000Z', 'DEADLINE_PASSED'),
      arm(`remind-${m}`, '2026-11-24T10:30:00.000Z', 'REMINDER_DUE'),
    ]);

    const again = doc.send('DEADLINE_MOVED', { reason: 'calendar' }, SYSTEM, '2026-11-24T05:10:00.000Z', {
      calendar: SHORT_TUESDAY,
    });
    expect(again).toMatchObject({ accepted: false, effects: [] });
    expect(doc.alarm('DEADLINE_PASSED', `return-${n}`, '2026-11-24T12:00:00.000Z').accepted).toBe(false);
    expect(doc.alarm('REMINDER_DUE', `remind-${n}`, '2026-11-24T11:30:00.000Z').accepted).toBe(false);

    const overdue = doc.alarm('DEADLINE_PASSED', `return-${m}`, '2026-11-24T11:00:00.000Z');
    expect(overdue.accepted).toBe(true);
    expect(doc.snapshot.value).toBe('overdue');
  });

  it('R-4.2.3: after the day of issue is shortened a chosen 17:30 is brought to the new close, 17:00, and a chosen 16:00 stays', () => {
    const late = school(DEFAULT_DEADLINE_SETTINGS);
    late.issueFouAt('2026-11-24T04:00:00.000Z', '2026-11-24T11:30:00.000Z');
    const moved = late.send('DEADLINE_MOVED', { reason: 'calendar' }, SYSTEM, '2026-11-24T05:00:00.000Z', {
      calendar: SHORT_TUESDAY,
    });
    expect(moved.accepted).toBe(true);
    expect(late.snapshot.context.holder).toMatchObject({ dueAt: '2026-11-24T11:00:00.000Z', dueBasis: 'chosen' });

    const early = school(DEFAULT_DEADLINE_SETTINGS);
    early.issueFouAt('2026-11-24T04:00:00.000Z', '2026-11-24T10:00:00.000Z');
    const unmoved = early.send('DEADLINE_MOVED', { reason: 'calendar' }, SYSTEM, '2026-11-24T05:00:00.000Z', {
      calendar: SHORT_TUESDAY,
    });
    expect(unmoved.accepted).toBe(false);
    expect(early.snapshot.context.holder?.dueAt).toBe('2026-11-24T10:00:00.000Z');
  });

  it('R-4.2.3: issued on the shortened day itself (the school calendar already says so) → due 17:00, not 18:00', () => {
    const doc = school(DEFAULT_DEADLINE_SETTINGS, SHORT_TUESDAY);
    doc.issueFouAt('2026-11-24T04:00:00.000Z');
    expect(doc.snapshot.context.holder?.dueAt).toBe('2026-11-24T11:00:00.000Z');
  });
});
