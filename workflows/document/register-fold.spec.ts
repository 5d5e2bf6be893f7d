import {
  carriersAt,
  documentAsAt,
  foldHistory,
  holdingsOf,
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
  ev('copy', 'CREATE', 'in_storage', t(5), { copy: { classification: 'official_use' } }),
  ev('open', 'CREATE', 'registered', t(1)),
  ev('open', 'CLASSIFY', 'classified', t(2), { classification: 'open' }),
  ev('open', 'ISSUE', 'issued', t(3), { holderId: 'teacher2' }),
];
const upTo = (at: string) => HISTORY.filter((e) => e.at <= at);

describe('the register fold: documents as at a moment, from their history', () => {
  it('replays state, mark and custody of each document', () => {
    const at5 = foldHistory(upTo(t(5)));
    expect(at5.get('a')).toEqual({ state: 'issued', classification: 'official_use', holderId: 'teacher', since: t(4) });
    expect(at5.get('copy')).toEqual({
      state: 'in_storage',
      classification: 'official_use',
      holderId: null,
      since: t(5),
    });
    expect(foldHistory(HISTORY).get('a')).toEqual({
      state: 'in_storage',
      classification: 'official_use',
      holderId: null,
      since: t(6),
    });
  });

  it('a reclassification, a loss and a dispatch end or change what the history says', () => {
    const h = foldHistory([
      ev('d', 'CREATE', 'registered', t(1)),
      ev('d', 'RECLASSIFY', 'classified', t(2), { classification: 'confidential' }),
      ev('d', 'ISSUE', 'issued', t(3), { holderId: 'u' }),
      ev('d', 'REPORT_LOSS', 'lost', t(4)),
    ]);
    expect(h.get('d')).toEqual({ state: 'lost', classification: 'confidential', holderId: null, since: t(4) });
  });

  it('holdings keep only what someone held', () => {
    expect([...holdingsOf(upTo(t(5))).keys()].sort()).toEqual(['a', 'open']);
    expect([...holdingsOf(HISTORY).keys()]).toEqual(['open']);
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

  it('carriers: restricted documents and copies someone held, and registered media, oldest custody first (R-3)', () => {
    const docs = [
      { id: 'a', regNumber: 'К-0001/2026', title: 'Кат', copyOf: null },
      { id: 'open', regNumber: 'К-0002/2026', title: 'Ачык', copyOf: null },
    ];
    const media = [
      { id: 'm', label: 'USB 1', classification: 'confidential', holderId: 'security', registeredAt: t(2) },
    ];
    expect(carriersAt(holdingsOf(upTo(t(5))), docs, media)).toEqual([
      {
        itemType: 'media',
        itemId: 'm',
        label: 'USB 1',
        classification: 'confidential',
        holderId: 'security',
        since: t(2),
      },
      {
        itemType: 'document',
        itemId: 'a',
        label: 'К-0001/2026 Кат',
        classification: 'official_use',
        holderId: 'teacher',
        since: t(4),
      },
    ]);
  });
});
