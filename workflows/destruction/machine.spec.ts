/**
 * The destruction act (R-4.1d) walked with the pure transition() the engine uses: which documents a draft may
 * list, how it is numbered, what may be withdrawn, when it may be sent, who signs in which turn, and what the
 * last signature asks the engine to do. Every instant is written out by hand; never the clock.
 */
import { GrifError, type Actor } from '@grif/domain';
import type { DocumentFact, Fact } from '../definition';
import type { ActItemEntry } from '../acts';
import { guardRefusal, holders, SCHOOL, sha, SYSTEM, user, walkAct } from '../acts/testing';
import {
  destructionDraft,
  destructionItems,
  destructionMachine,
  destructionWorkflow,
  type ActNumbering,
  type DestructionInput,
} from './index';

const CLERK = user('u-clerk', 'records_clerk', 'commission_member');
const CHAIR = user('u-security', 'security_officer', 'commission_member');
const SUPPORT = user('u-support', 'commission_member');
const MEMBER4 = user('u-member4', 'commission_member');
const DIRECTOR = user('u-director', 'director');
const TEACHER = user('u-teacher', 'staff');

/** The standing commission, in the order of its appointment: the chair first. */
const CHAIR_NAME: [string, string] = ['u-security', 'Бакыт Мамытов'];
const CLERK_NAME: [string, string] = ['u-clerk', 'Нуржан Токтогулова'];
const SUPPORT_NAME: [string, string] = ['u-support', 'Эрмек Абдыкадыров'];
const DIRECTOR_NAME: [string, string] = ['u-director', 'Айгүл Асанова'];
const COMMISSION = holders('commission_member', CHAIR_NAME, CLERK_NAME, SUPPORT_NAME);
const DIRECTORS = holders('director', DIRECTOR_NAME);
const QUORUM = { 'holders:commission_member': COMMISSION, 'holders:director': DIRECTORS };

// --- what the engine looks up for the listed documents ---------------------------------------------------

/** A file of 2021 kept three years: its documents may go from 1 January 2025 (R-4.1d). */
const FILE_2021 = { index: '01-05', year: 2021, retentionYears: 3 };
const doc = (id: string, over: Partial<DocumentFact> = {}): DocumentFact => ({
  kind: 'document',
  id,
  regNumber: `К-${id}/2021`,
  title: `Кат ${id}`,
  state: 'in_storage',
  copyOfId: null,
  liveCopyIds: [],
  inActId: null,
  file: FILE_2021,
  ...over,
});
const listed = (...docs: DocumentFact[]): Fact => ({ kind: 'list', items: docs });
/** d1 with its live copy c1, and d2 without copies. */
const D1 = doc('d1', { liveCopyIds: ['c1'] });
const C1 = doc('c1', { copyOfId: 'd1', regNumber: 'К-d1/2021-1' });
const D2 = doc('d2');

/** The refusal a call throws, or undefined. */
function thrown(fn: () => unknown): GrifError | undefined {
  try {
    fn();
  } catch (err) {
    return err as GrifError;
  }
  return undefined;
}
const refusedFields = (err: GrifError | undefined) => err?.details.fields?.map((f) => f.field);

// --- one act ---------------------------------------------------------------------------------------------

const line = (d: DocumentFact): ActItemEntry => ({
  documentId: d.id,
  regNumber: d.regNumber,
  title: d.title,
  itemKind: d.copyOfId ? 'copy' : 'document',
  copyOfId: d.copyOfId,
  fileIndex: d.file?.index ?? null,
  present: null,
});
const INPUT: DestructionInput = {
  actId: 'act-d1',
  number: 'Ж-1/2026',
  year: 2026,
  createdAt: '2026-11-26T04:00:00.000Z',
  createdBy: 'u-clerk',
  items: [line(D1), line(D2), line(C1)],
};
const NOTICE = { actId: 'act-d1', actNumber: 'Ж-1/2026', kind: 'destruction' };
const REFUSED_BY_RULE = guardRefusal('commissionQuorum', { rule: 'R-4.1d' });
const NOT_YOUR_TURN = guardRefusal('signersTurn', { code: 'NOT_YOUR_TURN' });

