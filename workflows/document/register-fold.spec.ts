import {
  cabinetContentsAt,
  carriersAt,
  CUSTODY_EVENTS,
  documentAsAt,
  foldHistory,
  issueLineAsAt,
  registrationLineAsAt,
  type HistoryEvent,
} from './register-fold';

const t = (h: number) => `2026-11-24T0${h}:00:00.000Z`;
const ev = (instanceId: string, type: string, toState: string, at: string, payload: unknown = {}): HistoryEvent => ({
  instanceId,
  type,
  toState,
  at,
  payload,
});

const HISTORY: HistoryEvent[] = [
  ev('a', 'CREATE', 'registered', t(1)),
  ev('a', 'CLASSIFY', 'classified', t(2), { classification: 'official_use' }),
  ev('a', 'STORE', 'in_storage', t(3), { cabinetId: 'c1' }),
  ev('a', 'ISSUE', 'issued', t(4), { holderId: 'teacher', purpose: 'x' }),
  ev('a', 'RETURN', 'in_storage', t(6)),
  ev('copy', 'CREATE', 'in_storage', t(5), {
    copy: { classification: 'official_use', cabinet: { id: 'c1', secureRoom: true }, location: 'Каб. 12 / Шкаф 1' },
  }),
  ev('open', 'CREATE', 'registered', t(1)),
  ev('open', 'CLASSIFY', 'classified', t(2), { classification: 'open' }),
  ev('open', 'ISSUE', 'issued', t(3), { holderId: 'teacher2' }),
];
const upTo = (at: string) => HISTORY.filter((e) => e.at <= at);

