import type { DocumentContext } from './machine';
import { journalWrites } from './journal-projection';

const AT = '2026-11-24T04:00:00.000Z';
const doc = { id: 'doc-1', schoolId: 'school-35', state: 'registered' };

const context = (over: Partial<DocumentContext> = {}): DocumentContext => ({
  regNumber: 'К-0007/2026',
  regYear: 2026,
  regSeq: 7,
  registration: {
    direction: 'incoming',
    kind: 'letter',
    title: 'Кат',
    correspondent: 'Министрлик',
    documentDate: '2026-11-20',
    pages: 3,
  },
  classification: null,
  location: null,
  cabinet: null,
  holder: null,
  deadlineKey: null,
  file: null,
  copyOf: null,
  copyNumber: null,
  copiesMade: 0,
  dispatched: null,
  lost: null,
  ...over,
});

const holder = {
  userId: 'teacher',
  purpose: 'сабак',
  issuedAt: AT,
  dueAt: '2026-11-24T12:00:00.000Z',
  acknowledgedAt: null,
};

describe('journal rows of a document event', () => {
  it('CREATE of an original: one registration line, numbered as registered', () => {
    expect(journalWrites(doc, context(), { type: 'CREATE', payload: {}, actorId: 'clerk', at: AT })).toEqual([
      {
        kind: 'registration.insert',
        line: {
          id: 'doc-1',
          schoolId: 'school-35',
          regYear: 2026,
          direction: 'incoming',
          regSeq: 7,
          regNumber: 'К-0007/2026',
          kind: 'letter',
          title: 'Кат',
          correspondent: 'Министрлик',
          documentDate: '2026-11-20',
          state: 'registered',
          createdAt: AT,
          classification: null,
          holderId: null,
          dueAt: null,
          location: null,
          fileId: null,
          copyOf: null,
          copyNumber: 0,
        },
      },
    ]);
  });

  it('CREATE of a copy: its registration line and a copy-journal line with the inherited mark (R-4.1c)', () => {
    const copy = context({
      regNumber: 'К-0007/2026/2',
      classification: 'official_use',
      copyOf: { id: 'orig', regNumber: 'К-0007/2026' },
      copyNumber: 2,
    });
    const writes = journalWrites({ ...doc, state: 'in_storage' }, copy, {
      type: 'CREATE',
      payload: {},
      actorId: 'clerk',
      at: AT,
    });
    expect(writes.map((w) => w.kind)).toEqual(['registration.insert', 'copy.insert']);
    expect(writes[0]).toMatchObject({
      line: { copyOf: 'orig', copyNumber: 2, classification: 'official_use', state: 'in_storage' },
    });
    expect(writes[1]).toEqual({
      kind: 'copy.insert',
      line: {
        schoolId: 'school-35',
        originalId: 'orig',
        originalRegNumber: 'К-0007/2026',
        copyId: 'doc-1',
        copyNumber: 2,
        madeBy: 'clerk',
        madeAt: AT,
        classification: 'official_use',
      },
    });
  });

  it('any later event brings the registration line to the snapshot', () => {
    const c = context({
      classification: 'confidential',
      location: 'Каб. 12 / Шкаф 1',
      file: { id: 'f1', index: '01-05', title: 'Кирүүчү', year: 2026, retentionYears: 5 },
    });
    expect(
      journalWrites({ ...doc, state: 'in_storage' }, c, {
        type: 'STORE',
        payload: { cabinetId: 'c1' },
        actorId: 'clerk',
        at: AT,
      }),
    ).toEqual([
      {
        kind: 'registration.update',
        documentId: 'doc-1',
        changes: {
          state: 'in_storage',
          classification: 'confidential',
          holderId: null,
          dueAt: null,
          location: 'Каб. 12 / Шкаф 1',
          fileId: 'f1',
        },
      },
    ]);
  });

  it('ISSUE opens an issue-journal line with the purpose and due time (R-4.2.1)', () => {
    const writes = journalWrites({ ...doc, state: 'issued' }, context({ classification: 'official_use', holder }), {
      type: 'ISSUE',
      payload: { holderId: 'teacher', purpose: 'сабак' },
      actorId: 'clerk',
      at: AT,
    });
    expect(writes[0]).toMatchObject({
      kind: 'registration.update',
      changes: { holderId: 'teacher', dueAt: holder.dueAt },
    });
    expect(writes[1]).toEqual({
      kind: 'issue.insert',
      line: {
        schoolId: 'school-35',
        documentId: 'doc-1',
        regNumber: 'К-0007/2026',
        classification: 'official_use',
        holderId: 'teacher',
        purpose: 'сабак',
        issuedAt: AT,
        issuedBy: 'clerk',
        dueAt: holder.dueAt,
      },
    });
  });

  it.each([
    ['ACKNOWLEDGE', {}, { acknowledgedAt: AT }],
    ['DEADLINE_PASSED', { deadlineKey: 'return-5', deadlineId: 'd1' }, { overdueAt: AT }],
    ['RETURN', { condition: 'жакшы' }, { returnedAt: AT, condition: 'жакшы' }],
    ['RETURN', {}, { returnedAt: AT, condition: null }],
    ['REPORT_LOSS', { circumstances: 'сумка уурдалды' }, { returnedAt: null, condition: 'lost: сумка уурдалды' }],
  ])('%s completes the open issue line', (type, payload, changes) => {
    const writes = journalWrites(doc, context({ holder }), { type, payload, actorId: 'teacher', at: AT });
    expect(writes[1]).toEqual({ kind: 'issue.completeOpen', documentId: 'doc-1', changes });
  });

  it('events outside custody leave the issue journal alone', () => {
    for (const type of ['CLASSIFY', 'RECLASSIFY', 'ASSIGN_FILE', 'COPY', 'DISPATCH']) {
      expect(journalWrites(doc, context(), { type, payload: {}, actorId: 'clerk', at: AT }).map((w) => w.kind)).toEqual(
        ['registration.update'],
      );
    }
  });

  it('R-3: an event that may change whether it is a carrier stamps the line with its moment; no other does', () => {
    const markedAt = (type: string) => {
      const [w] = journalWrites(doc, context({ holder }), { type, payload: {}, actorId: 'clerk', at: AT });
      return w.kind === 'registration.update' ? w.changes.markedAt : 'not an update';
    };
    for (const type of ['CLASSIFY', 'RECLASSIFY', 'REPORT_LOSS', 'DISPATCH', 'DESTROY'])
      expect(markedAt(type)).toBe(AT);
    for (const type of ['ISSUE', 'ACKNOWLEDGE', 'RETURN', 'STORE', 'COPY', 'ASSIGN_FILE'])
      expect(markedAt(type)).toBeUndefined();
  });
});