/** One act, walked with the pure transition() (workflows/acts/testing.ts), plus the steps of a destruction. */
function act(input: DestructionInput = INPUT) {
  const a = walkAct(destructionMachine, destructionWorkflow, input);
  const submit = (facts: Record<string, Fact> = QUORUM, by: Actor = CLERK) => a.send('SUBMIT', {}, by, facts);
  const withdraw = (documentId: string) => a.send('WITHDRAW_ITEM', { documentId }, CLERK);
  const reject = (by: Actor, reason = 'тизме туура эмес') => a.send('REJECT', { reason }, by);
  return Object.assign(a, { submit, withdraw, reject });
}
function rendered() {
  const a = act();
  a.submit();
  a.render();
  return a;
}

describe('R-4.1d: which documents a destruction act may list (destructionItems)', () => {
  it('R-4.1d: refuses a document that is not in storage', () => {
    const err = thrown(() => destructionItems(listed(doc('d3', { state: 'issued' })), '2026-11-26'));
    expect(err).toBeInstanceOf(GrifError);
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(err?.details.fields).toEqual([{ field: 'documentIds.0', message: 'К-d3/2021: not in storage (issued)' }]);
  });

  it('R-4.1d: refuses a document already in another act', () => {
    const err = thrown(() => destructionItems(listed(doc('d3', { inActId: 'act-other' })), '2026-11-26'));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(err?.details.fields).toEqual([
      { field: 'documentIds.0', message: 'К-d3/2021: already in a destruction act' },
    ]);
  });

  it('R-4.1d: refuses it the day before its retention runs out, accepts it on the day', () => {
    const err = thrown(() => destructionItems(listed(D2), '2024-12-31'));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(err?.details.fields).toEqual([
      { field: 'documentIds.0', message: 'К-d2/2021: retention runs out 2025-01-01' },
    ]);
    expect(destructionItems(listed(D2), '2025-01-01')).toEqual([line(D2)]);
  });

  it('R-4.1d: refuses a document of a permanent file, and one filed nowhere', () => {
    const permanent = doc('d4', { file: { index: '01-01', year: 2001, retentionYears: null } });
    const unfiled = doc('d5', { file: null });
    const err = thrown(() => destructionItems(listed(permanent, unfiled), '2099-01-01'));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(err?.details.fields).toEqual([
      { field: 'documentIds.0', message: 'К-d4/2021: retention runs out never (permanent or unfiled)' },
      { field: 'documentIds.1', message: 'К-d5/2021: retention runs out never (permanent or unfiled)' },
    ]);
  });

  it('R-4.1d: refuses an original whose live copy is not listed', () => {
    const err = thrown(() => destructionItems(listed(D1, D2), '2026-11-26'));
    expect(err).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(err?.details.fields).toEqual([{ field: 'documentIds.0', message: 'К-d1/2021: 1 copy(ies) not in the act' }]);
  });

  it('R-4.1d: names every offending document, each by its place in the list, and refuses the whole list', () => {
    const err = thrown(() =>
      destructionItems(
        listed(D2, doc('d3', { state: 'issued' }), D1, doc('d4', { inActId: 'act-other' }), doc('d5', { file: null })),
        '2026-11-26',
      ),
    );
    expect(refusedFields(err)).toEqual(['documentIds.1', 'documentIds.2', 'documentIds.3', 'documentIds.4']);
  });

  it('R-4.1d: accepts an original with all its copies, originals first, each line with its kind, original and file', () => {
    const items = destructionItems(listed(C1, D1, D2), '2026-11-26');
    expect(items).toEqual([
      {
        documentId: 'd1',
        regNumber: 'К-d1/2021',
        title: 'Кат d1',
        itemKind: 'document',
        copyOfId: null,
        fileIndex: '01-05',
        present: null,
      },
      {
        documentId: 'd2',
        regNumber: 'К-d2/2021',
        title: 'Кат d2',
        itemKind: 'document',
        copyOfId: null,
        fileIndex: '01-05',
        present: null,
      },
      {
        documentId: 'c1',
        regNumber: 'К-d1/2021-1',
        title: 'Кат c1',
        itemKind: 'copy',
        copyOfId: 'd1',
        fileIndex: '01-05',
        present: null,
      },
    ]);
  });
});

