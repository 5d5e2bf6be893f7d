/**
 * The acceptance-transfer act walked with the pure transition() the engine uses: who creates it and
 * for whom, who marks the inventory, when it may be sent, who signs in which turn, and what the last signature
 * asks the engine to do. Every instant is written out by hand; never the clock.
 */
import { GrifError, type Actor } from '@grif/domain';
import type { PersonFact } from '../definition';
import type { ActItemEntry } from '../acts';
import { guardRefusal, holders, SCHOOL, sha, SYSTEM, user, walkAct } from '../acts/testing';
import {
  canSeeCustodyTransfer,
  custodyParties,
  custodyTransferDraft,
  custodyTransferMachine,
  custodyTransferWorkflow,
  type CustodyStore,
  type CustodyTransferInput,
} from './index';

const OUTGOING = user('u-clerk', 'records_clerk');
const INCOMING = user('u-clerk2');
const DIRECTOR = user('u-director', 'director');
const OFFICER = user('u-security', 'security_officer');
const AUDITOR = user('u-auditor', 'auditor');
const TEACHER = user('u-teacher', 'staff');

const DIRECTORS = holders('director', ['u-director', 'Айгүл Асанова']);
const CLERKS = holders('records_clerk', ['u-clerk', 'Нуржан Токтогулова']);
const CLERK2: PersonFact = { kind: 'person', id: 'u-clerk2', displayName: 'Азамат Исаков', clearances: [] };

const item = (
  documentId: string,
  itemKind: ActItemEntry['itemKind'],
  copyOfId: string | null = null,
): ActItemEntry => ({
  documentId,
  regNumber: itemKind === 'carrier' ? `USB №${documentId}` : `К-${documentId}/2026`,
  title: `Нерсе ${documentId}`,
  itemKind,
  copyOfId,
  fileIndex: null,
  present: null,
});
const ITEMS = [item('d1', 'document'), item('d2', 'document'), item('c1', 'copy', 'd1'), item('m1', 'carrier')];

const INPUT: CustodyTransferInput = {
  actId: 'act-t1',
  number: 'Т-1/2026',
  year: 2026,
  createdAt: '2026-11-26T04:00:00.000Z',
  createdBy: 'u-director',
  order: { number: '№12-к', date: '2026-11-25' },
  outgoingClerkId: 'u-clerk',
  incomingClerkId: 'u-clerk2',
  outgoingClerkName: 'Нуржан Токтогулова',
  incomingClerkName: 'Азамат Исаков',
  items: ITEMS,
};

/** One act, walked with the pure transition() (workflows/acts/testing.ts), plus the steps of a transfer. */
function act(input: CustodyTransferInput = INPUT) {
  const a = walkAct(custodyTransferMachine, custodyTransferWorkflow, input);
  const markAll = (present: (id: string) => boolean) =>
    a.snapshot.context.items.forEach((i, n) =>
      a.send('MARK', { documentId: i.documentId, present: present(i.documentId) }, n % 2 ? INCOMING : OUTGOING),
    );
  const submit = (by: Actor = DIRECTOR) => a.send('SUBMIT', {}, by, { 'holders:director': DIRECTORS });
  return Object.assign(a, { markAll, submit });
}

