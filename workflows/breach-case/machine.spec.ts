/**
 * The credential-breach case walked with the pure transition() the engine uses: how a report is judged
 * (late or not on the Kyrgyz calendar, whose account, which number), what each step asks the engine to do, the
 * step clocks and their escalation, the report act's signatures, and who sees a case. Every instant is written out
 * by hand; never the clock. Bishkek is UTC+6; the school works Monday–Friday 08:00–18:00 (DEFAULT_CALENDAR).
 */
import { BREACH_CAUSES, DEFAULT_BREACH_LIMITS, DEFAULT_CALENDAR, type Actor, type BreachCause } from '@grif/domain';
import type { Fact, PersonFact } from '../definition';
import { guardRefusal, holders, sha, SYSTEM, user, walkAct } from '../acts/testing';
import {
  breachReport,
  breachMachine,
  breachWorkflow,
  canSeeBreach,
  type BreachInput,
  type BreachStore,
  type ReportBreach,
} from './index';

const OFFICER = user('u-security', 'security_officer');
const SUPPORT = user('u-support', 'tech_support');
const DIRECTOR = user('u-director', 'director');
const AUDITOR = user('u-auditor', 'auditor');
const CLERK = user('u-clerk', 'records_clerk');
const TEACHER = user('u-teacher', 'staff');
const OTHER = user('u-other', 'staff');

const DIRECTORS = holders('director', ['u-director', 'Айгүл Асанова']);
const OFFICERS = holders('security_officer', ['u-security', 'Бакыт Мамытов']);
const REPORT_FACTS = { 'holders:director': DIRECTORS, 'holders:security_officer': OFFICERS };

// --- reporting (report.ts) -------------------------------------------------------------------------------

/** The Grif accounts of the school, by username. */
const ACCOUNTS: Record<string, { id: string; displayName: string }> = {
  'asel.b': { id: 'u-teacher', displayName: 'Асель Бекова' },
  'nurzhan.t': { id: 'u-clerk', displayName: 'Нуржан Токтогулова' },
};
const TEACHER_FACT: PersonFact = { kind: 'person', id: 'u-teacher', displayName: 'Асель Бекова', clearances: [] };

/** A store that answers number 7 and records which series of which year was asked. */
function fakeStore() {
  const asked: string[] = [];
  const store: BreachStore = {
    nextJournalNumber: async (school, year, series) => {
      asked.push(`${school}:${series}@${year}`);
      return 7;
    },
    userByUsername: async (_school, username) => ACCOUNTS[username] ?? null,
    policy: async () => ({ calendar: DEFAULT_CALENDAR, breachLimits: DEFAULT_BREACH_LIMITS }),
  };
  return { asked, store };
}

/** A breach of the teacher's Grif account, discovered on Friday 27 November 2026 at 15:00 in Bishkek. */
const GRIF: ReportBreach = {
  system: 'grif',
  account: 'asel.b',
  discoveredAt: '2026-11-27T09:00:00Z',
  description: 'Менин атымдан кирүү болгон',
};
const PORTAL: ReportBreach = { ...GRIF, system: 'portal', account: 'asel.portal' };

/** What breachReport(...).input answers for `actor` reporting `payload` at the instant `at`. */
function report(actor: Actor, payload: ReportBreach, at: string, facts: Record<string, Fact> = {}) {
  const { asked, store } = fakeStore();
  const input = breachReport(actor).input(store, new Date(at), payload, facts, 'case-9');
  return { asked, input };
}
const refusedField = (field: string) => ({
  kind: 'invalid',
  code: 'VALIDATION_FAILED',
  details: { fields: [{ field }] },
});