describe('R-4.1d: drafting a destruction act (destructionDraft)', () => {
  /** The numbering store: records which series of which year was asked, and answers 4. */
  function numbering() {
    const asked: string[] = [];
    const numbers: ActNumbering = {
      nextJournalNumber: async (school, year, series) => {
        asked.push(`${school}:${series}@${year}`);
        return 4;
      },
    };
    return { asked, numbers };
  }
  /** A file of 2023 kept three years: its documents may go from 1 January 2027. */
  const D6 = doc('d6', { file: { index: '02-03', year: 2023, retentionYears: 3 } });

  it("R-4.1d: numbers the act Ж-<n>/<year> in the series act:destruction of the school's year (2026-12-31T20:00Z is 2027 in Bishkek)", async () => {
    const { asked, numbers } = numbering();
    const draft = destructionDraft(SCHOOL, 'u-clerk');
    const input = await draft.input(
      numbers,
      new Date('2026-12-31T20:00:00Z'), // 02:00 on 1 January 2027 in Asia/Bishkek
      { kind: 'destruction', documentIds: ['d6'] },
      { documentIds: listed(D6) },
      'act-d9',
    );
    expect(asked).toEqual(['school-35:act:destruction@2027']);
    expect(input).toEqual({
      actId: 'act-d9',
      number: 'Ж-4/2027',
      year: 2027,
      createdAt: '2026-12-31T20:00:00.000Z',
      createdBy: 'u-clerk',
      items: [line(D6)],
    });
    expect(draft.describe(act(input).snapshot.context)).toEqual({ number: 'Ж-4/2027' });
  });

  it("R-4.1d: judges retention on the school's day: at 23:00 on 31 December in Bishkek a file due on 1 January is refused", async () => {
    const { asked, numbers } = numbering();
    const at = new Date('2026-12-31T17:00:00Z'); // 23:00 on 31 December 2026 in Asia/Bishkek
    const input = destructionDraft(SCHOOL, 'u-clerk').input(numbers, at, {}, { documentIds: listed(D6) }, 'act-d9');
    await expect(input).rejects.toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.1d' } });
    expect(asked).toEqual(['school-35:act:destruction@2026']);
  });

  it('R-4.1d: only the records clerk drafts one, listing documents', () => {
    expect(destructionWorkflow).toMatchObject({
      creatorRoles: ['records_clerk'],
      creatorRule: 'R-4.1d',
      createLookups: { documentIds: 'document' },
    });
  });
});