describe('R-4.2.6: who starts an acceptance-transfer act, and for whom', () => {
  const payload = { incomingClerkId: 'u-clerk2', order: { number: '№12-к', date: '2026-11-25' } };

  it('the records clerk in office hands over to the person the order names', () => {
    expect(
      custodyParties(payload, {
        'holders:records_clerk': CLERKS,
        'holders:director': DIRECTORS,
        incomingClerkId: CLERK2,
      }),
    ).toEqual({
      outgoing: { id: 'u-clerk', displayName: 'Нуржан Токтогулова' },
      incoming: { id: 'u-clerk2', displayName: 'Азамат Исаков' },
    });
  });

  it('refuses ALREADY_CLERK when the person named already is the records clerk', () => {
    const facts = { 'holders:records_clerk': CLERKS, incomingClerkId: { ...CLERK2, id: 'u-clerk' } };
    expect(() => custodyParties({ ...payload, incomingClerkId: 'u-clerk' }, facts)).toThrow(
      expect.objectContaining({ code: 'ALREADY_CLERK' }),
    );
  });

  it('refuses citing R-4.2.6 when there is no records clerk to hand over', () => {
    const refusal = (() => {
      try {
        custodyParties(payload, { 'holders:records_clerk': holders('records_clerk'), incomingClerkId: CLERK2 });
      } catch (err) {
        return err as GrifError;
      }
    })();
    expect(refusal).toBeInstanceOf(GrifError);
    expect(refusal).toMatchObject({ code: 'RULE_VIOLATION', details: { rule: 'R-4.2.6' } });
  });

  it('numbers the act with its letter Т in its own series and lists the whole inventory, unmarked', async () => {
    const series: string[] = [];
    const store: CustodyStore = {
      nextJournalNumber: async (_school, year, direction) => {
        series.push(`${direction}@${year}`);
        return 4;
      },
      custodyInventory: async () => ITEMS,
      openActs: async () => 0,
    };
    const draft = custodyTransferDraft(SCHOOL, 'u-director');
    const input = await draft.input(
      store,
      new Date('2026-12-31T19:00:00Z'), // already 1 January 2027 in Bishkek
      payload,
      { 'holders:records_clerk': CLERKS, 'holders:director': DIRECTORS, incomingClerkId: CLERK2 },
      'act-t9',
    );
    expect(series).toEqual(['act:custody_transfer@2027']);
    expect(input).toMatchObject({
      actId: 'act-t9',
      number: 'Т-4/2027',
      order: payload.order,
      outgoingClerkId: 'u-clerk',
      incomingClerkId: 'u-clerk2',
      outgoingClerkName: 'Нуржан Токтогулова',
      incomingClerkName: 'Азамат Исаков',
      items: ITEMS,
    });
    expect(draft.describe(act(input).snapshot.context)).toEqual({ number: 'Т-4/2027' });
  });

  it('only the director starts one; creating it asks for nothing', () => {
    expect(custodyTransferWorkflow).toMatchObject({ creatorRoles: ['director'], creatorRule: 'R-4.2.6' });
    const a = act();
    expect(a.snapshot.value).toBe('inventory');
    expect(a.created).toEqual([]);
    expect(a.snapshot.context).toMatchObject({ signers: [], pdf: null, order: INPUT.order });
  });
});

describe('R-4.2.6: the two clerks mark the inventory', () => {
  it('either clerk marks an item present or missing, and may change the mark', () => {
    const a = act();
    expect(a.send('MARK', { documentId: 'd1', present: false }, OUTGOING).accepted).toBe(true);
    expect(a.send('MARK', { documentId: 'd1', present: true }, INCOMING).accepted).toBe(true);
    expect(a.send('MARK', { documentId: 'm1', present: false }, INCOMING).accepted).toBe(true);
    expect(a.snapshot.context.items.map((i) => [i.documentId, i.present])).toEqual([
      ['d1', true],
      ['d2', null],
      ['c1', null],
      ['m1', false],
    ]);
  });

  it('nobody else marks, not even the director (R-4.2.6)', () => {
    const a = act();
    for (const who of [DIRECTOR, OFFICER, TEACHER]) {
      const r = a.send('MARK', { documentId: 'd1', present: true }, who);
      expect(r.accepted).toBe(false);
      expect(r.refusal).toEqual(guardRefusal('clerkOfAct', { rule: 'R-4.2.6' }));
    }
  });

  it('an item not in the act is ITEM_NOT_IN_ACT', () => {
    const r = act().send('MARK', { documentId: 'elsewhere', present: true }, OUTGOING);
    expect(r.refusal).toEqual(guardRefusal('itemListed', { code: 'ITEM_NOT_IN_ACT' }));
  });
});