describe('R-5.2.3: reporting a breach within one working day (breachReport)', () => {
  it('R-5.2.3: across a weekend: discovered on Friday 15:00, due on Monday 15:00; reported on Saturday or at 14:59 on Monday it is on time', async () => {
    for (const at of ['2026-11-28T10:00:00Z', '2026-11-30T08:59:00Z']) {
      const { input } = report(TEACHER, { ...GRIF, lateReason: 'ашыкча' }, at);
      await expect(input).resolves.toMatchObject({
        discoveredAt: '2026-11-27T09:00:00.000Z',
        reportedAt: new Date(at).toISOString(),
        reportDueAt: '2026-11-30T09:00:00.000Z',
        late: false,
        // A reason nobody needed is not kept.
        lateReason: null,
      });
    }
  });

  it('R-5.2.3: across a weekend: reported on Monday at 15:01 it is late, and a late report without lateReason is 400 naming the field', async () => {
    const refused = report(TEACHER, GRIF, '2026-11-30T09:01:00Z');
    await expect(refused.input).rejects.toMatchObject(refusedField('lateReason'));
    // A refused report takes no number.
    expect(refused.asked).toEqual([]);

    const { input } = report(TEACHER, { ...GRIF, lateReason: 'Дем алышта байкабай калдым' }, '2026-11-30T09:01:00Z');
    await expect(input).resolves.toMatchObject({
      reportDueAt: '2026-11-30T09:00:00.000Z',
      late: true,
      lateReason: 'Дем алышта байкабай калдым',
    });
  });

  it('R-5.2.3: across a holiday: discovered on 6 January 2027 at 10:00, 7 January (Christmas) does not count; due on 8 January 10:00', async () => {
    const discovered = { ...GRIF, discoveredAt: '2027-01-06T04:00:00Z' };
    await expect(report(TEACHER, discovered, '2027-01-07T10:00:00Z').input).resolves.toMatchObject({
      reportDueAt: '2027-01-08T04:00:00.000Z',
      late: false,
    });
    await expect(report(TEACHER, discovered, '2027-01-08T04:01:00Z').input).rejects.toMatchObject(
      refusedField('lateReason'),
    );
    await expect(
      report(TEACHER, { ...discovered, lateReason: 'Майрамда' }, '2027-01-08T04:01:00Z').input,
    ).resolves.toMatchObject({ late: true, lateReason: 'Майрамда' });
  });

  it('R-5.2.3: a breach discovered after the report is 400 naming discoveredAt', async () => {
    const { asked, input } = report(TEACHER, { ...GRIF, discoveredAt: '2026-11-30T09:01:00Z' }, '2026-11-30T09:00:00Z');
    await expect(input).rejects.toMatchObject(refusedField('discoveredAt'));
    expect(asked).toEqual([]);
  });

  it('R-5.2.3: anyone reports their own Grif account; its username names the owner', async () => {
    await expect(report(TEACHER, GRIF, '2026-11-30T08:00:00Z').input).resolves.toMatchObject({
      system: 'grif',
      account: 'asel.b',
      ownerId: 'u-teacher',
      reporterId: 'u-teacher',
      createdBy: 'u-teacher',
      onBehalf: false,
    });
  });

  it("R-5.2.3: another person's Grif account is ROLE_REQUIRED, unless the reporter is support or the security officer", async () => {
    await expect(report(CLERK, GRIF, '2026-11-30T08:00:00Z').input).rejects.toMatchObject({
      kind: 'forbidden',
      code: 'ROLE_REQUIRED',
    });
    for (const desk of [SUPPORT, OFFICER])
      await expect(report(desk, GRIF, '2026-11-30T08:00:00Z').input).resolves.toMatchObject({
        ownerId: 'u-teacher',
        reporterId: desk.userId,
        onBehalf: true,
      });
  });

  it('R-5.2.3: an unknown Grif username is 400 naming account, whoever reports it', async () => {
    for (const who of [TEACHER, SUPPORT])
      await expect(report(who, { ...GRIF, account: 'nobody' }, '2026-11-30T08:00:00Z').input).rejects.toMatchObject(
        refusedField('account'),
      );
  });

  it('R-5.2.3: a portal account is the reporter’s own, or the person support or the officer names (ownerId)', async () => {
    const at = '2026-11-30T08:00:00Z';
    // Anyone: their own portal account, named or not.
    await expect(report(TEACHER, PORTAL, at).input).resolves.toMatchObject({ ownerId: 'u-teacher', onBehalf: false });
    await expect(
      report(TEACHER, { ...PORTAL, ownerId: 'u-teacher' }, at, { ownerId: TEACHER_FACT }).input,
    ).resolves.toMatchObject({ ownerId: 'u-teacher', onBehalf: false });
    // Not someone else's.
    await expect(
      report(CLERK, { ...PORTAL, ownerId: 'u-teacher' }, at, { ownerId: TEACHER_FACT }).input,
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'ROLE_REQUIRED' });
    // The desks: the person named (as looked up), or nobody known yet.
    await expect(
      report(SUPPORT, { ...PORTAL, ownerId: 'u-teacher' }, at, { ownerId: TEACHER_FACT }).input,
    ).resolves.toMatchObject({ ownerId: 'u-teacher', reporterId: 'u-support', onBehalf: true });
    await expect(report(OFFICER, PORTAL, at).input).resolves.toMatchObject({
      system: 'portal',
      account: 'asel.portal',
      ownerId: null,
      reporterId: 'u-security',
      onBehalf: true,
    });
  });

  it("R-5.2.3: numbers the case Б-<n>/<year> in the breach_case series of the school's year (2026-12-31T19:00Z is 2027 in Bishkek)", async () => {
    const { asked, input } = report(
      TEACHER,
      { ...GRIF, discoveredAt: '2026-12-31T10:00:00Z' },
      '2026-12-31T19:00:00Z', // 01:00 on 1 January 2027 in Asia/Bishkek
    );
    await expect(input).resolves.toMatchObject({ actId: 'case-9', number: 'Б-7/2027', year: 2027 });
    expect(asked).toEqual(['school-35:breach_case@2027']);
  });

  it('R-5.2.3: the triage clock runs four working hours from the report: Monday 14:59 → Tuesday 08:59, Saturday → Monday 12:00', async () => {
    await expect(report(TEACHER, GRIF, '2026-11-30T08:59:00Z').input).resolves.toEqual({
      actId: 'case-9',
      number: 'Б-7/2026',
      year: 2026,
      createdAt: '2026-11-30T08:59:00.000Z',
      createdBy: 'u-teacher',
      system: 'grif',
      account: 'asel.b',
      ownerId: 'u-teacher',
      reporterId: 'u-teacher',
      onBehalf: false,
      discoveredAt: '2026-11-27T09:00:00.000Z',
      reportedAt: '2026-11-30T08:59:00.000Z',
      reportDueAt: '2026-11-30T09:00:00.000Z',
      late: false,
      lateReason: null,
      description: 'Менин атымдан кирүү болгон',
      firstStepDueAt: '2026-12-01T02:59:00.000Z',
    });
    await expect(report(TEACHER, GRIF, '2026-11-28T10:00:00Z').input).resolves.toMatchObject({
      firstStepDueAt: '2026-11-30T06:00:00.000Z',
    });
  });

  it('R-5.2.3: anyone may report (the input decides whose account); the answer says the number, late and when it was due', async () => {
    expect(breachWorkflow).toMatchObject({ creatorRoles: 'anyone', createLookups: { ownerId: 'person' } });
    const input = await report(TEACHER, GRIF, '2026-11-30T08:59:00Z').input;
    expect(breachReport(TEACHER).describe(walk(input).snapshot.context)).toEqual({
      number: 'Б-7/2026',
      late: false,
      reportDueAt: '2026-11-30T09:00:00.000Z',
    });
  });
});