describe('R-4.1d: the draft', () => {
  it('R-4.1d: creating the act puts every listed item into it (INCLUDE_IN_ACT), so none is issued, copied or sent', () => {
    const a = act();
    expect(a.snapshot.value).toBe('draft');
    expect(a.snapshot.context).toMatchObject({
      kind: 'destruction',
      actId: 'act-d1',
      number: 'Ж-1/2026',
      signers: [],
      pdf: null,
      rejected: null,
      completedAt: null,
    });
    expect(a.created).toEqual([
      {
        type: 'forwardTo',
        params: {
          instanceIds: ['d1', 'd2', 'c1'],
          event: 'INCLUDE_IN_ACT',
          payload: { actId: 'act-d1', actNumber: 'Ж-1/2026' },
        },
      },
    ]);
  });

  it('withdraws only an item the act lists (ITEM_NOT_IN_ACT)', () => {
    const a = act();
    const r = a.withdraw('elsewhere');
    expect(r.accepted).toBe(false);
    expect(r.refusal).toEqual(guardRefusal('itemListed', { code: 'ITEM_NOT_IN_ACT' }));
    expect(r.cites).toBe('ITEM_NOT_IN_ACT');
  });

  it('R-4.1d: never withdraws a copy while its original stays in the act', () => {
    const a = act();
    const r = a.withdraw('c1');
    expect(r.refusal).toEqual(guardRefusal('copyLeavesWithOriginal', { rule: 'R-4.1d' }));
    expect(r.cites).toBe('R-4.1d');
    expect(a.snapshot.context.items.map((i) => i.documentId)).toEqual(['d1', 'd2', 'c1']);
  });

  it('R-4.1d: withdraws an original while its copy stays, releasing that item only; then the copy may go', () => {
    const a = act();
    const r = a.withdraw('d1');
    expect(r.accepted).toBe(true);
    expect(r.effects).toEqual([
      { type: 'forwardTo', params: { instanceIds: ['d1'], event: 'RELEASE_FROM_ACT', payload: { actId: 'act-d1' } } },
    ]);
    expect(a.snapshot.context.items.map((i) => i.documentId)).toEqual(['d2', 'c1']);
    expect(a.snapshot.value).toBe('draft');

    const copy = a.withdraw('c1');
    expect(copy.accepted).toBe(true);
    expect(copy.effects).toEqual([
      { type: 'forwardTo', params: { instanceIds: ['c1'], event: 'RELEASE_FROM_ACT', payload: { actId: 'act-d1' } } },
    ]);
    expect(a.snapshot.context.items.map((i) => i.documentId)).toEqual(['d2']);
  });

  it('never withdraws the last item (ACT_EMPTY)', () => {
    const a = act();
    a.withdraw('d1');
    a.withdraw('c1');
    const r = a.withdraw('d2');
    expect(r.refusal).toEqual(guardRefusal('keepsOneItem', { code: 'ACT_EMPTY' }));
    expect(r.cites).toBe('ACT_EMPTY');
    expect(a.snapshot.context.items.map((i) => i.documentId)).toEqual(['d2']);
  });

  it('R-4.1d: only the records clerk withdraws items and sends the act; the commission and the director sign', () => {
    expect(destructionWorkflow.events.WITHDRAW_ITEM).toMatchObject({ roles: ['records_clerk'], roleRule: 'R-4.1d' });
    expect(destructionWorkflow.events.SUBMIT).toMatchObject({
      roles: ['records_clerk'],
      roleRule: 'R-4.1d',
      roleHolders: ['commission_member', 'director'],
    });
    expect(destructionWorkflow.events.SIGN).toMatchObject({
      roles: ['commission_member', 'director'],
      roleRule: 'R-4.1d',
    });
    expect(destructionWorkflow.events.RENDERED).toMatchObject({ roles: 'system' });
  });
});

describe('R-4.1d: sending the act for signatures', () => {
  it('R-4.1d: is refused with fewer than three commission members', () => {
    const a = act();
    const r = a.submit({
      'holders:commission_member': holders('commission_member', CHAIR_NAME, CLERK_NAME),
      'holders:director': DIRECTORS,
    });
    expect(r.accepted).toBe(false);
    expect(r.refusal).toEqual(REFUSED_BY_RULE);
    expect(r.cites).toBe('R-4.1d');
    expect(a.snapshot.value).toBe('draft');
  });

  it('R-4.1d: is refused when one of three members is the director, who is not counted in the commission', () => {
    const r = act().submit({
      'holders:commission_member': holders('commission_member', CHAIR_NAME, CLERK_NAME, DIRECTOR_NAME),
      'holders:director': DIRECTORS,
    });
    expect(r.refusal).toEqual(REFUSED_BY_RULE);
  });

  it('R-4.1d: is refused without a director to sign last', () => {
    const r = act().submit({ 'holders:commission_member': COMMISSION, 'holders:director': holders('director') });
    expect(r.refusal).toEqual(guardRefusal('hasDirector', { rule: 'R-4.1d' }));
    expect(r.cites).toBe('R-4.1d');
  });

  it('R-4.1d: with a quorum, asks for the rendering; the commission signs first in order of appointment, the director last', () => {
    const a = act();
    const r = a.submit({
      'holders:commission_member': holders('commission_member', CHAIR_NAME, DIRECTOR_NAME, CLERK_NAME, SUPPORT_NAME),
      'holders:director': DIRECTORS,
    });
    expect(r.accepted).toBe(true);
    expect(r.effects).toEqual([{ type: 'renderAct', params: {} }]);
    expect(a.snapshot.value).toBe('rendering');
    expect(a.snapshot.context.signers).toEqual(
      [
        { userId: 'u-security', name: 'Бакыт Мамытов', role: 'commission_member', turn: 1 },
        { userId: 'u-clerk', name: 'Нуржан Токтогулова', role: 'commission_member', turn: 1 },
        { userId: 'u-support', name: 'Эрмек Абдыкадыров', role: 'commission_member', turn: 1 },
        { userId: 'u-director', name: 'Айгүл Асанова', role: 'director', turn: 2 },
      ].map((s) => ({ ...s, signedAt: null, revision: null, sha256: null, certificateSha256: null })),
    );
  });

  it('R-4.1d: once sent, the list is closed and nobody signs before the act is rendered', () => {
    const a = act();
    a.submit();
    for (const r of [a.withdraw('d2'), a.submit(), a.sign(CHAIR)]) {
      expect(r.accepted).toBe(false);
      expect(r.cites).toBe('EVENT_NOT_ACCEPTED');
    }
    expect(a.snapshot.value).toBe('rendering');
  });

  it('R-4.1d: once rendered, the act awaits signatures and asks every commission member to sign', () => {
    const a = act();
    a.submit();
    const r = a.render();
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.pdf).toEqual({ revision: 1, sha256: sha('a') });
    expect(r.effects).toEqual([
      {
        type: 'notify',
        params: { template: 'act.to_sign', toUserIds: ['u-security', 'u-clerk', 'u-support'], data: NOTICE },
      },
    ]);
  });
});