describe('R-4.2.6: sending the act for signatures', () => {
  it('is refused ITEMS_UNMARKED until every item is marked', () => {
    const a = act();
    a.send('MARK', { documentId: 'd1', present: true }, OUTGOING);
    expect(a.submit().refusal).toEqual(guardRefusal('allMarked', { code: 'ITEMS_UNMARKED' }));
  });

  it('is sent by a clerk of the act or the director, nobody else', () => {
    const a = act();
    a.markAll(() => true);
    for (const who of [OFFICER, AUDITOR, TEACHER])
      expect(a.submit(who).refusal).toEqual(guardRefusal('partyOfAct', { rule: 'R-4.2.6' }));
    for (const who of [OUTGOING, INCOMING, DIRECTOR]) {
      const b = act();
      b.markAll(() => true);
      expect(b.submit(who).accepted).toBe(true);
    }
  });

  it('needs a director to sign last', () => {
    const a = act();
    a.markAll(() => true);
    const r = a.send('SUBMIT', {}, OUTGOING, { 'holders:director': holders('director') });
    expect(r.refusal).toEqual(guardRefusal('hasDirector', { rule: 'R-4.2.6' }));
  });

  it('asks for the rendering, with the outgoing clerk, the incoming clerk and the director to sign in turn', () => {
    const a = act();
    a.markAll(() => true);
    const r = a.submit(INCOMING);
    expect(r.effects).toEqual([{ type: 'renderAct', params: {} }]);
    expect(a.snapshot.value).toBe('rendering');
    expect(a.snapshot.context.signers.map((s) => [s.userId, s.name, s.role, s.turn, s.signedAt])).toEqual([
      ['u-clerk', 'Нуржан Токтогулова', 'outgoing_clerk', 1, null],
      ['u-clerk2', 'Азамат Исаков', 'incoming_clerk', 2, null],
      ['u-director', 'Айгүл Асанова', 'director', 3, null],
    ]);
    // Marks are closed once the act is sent.
    expect(a.send('MARK', { documentId: 'd1', present: false }, OUTGOING).refusal).toEqual({ kind: 'not_handled' });
    expect(a.send('SIGN', { revision: 2, sha256: sha('b'), certificateSha256: sha('c') }, OUTGOING).accepted).toBe(
      false,
    );
    const rendered = a.render();
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.pdf).toEqual({ revision: 1, sha256: sha('a') });
    expect(rendered.effects).toEqual([
      {
        type: 'notify',
        params: {
          template: 'act.to_sign',
          toUserIds: ['u-clerk'],
          data: { actId: 'act-t1', actNumber: 'Т-1/2026', kind: 'custody_transfer' },
        },
      },
    ]);
  });
});