describe('the register fold: documents as at a moment, from their history', () => {
  it('replays state, mark and custody of each document', () => {
    const at5 = foldHistory(upTo(t(5)));
    const inCabinet = { cabinetId: 'c1', location: null };
    expect(at5.get('a')).toEqual({
      state: 'issued',
      classification: 'official_use',
      holderId: 'teacher',
      since: t(4),
      ...inCabinet,
    });
    expect(at5.get('copy')).toEqual({
      state: 'in_storage',
      classification: 'official_use',
      holderId: null,
      since: t(5),
      ...inCabinet,
    });
    expect(foldHistory(HISTORY).get('a')).toEqual({
      state: 'in_storage',
      classification: 'official_use',
      holderId: null,
      since: t(6),
      ...inCabinet,
    });
  });

  it('a reclassification, a loss and a dispatch end or change what the history says', () => {
    const h = foldHistory([
      ev('d', 'CREATE', 'registered', t(1)),
      ev('d', 'RECLASSIFY', 'classified', t(2), { classification: 'confidential' }),
      ev('d', 'ISSUE', 'issued', t(3), { holderId: 'u' }),
      ev('d', 'REPORT_LOSS', 'lost', t(4)),
    ]);
    expect(h.get('d')).toEqual({
      state: 'lost',
      classification: 'confidential',
      holderId: null,
      since: t(4),
      cabinetId: null,
      location: null,
    });
  });

  it('a store at a free-text place replaces the cabinet, and a copy of it starts there too', () => {
    const h = foldHistory([
      ev('d', 'CREATE', 'registered', t(1)),
      ev('d', 'CLASSIFY', 'classified', t(2), { classification: 'personal_data' }),
      ev('d', 'STORE', 'in_storage', t(3), { cabinetId: 'c1' }),
      ev('d', 'STORE', 'in_storage', t(4), { location: 'Мугалимдер бөлмөсү' }),
      ev('k', 'CREATE', 'in_storage', t(5), {
        copy: { classification: 'personal_data', cabinet: null, location: 'Мугалимдер бөлмөсү' },
      }),
    ]);
    expect(h.get('d')).toMatchObject({ cabinetId: null, location: 'Мугалимдер бөлмөсү', since: t(4) });
    expect(h.get('k')).toMatchObject({ cabinetId: null, location: 'Мугалимдер бөлмөсү', since: t(5) });
  });

  it('who held one document at a moment; nothing when it had no history yet', () => {
    expect(
      documentAsAt(
        upTo(t(4)).filter((e) => e.instanceId === 'a'),
        'a',
      ),
    ).toEqual({ holderId: 'teacher', state: 'issued', classification: 'official_use' });
    expect(documentAsAt([], 'a')).toBeNull();
  });

  it('a registration line takes state, mark and holder from the history, and no due time', () => {
    const line = {
      id: 'a',
      state: 'in_storage',
      classification: 'official_use',
      holderId: null,
      dueAt: '2026-11-24T12:00:00.000Z',
      title: 'Кат',
    };
    expect(registrationLineAsAt(line, foldHistory(upTo(t(4))))).toEqual({
      ...line,
      state: 'issued',
      holderId: 'teacher',
      dueAt: null,
    });
    expect(registrationLineAsAt({ ...line, id: 'later' }, foldHistory(upTo(t(4))))).toEqual({
      ...line,
      id: 'later',
      classification: null,
      dueAt: null,
    });
  });

  it('an issue line shows only what had been recorded by the moment', () => {
    const line = { id: 'i', acknowledgedAt: t(4), overdueAt: t(6), returnedAt: t(7), condition: 'жакшы' };
    expect(issueLineAsAt(line, t(5))).toEqual({
      id: 'i',
      acknowledgedAt: t(4),
      overdueAt: null,
      returnedAt: null,
      condition: null,
    });
    expect(issueLineAsAt(line, t(8))).toEqual(line);
    expect(issueLineAsAt(line, undefined)).toEqual(line);
  });

  const DOCS = [
    { id: 'a', regNumber: 'К-0001/2026', title: 'Кат', copyOf: null },
    { id: 'open', regNumber: 'К-0002/2026', title: 'Ачык', copyOf: null },
    { id: 'copy', regNumber: 'К-0001/2026/1', title: 'Кат', copyOf: 'a' },
  ];
  const MEDIA = [{ id: 'm', label: 'USB 1', classification: 'confidential', holderId: 'security', registeredAt: t(2) }];

  it('R-3: carriers are every restricted document and copy still in the school, by place, then the media', () => {
    const at5 = carriersAt(foldHistory(upTo(t(5))), DOCS, MEDIA);
    expect(at5.map((c) => [c.itemType, c.itemId, c.holderId, c.place, c.homeCabinetId])).toEqual([
      ['document', 'a', 'teacher', { kind: 'issued' }, 'c1'],
      ['copy', 'copy', null, { kind: 'cabinet', cabinetId: 'c1' }, 'c1'],
      ['media', 'm', 'security', { kind: 'holder' }, null],
    ]);
    expect(at5[0]).toMatchObject({ regNumber: 'К-0001/2026', label: 'Кат', classification: 'official_use' });
    // Back in its cabinet, the original is still a carrier: in the clerk's custody, not nobody's.
    expect(carriersAt(foldHistory(HISTORY), DOCS, []).map((c) => [c.itemId, c.place])).toEqual([
      ['a', { kind: 'cabinet', cabinetId: 'c1' }],
      ['copy', { kind: 'cabinet', cabinetId: 'c1' }],
    ]);
  });

  it('R-3: a classified item not yet stored is a carrier; a lost or dispatched one has left the school', () => {
    const h = foldHistory([
      ev('a', 'CREATE', 'registered', t(1)),
      ev('a', 'CLASSIFY', 'classified', t(2), { classification: 'personal_data' }),
      ev('open', 'CREATE', 'registered', t(1)),
      ev('open', 'CLASSIFY', 'classified', t(2), { classification: 'confidential' }),
      ev('open', 'STORE', 'in_storage', t(3), { cabinetId: 'c2' }),
      ev('open', 'ISSUE', 'issued', t(4), { holderId: 'u' }),
      ev('open', 'REPORT_LOSS', 'lost', t(5), {}),
    ]);
    expect(carriersAt(h, DOCS, []).map((c) => [c.itemId, c.place])).toEqual([['a', { kind: 'unstored' }]]);
  });

  it('R-3, R-4.1d: the custody fold takes in the destruction: a destroyed item leaves the carriers and its cabinet', () => {
    const history = [
      ev('a', 'CREATE', 'registered', t(1)),
      ev('a', 'CLASSIFY', 'classified', t(2), { classification: 'confidential' }),
      ev('a', 'STORE', 'in_storage', t(3), { cabinetId: 'c1' }),
      ev('a', 'INCLUDE_IN_ACT', 'in_storage', t(4), { actId: 'act' }),
      ev('a', 'DESTROY', 'destroyed', t(5), { actId: 'act', actNumber: 'Ж-1/2026' }),
    ];
    const custody = (at: string) => foldHistory(history.filter((e) => CUSTODY_EVENTS.includes(e.type) && e.at <= at));
    expect(carriersAt(custody(t(4)), DOCS, []).map((c) => c.itemId)).toEqual(['a']);
    expect(cabinetContentsAt(custody(t(4)), DOCS).map((c) => c.itemId)).toEqual(['a']);
    expect(carriersAt(custody(t(5)), DOCS, [])).toEqual([]);
    expect(cabinetContentsAt(custody(t(5)), DOCS)).toEqual([]);
  });

  it("a cabinet's contents: every mark, lying there or out with its holder", () => {
    expect(cabinetContentsAt(foldHistory(upTo(t(5))), DOCS)).toEqual([
      {
        cabinetId: 'c1',
        itemType: 'document',
        itemId: 'a',
        regNumber: 'К-0001/2026',
        label: 'Кат',
        classification: 'official_use',
        state: 'issued',
        present: false,
        holderId: 'teacher',
        since: t(4),
      },
      expect.objectContaining({ itemId: 'copy', itemType: 'copy', present: true, holderId: null }),
    ]);
    expect(cabinetContentsAt(foldHistory(HISTORY), DOCS).map((c) => [c.itemId, c.present])).toEqual([
      ['a', true],
      ['copy', true],
    ]);
  });
});