describe('R-4.1d: signatures in turn, and what the last one does', () => {
  it('R-4.1d: the director before the commission, a non-signer, and a signer twice are NOT_YOUR_TURN', () => {
    const a = rendered();
    for (const who of [DIRECTOR, TEACHER, MEMBER4, SYSTEM]) {
      const r = a.sign(who);
      expect(r.refusal).toEqual(NOT_YOUR_TURN);
      expect(r.cites).toBe('NOT_YOUR_TURN');
    }
    expect(a.sign(SUPPORT).accepted).toBe(true);
    expect(a.sign(SUPPORT).refusal).toEqual(NOT_YOUR_TURN);
    expect(a.sign(DIRECTOR).refusal).toEqual(NOT_YOUR_TURN);
    expect(a.snapshot.context.signers.filter((s) => s.signedAt).map((s) => s.userId)).toEqual(['u-support']);
  });

  it('R-4.1d: the commission signs in any order; each signature records when, the revision it made, its digest and certificate, and moves the PDF', () => {
    const a = rendered();
    const last = a.sign(SUPPORT, { sha256: sha('1'), certificateSha256: sha('e') });
    expect(a.snapshot.context.pdf).toEqual({ revision: 2, sha256: sha('1') });
    // The others were asked when the turn opened; one signature does not ask them again.
    expect(last.effects).toEqual([]);
    const chair = a.sign(CHAIR, { sha256: sha('2'), certificateSha256: sha('f') });
    expect(a.snapshot.context.pdf).toEqual({ revision: 3, sha256: sha('2') });
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(
      a.snapshot.context.signers.map((s) => [s.userId, s.signedAt, s.revision, s.sha256, s.certificateSha256]),
    ).toEqual([
      ['u-security', chair.at, 3, sha('2'), sha('f')],
      ['u-clerk', null, null, null, null],
      ['u-support', last.at, 2, sha('1'), sha('e')],
      ['u-director', null, null, null, null],
    ]);
  });

  it('R-4.1d: after the whole commission, the director is asked to sign', () => {
    const a = rendered();
    a.sign(CLERK);
    a.sign(CHAIR);
    const r = a.sign(SUPPORT);
    expect(r.accepted).toBe(true);
    expect(r.effects).toEqual([
      { type: 'notify', params: { template: 'act.to_sign', toUserIds: ['u-director'], data: NOTICE } },
    ]);
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.pdf?.revision).toBe(4);
  });

  it("R-4.1d: the director's signature completes the act and destroys every listed document and copy at once", () => {
    const a = rendered();
    a.sign(CHAIR);
    a.sign(SUPPORT);
    a.sign(CLERK);
    const r = a.sign(DIRECTOR, { sha256: sha('9'), certificateSha256: sha('d') });
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('completed');
    expect(a.snapshot.status).toBe('done');
    expect(a.snapshot.context.completedAt).toBe(r.at);
    expect(a.snapshot.context.pdf).toEqual({ revision: 5, sha256: sha('9') });
    expect(a.snapshot.context.signers.at(-1)).toMatchObject({
      userId: 'u-director',
      signedAt: r.at,
      revision: 5,
      sha256: sha('9'),
      certificateSha256: sha('d'),
    });
    expect(r.effects).toEqual([
      {
        type: 'forwardTo',
        params: {
          instanceIds: ['d1', 'd2', 'c1'],
          event: 'DESTROY',
          payload: { actId: 'act-d1', actNumber: 'Ж-1/2026' },
        },
      },
      {
        type: 'notify',
        params: { template: 'act.completed', toRoles: ['records_clerk', 'security_officer'], data: NOTICE },
      },
    ]);
  });
});