// --- one case --------------------------------------------------------------------------------------------

/**
 * The teacher's own Grif account, reported on Thursday 26 November 2026 at 10:30 in Bishkek; the walk sends its
 * events from 11:01, one minute apart (walkAct's start), so event n (seq n + 1) comes at 05:0n Z.
 */
const INPUT: BreachInput = {
  actId: 'case-1',
  number: 'Б-1/2026',
  year: 2026,
  createdAt: '2026-11-26T04:30:00.000Z',
  createdBy: 'u-teacher',
  system: 'grif',
  account: 'asel.b',
  ownerId: 'u-teacher',
  reporterId: 'u-teacher',
  onBehalf: false,
  discoveredAt: '2026-11-26T03:00:00.000Z',
  reportedAt: '2026-11-26T04:30:00.000Z',
  reportDueAt: '2026-11-27T03:00:00.000Z',
  late: false,
  lateReason: null,
  description: 'Менин атымдан кирүү болгон',
  firstStepDueAt: '2026-11-26T08:30:00.000Z',
};
/** The teacher's portal account, reported by support for her. */
const PORTAL_INPUT: BreachInput = {
  ...INPUT,
  actId: 'case-2',
  number: 'Б-2/2026',
  createdBy: 'u-support',
  system: 'portal',
  account: 'asel.portal',
  reporterId: 'u-support',
  onBehalf: true,
};
/** A portal account support reported without naming whose it is. */
const NO_OWNER_INPUT: BreachInput = { ...PORTAL_INPUT, actId: 'case-3', number: 'Б-3/2026', ownerId: null };

