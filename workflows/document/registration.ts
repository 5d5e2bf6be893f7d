import { DateTime } from 'luxon';
import { formatRegNumber } from '@grif/domain';
import type { RegisterDocument } from './events';
import type { DocumentContext, DocumentInput } from './machine';
import type { Fact, FileFact } from '../definition';

/** Journal year is the school's (Asia/Bishkek) calendar year, not UTC's. */
export async function documentInput(
  registration: RegisterDocument,
  at: Date,
  file: FileFact | null,
  allocate: (year: number, direction: string) => Promise<number>,
): Promise<DocumentInput> {
  const regYear = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' }).year;
  // R-4.1a: no document of the school exists outside the account: each one is created here, with its journal number.
  const regSeq = await allocate(regYear, registration.direction); // R-4.1b: numbered per school, year, direction
  const filed = file
    ? { id: file.id, index: file.index, title: file.title, year: file.year, retentionYears: file.retentionYears }
    : null;
  return {
    regNumber: formatRegNumber(registration.direction, regYear, regSeq),
    regYear,
    regSeq,
    registration,
    file: filed,
  };
}

/** What registering needs from the store, inside the registering transaction: the journal's next number. */
export interface JournalNumbering {
  nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number>;
}

/**
 * How a school registers a document, in the shape the engine's create() takes: the machine input
 * from the validated payload and its looked-up file, numbered in the school's journal; the answer
 * names the journal number.
 */
export function documentRegistration(schoolId: string) {
  return {
    input: (
      numbers: JournalNumbering,
      at: Date,
      payload: unknown,
      facts: Record<string, Fact>,
    ): Promise<DocumentInput> =>
      documentInput(
        payload as RegisterDocument,
        at,
        (facts.fileId as FileFact | undefined) ?? null,
        (year, direction) => numbers.nextJournalNumber(schoolId, year, direction),
      ),
    describe: (c: DocumentContext) => ({ regNumber: c.regNumber }),
  };
}