describe('R-4.1d: rejecting the act, and the act once final', () => {
  const releaseOf = (...instanceIds: string[]) => ({
    type: 'forwardTo',
    params: { instanceIds, event: 'RELEASE_FROM_ACT', payload: { actId: 'act-d1' } },
  });
  const rejectedNotice = (reason: string) => ({
    type: 'notify',
    params: { template: 'act.rejected', toRoles: ['records_clerk'], data: { ...NOTICE, reason } },
  });

  it('R-4.1d: a rejected draft releases every item still listed and tells the records office why', () => {
    const a = act();
    a.withdraw('d2');
    const r = a.reject(CLERK, 'мөөнөтү бүтө элек');
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('rejected');
    expect(a.snapshot.status).toBe('done');
    expect(a.snapshot.context.rejected).toEqual({ reason: 'мөөнөтү бүтө элек', by: 'u-clerk', at: r.at });
    expect(r.effects).toEqual([releaseOf('d1', 'c1'), rejectedNotice('мөөнөтү бүтө элек')]);
  });

  it('R-4.1d: an act being rendered is rejected the same way', () => {
    const a = act();
    a.submit();
    const r = a.reject(CHAIR);
    expect(a.snapshot.value).toBe('rejected');
    expect(r.effects).toEqual([releaseOf('d1', 'd2', 'c1'), rejectedNotice('тизме туура эмес')]);
  });

  it('R-4.1d: an act awaiting signatures is rejected the same way, even after some have signed', () => {
    const a = rendered();
    a.sign(CHAIR);
    a.sign(CLERK);
    a.sign(SUPPORT);
    const r = a.reject(DIRECTOR, 'комиссия кайра дайындалат');
    expect(a.snapshot.value).toBe('rejected');
    expect(a.snapshot.context.rejected).toEqual({ reason: 'комиссия кайра дайындалат', by: 'u-director', at: r.at });
    expect(r.effects).toEqual([releaseOf('d1', 'd2', 'c1'), rejectedNotice('комиссия кайра дайындалат')]);
  });

  it("R-4.1d: a commission member who is not among this act's signers cannot reject it; a director not yet signing can", () => {
    const draft = act();
    expect(draft.reject(CHAIR).cites).toBe('R-4.1d'); // no signers before SUBMIT: only the clerk
    const a = rendered();
    expect(a.reject(MEMBER4).cites).toBe('R-4.1d');
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.reject(DIRECTOR).accepted).toBe(true);
  });

  /** Every event of a destruction act, sent by whoever could send it. */
  const everyEvent = (a: ReturnType<typeof act>) => [
    a.withdraw('d2'),
    a.submit(),
    a.render(),
    a.sign(CHAIR),
    a.sign(DIRECTOR),
    a.reject(CLERK),
    a.reject(DIRECTOR),
  ];

  it('R-4.1d: a completed act cannot change: every event is EVENT_NOT_ACCEPTED', () => {
    const a = rendered();
    for (const who of [CHAIR, CLERK, SUPPORT, DIRECTOR]) a.sign(who);
    expect(a.snapshot.value).toBe('completed');
    const before = a.snapshot;
    for (const r of everyEvent(a)) {
      expect(r).toMatchObject({ accepted: false, refusal: { kind: 'not_handled' }, cites: 'EVENT_NOT_ACCEPTED' });
      expect(r.effects).toEqual([]);
    }
    expect(a.snapshot).toBe(before);
  });

  it('R-4.1d: a rejected act cannot change: every event is EVENT_NOT_ACCEPTED', () => {
    const a = act();
    a.reject(CLERK);
    const before = a.snapshot;
    for (const r of everyEvent(a)) {
      expect(r).toMatchObject({ accepted: false, cites: 'EVENT_NOT_ACCEPTED' });
      expect(r.refusal).toEqual({ kind: 'not_handled' });
    }
    expect(a.snapshot).toBe(before);
  });
});