const NOTICE = { actId: 'case-1', actNumber: 'Б-1/2026', kind: 'breach_report' };
const NOT_YOUR_TURN = guardRefusal('signersTurn', { code: 'NOT_YOUR_TURN' });
const STALE = guardRefusal('isCurrentStep', { code: 'STALE_DEADLINE' });

const arm = (key: string, dueAt: string) => ({
  type: 'armDeadline',
  params: { key, dueAt, event: 'STEP_OVERDUE', rule: 'R-5.2.3' },
});
const cancel = (key: string) => ({ type: 'cancelDeadline', params: { key } });

/** One case, walked with the pure transition() (workflows/acts/testing.ts), plus its steps. */
function walk(input: BreachInput = INPUT) {
  const a = walkAct(breachMachine, breachWorkflow, input);
  const triage = (personalData = false) => a.send('TRIAGE', { severity: 'high', personalData }, OFFICER);
  const contain = (by: Actor = OFFICER) => a.send('CONTAIN', {}, by);
  const confirmReset = () => a.send('CONFIRM_RESET', {}, SUPPORT);
  const investigate = (cause: BreachCause = 'phishing') =>
    a.send('INVESTIGATE', { cause, accessed: 'Кирүүчү каттар журналы' }, OFFICER);
  const remediate = (rebriefing = true) =>
    a.send('REMEDIATE', { measures: 'Сырсөз алмаштырылды', rebriefing }, OFFICER);
  const submit = (facts: Record<string, Fact> = REPORT_FACTS) => a.send('SUBMIT_REPORT', {}, OFFICER, facts);
  const overdue = (deadlineKey: string) =>
    a.send('STEP_OVERDUE', { deadlineKey, deadlineId: `dl-${deadlineKey}` }, SYSTEM);
  return Object.assign(a, { triage, contain, confirmReset, investigate, remediate, submit, overdue });
}

/** A case walked up to `state`; a portal account waits in awaiting_reset for support, a Grif account does not. */
function walkTo(state: string, input: BreachInput = INPUT) {
  const a = walk(input);
  const portal = input.system === 'portal';
  const steps: (() => unknown)[] = [
    () => a.triage(),
    () => (portal ? a.contain() : null),
    () => (portal ? a.confirmReset() : a.contain()),
    () => a.investigate(),
    () => a.remediate(),
    () => a.submit(),
    () => a.render(),
    () => (a.sign(OFFICER), a.sign(DIRECTOR)),
  ];
  for (const step of steps) {
    if (a.snapshot.value === state) break;
    step();
  }
  expect(a.snapshot.value).toBe(state);
  return a;
}

