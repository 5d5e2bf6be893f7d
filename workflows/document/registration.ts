import { DateTime } from 'luxon';
import { formatRegNumber } from '@grif/domain';
import type { RegisterDocument } from './events';
import type { DocumentInput } from './machine';
import type { FileFact } from '../definition';

/** Journal year is the school's (Asia/Bishkek) calendar year, not UTC's. */
export async function documentInput(
  registration: RegisterDocument,
  at: Date,
  file: FileFact | null,
  allocate: (year: number, direction: string) => Promise<number>,
): Promise<DocumentInput> {
  const regYear = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' }).year;
  const regSeq = await allocate(regYear, registration.direction); // R-4.1b: numbered per school, year, direction
  const filed = file ? { id: file.id, index: file.index, title: file.title, year: file.year, retentionYears: file.retentionYears } : null;
  return { regNumber: formatRegNumber(registration.direction, regYear, regSeq), regYear, regSeq, registration, file: filed };
}