describe('R-4.2.6: signatures in turn, and what the last one does', () => {
  /** d2 and the copy found missing; d1 and the carrier present. */
  function rendered() {
    const a = act();
    a.markAll((id) => id === 'd1' || id === 'm1');
    a.submit();
    a.render();
    return a;
  }
  const notice = { actId: 'act-t1', actNumber: 'Т-1/2026', kind: 'custody_transfer' };

  it('outgoing clerk, then incoming clerk, then the director; anyone out of turn is NOT_YOUR_TURN', () => {
    const a = rendered();
    for (const who of [INCOMING, DIRECTOR, OFFICER])
      expect(a.sign(who).refusal).toEqual(guardRefusal('signersTurn', { code: 'NOT_YOUR_TURN' }));
    const first = a.sign(OUTGOING);
    expect(first.accepted).toBe(true);
    expect(first.effects).toEqual([
      { type: 'notify', params: { template: 'act.to_sign', toUserIds: ['u-clerk2'], data: notice } },
    ]);
    expect(a.sign(OUTGOING).refusal).toEqual(guardRefusal('signersTurn', { code: 'NOT_YOUR_TURN' }));
    expect(a.sign(DIRECTOR).refusal).toEqual(guardRefusal('signersTurn', { code: 'NOT_YOUR_TURN' }));
    expect(a.sign(INCOMING).accepted).toBe(true);
    expect(a.snapshot.value).toBe('awaiting_signatures');
    expect(a.snapshot.context.signers.map((s) => s.revision)).toEqual([2, 3, null]);
  });

  it('the last signature moves custody of the present items, switches the appointment and reports the missing', () => {
    const a = rendered();
    a.sign(OUTGOING);
    a.sign(INCOMING);
    const last = a.sign(DIRECTOR);
    expect(a.snapshot.value).toBe('completed');
    expect(a.snapshot.status).toBe('done');
    expect(a.snapshot.context.completedAt).toEqual(expect.any(String));
    expect(a.snapshot.context.pdf).toEqual({ revision: 4, sha256: sha('b') });
    expect(last.effects).toEqual([
      {
        type: 'forwardTo',
        params: {
          instanceIds: ['d1'],
          event: 'CUSTODY_TRANSFERRED',
          payload: { actId: 'act-t1', actNumber: 'Т-1/2026', toUserId: 'u-clerk2' },
          skipDone: true,
        },
      },
      {
        type: 'transferCustody',
        params: { fromUserId: 'u-clerk', toUserId: 'u-clerk2', order: INPUT.order, carrierIds: ['m1'] },
      },
      {
        type: 'notify',
        params: {
          template: 'act.items_missing',
          toRoles: ['security_officer'],
          data: {
            ...notice,
            items: [
              { documentId: 'd2', regNumber: 'К-d2/2026', title: 'Нерсе d2', itemKind: 'document' },
              { documentId: 'c1', regNumber: 'К-c1/2026', title: 'Нерсе c1', itemKind: 'copy' },
            ],
          },
        },
      },
      {
        type: 'notify',
        params: {
          template: 'act.completed',
          toUserIds: ['u-clerk', 'u-clerk2'],
          toRoles: ['security_officer'],
          data: notice,
        },
      },
    ]);
    // A signed act cannot change.
    expect(a.send('REJECT', { reason: 'кеч' }, DIRECTOR).accepted).toBe(false);
  });

  it('with nothing missing, the officer is told only that the act is completed', () => {
    const a = act();
    a.markAll(() => true);
    a.submit();
    a.render();
    a.sign(OUTGOING);
    a.sign(INCOMING);
    const templates = a
      .sign(DIRECTOR)
      .effects.filter((e) => e.type === 'notify')
      .map((e) => (e.params as { template: string }).template);
    expect(templates).toEqual(['act.completed']);
  });
});

describe('R-4.2.6: rejecting the act, and who sees it', () => {
  it('the director or either clerk rejects it, at any step before it is completed; nobody else', () => {
    const a = act();
    expect(a.send('REJECT', { reason: 'тизме толук эмес' }, OFFICER).refusal).toEqual(
      guardRefusal('partyOfAct', { rule: 'R-4.2.6' }),
    );
    const r = a.send('REJECT', { reason: 'тизме толук эмес' }, INCOMING);
    expect(r.accepted).toBe(true);
    expect(a.snapshot.value).toBe('rejected');
    expect(a.snapshot.context.rejected).toMatchObject({ reason: 'тизме толук эмес', by: 'u-clerk2' });
    expect(r.effects.map((e) => e.type)).toEqual(['notify']);

    const b = act();
    b.markAll(() => true);
    b.submit();
    b.render();
    b.sign(OUTGOING);
    expect(b.send('REJECT', { reason: 'буйрук жокко чыгарылды' }, DIRECTOR).accepted).toBe(true);
    expect(b.snapshot.value).toBe('rejected');
  });

  it('the records office, the officer, the director and the auditor see it; the incoming clerk too, with no role', () => {
    const c = act().snapshot.context;
    for (const who of [OUTGOING, INCOMING, DIRECTOR, OFFICER, AUDITOR, SYSTEM])
      expect(canSeeCustodyTransfer(c, who)).toBe(true);
    expect(canSeeCustodyTransfer(c, TEACHER)).toBe(false);
  });
});