describe('R-5.2.3: a reported case', () => {
  it('R-5.2.3: creating it tells the officer and support at once and arms the triage clock (step-1) at the limit', () => {
    const a = walk();
    expect(a.snapshot.value).toBe('reported');
    expect(a.created).toEqual([
      {
        type: 'notify',
        params: {
          template: 'breach.reported',
          toRoles: ['security_officer', 'tech_support'],
          data: { caseId: 'case-1', number: 'Б-1/2026', system: 'grif', late: false },
        },
      },
      arm('step-1', '2026-11-26T08:30:00.000Z'),
    ]);
    expect(a.snapshot.context).toMatchObject({
      kind: 'breach_report',
      signers: [],
      pdf: null,
      completedAt: null,
      triage: null,
      containment: null,
      investigation: null,
      remediation: null,
      step: { name: 'triage', key: 'step-1', dueAt: '2026-11-26T08:30:00.000Z', escalated: false },
    });
  });

  it('R-5.2.3: who sends which event: the officer runs the case, support contains and confirms a reset, the officer and the director sign', () => {
    expect(breachWorkflow.events).toMatchObject({
      TRIAGE: { roles: ['security_officer'] },
      CONTAIN: { roles: ['security_officer', 'tech_support'] },
      CONFIRM_RESET: { roles: ['tech_support'], roleRule: 'R-5.2.3' },
      INVESTIGATE: { roles: ['security_officer'] },
      REMEDIATE: { roles: ['security_officer'] },
      SUBMIT_REPORT: { roles: ['security_officer'], roleHolders: ['director', 'security_officer'] },
      SIGN: { roles: ['security_officer', 'director'] },
      RENDERED: { roles: 'system' },
      STEP_OVERDUE: { roles: 'system' },
    });
  });
});

describe('R-5.2.3, R-1.4: triage', () => {
  it('R-5.2.3, R-1.4: records the severity and whether personal data may be exposed; cancels step-1 and arms the containment clock keyed by seq', () => {
    const a = walk();
    const r = a.triage(true);
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('triaged');
    // Thursday 11:01 + 2 working hours.
    expect(r.effects).toEqual([cancel('step-1'), arm('step-2', '2026-11-26T07:01:00.000Z')]);
    expect(a.snapshot.context.triage).toEqual({
      severity: 'high',
      personalData: true,
      by: 'u-security',
      at: '2026-11-26T05:01:00.000Z',
    });
    expect(a.snapshot.context.step).toEqual({
      name: 'containment',
      key: 'step-2',
      dueAt: '2026-11-26T07:01:00.000Z',
      escalated: false,
    });
  });

  it('R-1.4: no personal data is recorded as such', () => {
    const a = walk();
    a.triage(false);
    expect(a.snapshot.context.triage).toMatchObject({ severity: 'high', personalData: false });
  });
});

describe('R-5.2.2, R-5.2.3: containment', () => {
  it('R-5.2.2, R-5.2.3: a Grif account is shut at once: revokeAccess for its owner, then the investigation clock', () => {
    const a = walkTo('triaged');
    const r = a.contain(SUPPORT);
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('contained');
    // Thursday 11:02 + 16 working hours: 6:58 on Thursday, 9:02 on Friday.
    expect(r.effects).toEqual([
      { type: 'revokeAccess', params: { userId: 'u-teacher' } },
      cancel('step-2'),
      arm('step-3', '2026-11-27T11:02:00.000Z'),
    ]);
    expect(a.snapshot.context.containment).toEqual({
      at: '2026-11-26T05:02:00.000Z',
      by: 'u-support',
      sessionsRevoked: true,
      resetConfirmedAt: null,
    });
    expect(a.snapshot.context.step).toMatchObject({ name: 'investigation', key: 'step-3', escalated: false });
  });

  it('R-5.2.2, R-5.2.3: a portal account waits for support to reset it: no revokeAccess, and the containment clock keeps running', () => {
    const a = walkTo('triaged', PORTAL_INPUT);
    const r = a.contain();
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('awaiting_reset');
    expect(r.effects).toEqual([]);
    expect(a.snapshot.context.containment).toEqual({
      at: '2026-11-26T05:02:00.000Z',
      by: 'u-security',
      sessionsRevoked: false,
      resetConfirmedAt: null,
    });
    expect(a.snapshot.context.step).toMatchObject({ name: 'containment', key: 'step-2' });
    // The containment clock still rings for this step.
    expect(a.overdue('step-2').accepted).toBe(true);
  });

  it('R-5.2.2, R-5.2.3: support confirming the reset contains it and starts the investigation clock', () => {
    const a = walkTo('awaiting_reset', PORTAL_INPUT);
    const r = a.confirmReset();
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('contained');
    // Thursday 11:03 + 16 working hours.
    expect(r.effects).toEqual([cancel('step-2'), arm('step-4', '2026-11-27T11:03:00.000Z')]);
    expect(a.snapshot.context.containment).toEqual({
      at: '2026-11-26T05:02:00.000Z',
      by: 'u-security',
      sessionsRevoked: false,
      resetConfirmedAt: '2026-11-26T05:03:00.000Z',
    });
    expect(a.snapshot.context.step).toMatchObject({ name: 'investigation', key: 'step-4' });
  });

  it('R-5.2.3: a Grif account needs no confirmed reset (EVENT_NOT_ACCEPTED), before or after it is contained', () => {
    const a = walkTo('triaged');
    expect(a.confirmReset().cites).toBe('EVENT_NOT_ACCEPTED');
    a.contain();
    expect(a.confirmReset().cites).toBe('EVENT_NOT_ACCEPTED');
  });
});

