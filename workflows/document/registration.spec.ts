import { documentRegistration } from './registration';
import type { DocumentContext } from './machine';

const LETTER = {
  direction: 'incoming',
  kind: 'letter',
  title: 'Кат',
  correspondent: 'Министрлик',
  documentDate: '2026-11-20',
  pages: 3,
} as const;
const FILE = {
  kind: 'file',
  id: 'f1',
  index: '01-05',
  title: 'Кирүүчү каттар',
  year: 2026,
  retentionYears: 5,
} as const;

describe('registering a document: the machine input', () => {
  const asked: unknown[][] = [];
  const numbers = { nextJournalNumber: async (...a: [string, number, string]) => (asked.push(a), 7) };

  it("numbers it in the school's journal of its year (Asia/Bishkek) and direction (R-4.1b)", async () => {
    // 18:30 UTC on 31 December is already New Year in Bishkek.
    const input = await documentRegistration('school-35').input(numbers, new Date('2026-12-31T18:30:00Z'), LETTER, {});
    expect(asked.at(-1)).toEqual(['school-35', 2027, 'incoming']);
    expect(input).toEqual({ regNumber: 'К-0007/2027', regYear: 2027, regSeq: 7, registration: LETTER, file: null });
  });

  it('files it where the looked-up file says', async () => {
    const input = await documentRegistration('school-35').input(
      numbers,
      new Date('2026-11-24T04:00:00Z'),
      { ...LETTER, fileId: 'f1' },
      { fileId: FILE },
    );
    expect(input.file).toEqual({ id: 'f1', index: '01-05', title: 'Кирүүчү каттар', year: 2026, retentionYears: 5 });
  });

  it('answers with the journal number', () => {
    expect(documentRegistration('school-35').describe({ regNumber: 'К-0007/2026' } as DocumentContext)).toEqual({
      regNumber: 'К-0007/2026',
    });
  });
});
