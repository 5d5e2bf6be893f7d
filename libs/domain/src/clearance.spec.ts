import { clearanceAt, isClearedAt, revocationEndsSomething, schoolDate, type ClearanceRecord } from './clearance';

// Instants are written with Bishkek's offset; the rule judges by the school's calendar day.
const ZONE = 'Asia/Bishkek';
let n = 0;
/** Entries recorded in the order written, unless a position is given. */
const entry = (kind: ClearanceRecord['kind'], date: string, note?: string): ClearanceRecord => ({
  kind,
  date,
  seq: ++n,
  note: note ?? null,
});
const at = (local: string) => `${local}:00+06:00`;

describe('R-2.5: cleared at moment T = an obligation and a briefing on or before that day, not revoked since', () => {
  it('needs both facts; either alone is not enough', () => {
    const nda = entry('nda', '2026-09-01');
    expect(isClearedAt([], at('2026-11-24T10:00'), ZONE)).toBe(false);
    expect(isClearedAt([nda], at('2026-11-24T10:00'), ZONE)).toBe(false);
    expect(isClearedAt([entry('briefing', '2026-09-02')], at('2026-11-24T10:00'), ZONE)).toBe(false);
    const both = [nda, entry('briefing', '2026-09-02')];
    expect(clearanceAt(both, at('2026-11-24T10:00'), ZONE)).toEqual({
      cleared: true,
      since: '2026-09-02',
      until: null,
      from: null,
      revoked: null,
      nda: '2026-09-01',
      briefing: '2026-09-02',
    });
  });

  it('counts the day in the school zone: a briefing dated today clears from the first minute of the Bishkek day', () => {
    const e = [entry('nda', '2026-09-01'), entry('briefing', '2026-11-24')];
    // 00:30 in Bishkek is still 23 November in UTC: the rule must read the school's day.
    expect(schoolDate(at('2026-11-24T00:30'), ZONE)).toBe('2026-11-24');
    expect(isClearedAt(e, at('2026-11-24T00:30'), ZONE)).toBe(true);
    expect(isClearedAt(e, at('2026-11-23T23:59'), ZONE)).toBe(false);
    expect(isClearedAt(e, new Date('2026-11-23T18:30:00Z'), ZONE)).toBe(true);
  });

  it('does not count a future-dated entry: "from <date>", not cleared', () => {
    const e = [entry('nda', '2026-09-01'), entry('briefing', '2026-12-01')];
    expect(clearanceAt(e, at('2026-11-26T10:00'), ZONE)).toMatchObject({
      cleared: false,
      from: '2026-12-01',
      nda: '2026-09-01',
      briefing: null,
    });
    expect(isClearedAt(e, at('2026-12-01T08:00'), ZONE)).toBe(true);
  });

  it('a later future-dated entry never hides the one in force', () => {
    const e = [
      entry('nda', '2026-09-01'),
      entry('briefing', '2026-09-02'),
      entry('nda', '2027-01-10'), // renewed ahead of time
    ];
    expect(clearanceAt(e, at('2026-11-26T10:00'), ZONE)).toMatchObject({
      cleared: true,
      nda: '2026-09-01',
      briefing: '2026-09-02',
    });
  });

  it('a revocation in force ends the clearance, with its reason; a future one says "until"', () => {
    const granted = [entry('nda', '2026-09-01'), entry('briefing', '2026-09-02')];
    const revoked = [...granted, entry('revocation', '2026-11-20', 'ауыстырылды')];
    expect(clearanceAt(revoked, at('2026-11-26T10:00'), ZONE)).toMatchObject({
      cleared: false,
      revoked: { date: '2026-11-20', reason: 'ауыстырылды' },
      nda: null,
      briefing: null,
      from: null,
    });
    // Before the revocation's day the person was cleared, and the revocation was already on record.
    expect(clearanceAt(revoked, at('2026-11-19T17:00'), ZONE)).toMatchObject({ cleared: true, until: '2026-11-20' });
    expect(isClearedAt(revoked, at('2026-11-20T08:00'), ZONE)).toBe(false);
  });

  it('entries recorded after a revocation clear again; the same day is ordered by the time of recording', () => {
    const e = [
      entry('nda', '2026-09-01'),
      entry('briefing', '2026-09-02'),
      entry('revocation', '2026-11-20', 'мөөнөтү бүттү'),
      entry('nda', '2026-11-20'),
    ];
    // A new obligation alone is not a clearance: the old briefing was revoked too.
    expect(clearanceAt(e, at('2026-11-21T10:00'), ZONE)).toMatchObject({ cleared: false, nda: '2026-11-20' });
    const briefed = [...e, entry('briefing', '2026-11-25')];
    expect(clearanceAt(briefed, at('2026-11-26T10:00'), ZONE)).toMatchObject({
      cleared: true,
      since: '2026-11-25',
      revoked: null,
    });
    expect(clearanceAt(briefed, at('2026-11-22T10:00'), ZONE)).toMatchObject({ cleared: false, from: '2026-11-25' });
  });

  it('a revocation of the same day recorded after the facts ends them; one recorded before does not', () => {
    const before: ClearanceRecord[] = [
      { kind: 'revocation', date: '2026-11-20', seq: 1, note: 'x' },
      { kind: 'nda', date: '2026-11-20', seq: 2 },
      { kind: 'briefing', date: '2026-11-20', seq: 3 },
    ];
    expect(isClearedAt(before, at('2026-11-20T12:00'), ZONE)).toBe(true);
    const after = before.map((e) => (e.kind === 'revocation' ? { ...e, seq: 4 } : e));
    expect(isClearedAt(after, at('2026-11-20T12:00'), ZONE)).toBe(false);
  });

  it('answers the same whatever order the entries come in', () => {
    const e = [
      entry('nda', '2026-09-01'),
      entry('briefing', '2026-09-02'),
      entry('revocation', '2026-11-20', 'r'),
      entry('nda', '2026-11-22'),
      entry('briefing', '2026-11-23'),
    ];
    const t = at('2026-11-24T10:00');
    expect(clearanceAt([...e].reverse(), t, ZONE)).toEqual(clearanceAt(e, t, ZONE));
  });

  it('a revocation ends something only when an obligation or a briefing is in force on its day', () => {
    expect(revocationEndsSomething([], '2026-11-26')).toBe(false);
    const e = [entry('nda', '2026-09-01')];
    expect(revocationEndsSomething(e, '2026-11-26')).toBe(true);
    expect(revocationEndsSomething(e, '2026-08-31')).toBe(false);
    expect(revocationEndsSomething([...e, entry('revocation', '2026-10-01', 'r')], '2026-11-26')).toBe(false);
  });
});