describe('R-5.2.1: investigation', () => {
  it.each(BREACH_CAUSES.map((cause) => [cause, cause === 'shared_credentials']))(
    'R-5.2.1: cause %s → ownerLiable %s; the remediation clock starts',
    (cause, liable) => {
      const a = walkTo('contained');
      const r = a.investigate(cause as BreachCause);
      expect(r.accepted).toBe(true);
      expect(a.snapshot.value).toBe('investigated');
      expect(a.snapshot.context.investigation).toEqual({
        cause,
        accessed: 'Кирүүчү каттар журналы',
        ownerLiable: liable,
        by: 'u-security',
        at: '2026-11-26T05:03:00.000Z',
      });
      // Thursday 11:03 + 24 working hours: 6:57, 10:00 on Friday, then Monday 08:00 + 7:03.
      expect(r.effects).toEqual([cancel('step-3'), arm('step-4', '2026-11-30T09:03:00.000Z')]);
    },
  );
});

describe('R-2.5: remediation', () => {
  it('R-2.5: a repeated briefing is recorded against the owner, in the same transaction; the report clock starts', () => {
    const a = walkTo('investigated');
    const r = a.remediate(true);
    expect(a.snapshot.value).toBe('remediated');
    // Thursday 11:04 + 16 working hours.
    expect(r.effects).toEqual([
      {
        type: 'recordBriefing',
        params: { userId: 'u-teacher', at: '2026-11-26T05:04:00.000Z', note: 'Б-1/2026: R-2.5, R-5.2.3' },
      },
      cancel('step-4'),
      arm('step-5', '2026-11-27T11:04:00.000Z'),
    ]);
    expect(a.snapshot.context.remediation).toEqual({
      measures: 'Сырсөз алмаштырылды',
      rebriefing: true,
      by: 'u-security',
      at: '2026-11-26T05:04:00.000Z',
    });
    expect(a.snapshot.context.step).toMatchObject({ name: 'report', key: 'step-5' });
  });

  it('R-2.5: no briefing is recorded without a rebriefing, nor when nobody is known to own the account', () => {
    const without = walkTo('investigated');
    expect(without.remediate(false).effects.map((e) => e.type)).toEqual(['cancelDeadline', 'armDeadline']);
    const unowned = walkTo('investigated', NO_OWNER_INPUT);
    expect(unowned.remediate(true).effects.map((e) => e.type)).toEqual(['cancelDeadline', 'armDeadline']);
    expect(unowned.snapshot.context.remediation).toMatchObject({ rebriefing: true });
  });
});

describe('R-5.2.3: the report act, signed by the officer and the director', () => {
  it('R-5.2.3: submitting asks for the rendering, with the submitting officer (turn 1) and the director (turn 2) to sign', () => {
    const a = walkTo('remediated');
    const r = a.submit();
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('rendering');
    expect(r.effects).toEqual([{ type: 'renderAct', params: {} }]);
    expect(a.snapshot.context.signers.map((s) => [s.userId, s.name, s.role, s.turn, s.signedAt])).toEqual([
      ['u-security', 'Бакыт Мамытов', 'security_officer', 1, null],
      ['u-director', 'Айгүл Асанова', 'director', 2, null],
    ]);
    // The report's clock keeps running until the last signature.
    expect(a.snapshot.context.step).toMatchObject({ name: 'report', key: 'step-5' });
  });

  it('R-5.2.3: is refused citing R-5.2.3 when there is no director to sign', () => {
    const a = walkTo('remediated');
    const r = a.submit({ 'holders:director': holders('director'), 'holders:security_officer': OFFICERS });
    expect(r.accepted).toBe(false);
    expect(r.refusal).toEqual(guardRefusal('hasDirector', { rule: 'R-5.2.3' }));
    expect(r.cites).toBe('R-5.2.3');
    expect(a.snapshot.value).toBe('remediated');
  });

  it('R-5.2.3: once rendered, the officer is asked to sign first', () => {
    const a = walkTo('rendering');
    const r = a.render();
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.pdf).toEqual({ revision: 1, sha256: sha('a') });
    expect(r.effects).toEqual([
      { type: 'notify', params: { template: 'act.to_sign', toUserIds: ['u-security'], data: NOTICE } },
    ]);
  });

  it('R-5.2.3: the officer, then the director; the director first, or anyone else, is NOT_YOUR_TURN', () => {
    const a = walkTo('awaiting_signatures');
    for (const who of [DIRECTOR, SUPPORT, TEACHER]) {
      const r = a.sign(who);
      expect(r.refusal).toEqual(NOT_YOUR_TURN);
      expect(r.cites).toBe('NOT_YOUR_TURN');
    }
    const first = a.sign(OFFICER);
    expect(first.accepted).toBe(true);
    expect(first.effects).toEqual([
      { type: 'notify', params: { template: 'act.to_sign', toUserIds: ['u-director'], data: NOTICE } },
    ]);
    expect(a.sign(OFFICER).refusal).toEqual(NOT_YOUR_TURN);
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.signers.map((s) => s.revision)).toEqual([2, null]);
  });

  it('R-5.2.3: the last signature closes the case for good, stops the report clock and tells the desks and the reporter', () => {
    const a = walkTo('awaiting_signatures');
    a.sign(OFFICER);
    const last = a.sign(DIRECTOR);
    expect(last.accepted).toBe(true);
    expect(a.snapshot.value).toBe('closed');
    expect(a.snapshot.status).toBe('done');
    expect(a.snapshot.context).toMatchObject({
      step: null,
      completedAt: '2026-11-26T05:08:00.000Z',
      pdf: { revision: 3, sha256: sha('b') },
    });
    expect(last.effects).toEqual([
      cancel('step-5'),
      {
        type: 'notify',
        params: {
          template: 'act.completed',
          toRoles: ['security_officer', 'tech_support'],
          toUserIds: ['u-teacher'],
          data: NOTICE,
        },
      },
    ]);
    // A closed case takes nothing more.
    expect(a.sign(DIRECTOR).accepted).toBe(false);
    expect(a.triage().accepted).toBe(false);
  });
});

describe('R-5.2.3: events out of order are EVENT_NOT_ACCEPTED', () => {
  it.each([
    ['reported', 'CONTAIN'],
    ['reported', 'INVESTIGATE'],
    ['reported', 'SUBMIT_REPORT'],
    ['triaged', 'TRIAGE'],
    ['triaged', 'INVESTIGATE'],
    ['contained', 'REMEDIATE'],
    ['contained', 'CONTAIN'],
    ['investigated', 'SUBMIT_REPORT'],
    ['remediated', 'RENDERED'],
    ['remediated', 'SIGN'],
    ['rendering', 'SIGN'],
    ['rendering', 'SUBMIT_REPORT'],
    ['awaiting_signatures', 'RENDERED'],
  ])('R-5.2.3: in %s, %s', (state, type) => {
    const a = walkTo(state);
    const send: Record<string, () => ReturnType<typeof a.send>> = {
      TRIAGE: () => a.triage(),
      CONTAIN: () => a.contain(),
      INVESTIGATE: () => a.investigate(),
      REMEDIATE: () => a.remediate(),
      SUBMIT_REPORT: () => a.submit(),
      RENDERED: () => a.render(),
      SIGN: () => a.sign(OFFICER),
    };
    const r = send[type]();
    expect(r.accepted).toBe(false);
    expect(r.refusal).toEqual({ kind: 'not_handled' });
    expect(r.cites).toBe('EVENT_NOT_ACCEPTED');
    expect(a.snapshot.value).toBe(state);
  });
});

describe('R-5.2.3: a missed step limit escalates to the director', () => {
  it('R-5.2.3: the current step’s alarm escalates it once: the director and the officer are told, the step is marked', () => {
    const a = walk();
    const r = a.overdue('step-1');
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('reported');
    expect(r.effects).toEqual([
      {
        type: 'notify',
        params: {
          template: 'breach.step_overdue',
          toRoles: ['director', 'security_officer'],
          data: { caseId: 'case-1', number: 'Б-1/2026', step: 'triage', dueAt: '2026-11-26T08:30:00.000Z' },
        },
      },
    ]);
    expect(a.snapshot.context.step).toEqual({
      name: 'triage',
      key: 'step-1',
      dueAt: '2026-11-26T08:30:00.000Z',
      escalated: true,
    });
    // A repeated alarm of the same step tells nobody again.
    const again = a.overdue('step-1');
    expect(again.refusal).toEqual(STALE);
    expect(again.effects).toEqual([]);
    expect(a.snapshot.context.step).toMatchObject({ key: 'step-1', escalated: true });
    // The next step starts on its own clock, not escalated.
    a.triage();
    expect(a.snapshot.context.step).toMatchObject({ key: 'step-3', escalated: false });
  });

  it('R-5.2.3: an alarm of a step already done is STALE_DEADLINE, and changes nothing', () => {
    const a = walkTo('triaged');
    const before = a.snapshot.context.step;
    const r = a.overdue('step-1');
    expect(r.accepted).toBe(false);
    expect(r.refusal).toEqual(STALE);
    expect(r.cites).toBe('STALE_DEADLINE');
    expect(r.effects).toEqual([]);
    expect(a.snapshot.context.step).toEqual(before);
  });

  it.each([
    'reported',
    'triaged',
    'awaiting_reset',
    'contained',
    'investigated',
    'remediated',
    'rendering',
    'awaiting_signatures',
  ])('R-5.2.3: is accepted in %s, staying there', (state) => {
    const a = walkTo(state, PORTAL_INPUT);
    const step = a.snapshot.context.step!;
    const r = a.overdue(step.key);
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe(state);
    expect(r.effects).toEqual([
      {
        type: 'notify',
        params: {
          template: 'breach.step_overdue',
          toRoles: ['director', 'security_officer'],
          data: { caseId: 'case-2', number: 'Б-2/2026', step: step.name, dueAt: step.dueAt },
        },
      },
    ]);
    expect(a.snapshot.context.step).toEqual({ ...step, escalated: true });
  });

  it('R-5.2.3: a closed case has no step to escalate', () => {
    const a = walkTo('closed');
    const r = a.overdue('step-5');
    expect(r.accepted).toBe(false);
    expect(r.effects).toEqual([]);
  });
});

describe('R-5.2.3: who sees a case (canSeeBreach)', () => {
  it('R-5.2.3: the officer, support, the director, the auditor and the system see every case', () => {
    const c = walk(NO_OWNER_INPUT).snapshot.context;
    for (const who of [OFFICER, SUPPORT, DIRECTOR, AUDITOR, SYSTEM]) expect(canSeeBreach(c, who)).toBe(true);
  });

  it('R-5.2.3: a reporter and an owner see their own case, nobody else does', () => {
    const reported = { ...INPUT, ownerId: 'u-clerk', reporterId: 'u-teacher', onBehalf: true };
    const c = walk(reported).snapshot.context;
    expect(canSeeBreach(c, TEACHER)).toBe(true);
    expect(canSeeBreach(c, CLERK)).toBe(true);
    expect(canSeeBreach(c, OTHER)).toBe(false);
    const unowned = walk(NO_OWNER_INPUT).snapshot.context;
    expect(canSeeBreach(unowned, TEACHER)).toBe(false);
    expect(canSeeBreach(unowned, CLERK)).toBe(false);
  });
});
