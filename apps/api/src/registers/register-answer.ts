import type { StreamableFile } from '@nestjs/common';
import type { Lang, Texts } from '@grif/domain';
import type { CabinetItemRow, CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import { bishkekTime, csvFile, type CsvColumn } from '../http/csv';
import { conditionText, HEADERS, wordFor } from './register-words';

type Col<R> = (lang: Lang) => CsvColumn<R>;
const col =
  <R>(header: Texts, value: (row: R, lang: Lang) => unknown): Col<R> =>
  (lang) => ({ header: header[lang], value: (r) => value(r, lang) });

/** Where a carrier is, in words: the room and cabinet, the free-text place, or what kind of place it has. */
function placeText(r: CarrierRow, lang: Lang): string {
  if (r.placeKind === 'cabinet') return [r.roomName, r.cabinetName].filter(Boolean).join(' / ');
  if (r.placeKind === 'location') return r.location ?? '';
  return wordFor('place', r.placeKind, lang);
}

/** The columns of each register's export: headers in the reader's language, codes as words, times in Bishkek. */
const COLUMNS = {
  registration: [
    col<DocumentRow>(HEADERS.regNumber, (r) => r.regNumber),
    col<DocumentRow>(HEADERS.direction, (r, l) => wordFor('direction', r.direction, l)),
    col<DocumentRow>(HEADERS.kind, (r, l) => wordFor('kind', r.kind, l)),
    col<DocumentRow>(HEADERS.documentDate, (r) => r.documentDate),
    col<DocumentRow>(HEADERS.correspondent, (r) => r.correspondent),
    col<DocumentRow>(HEADERS.title, (r) => r.title),
    col<DocumentRow>(HEADERS.classification, (r, l) => wordFor('classification', r.classification, l)),
    col<DocumentRow>(HEADERS.state, (r, l) => wordFor('state', r.state, l)),
    col<DocumentRow>(HEADERS.createdAt, (r) => bishkekTime(r.createdAt)),
  ],
  issues: [
    col<IssueRow>(HEADERS.regNumber, (r) => r.regNumber),
    col<IssueRow>(HEADERS.classification, (r, l) => wordFor('classification', r.classification, l)),
    col<IssueRow>(HEADERS.holder, (r) => r.holderName),
    col<IssueRow>(HEADERS.purpose, (r) => r.purpose),
    col<IssueRow>(HEADERS.issuedBy, (r) => r.issuedBy),
    col<IssueRow>(HEADERS.issuedAt, (r) => bishkekTime(r.issuedAt)),
    col<IssueRow>(HEADERS.acknowledgedAt, (r) => bishkekTime(r.acknowledgedAt)),
    col<IssueRow>(HEADERS.dueAt, (r) => bishkekTime(r.dueAt)),
    col<IssueRow>(HEADERS.overdueAt, (r) => bishkekTime(r.overdueAt)),
    col<IssueRow>(HEADERS.returnedAt, (r) => bishkekTime(r.returnedAt)),
    col<IssueRow>(HEADERS.condition, (r, l) => conditionText(r.condition, l)),
  ],
  copies: [
    col<CopyRow>(HEADERS.originalRegNumber, (r) => r.originalRegNumber),
    col<CopyRow>(HEADERS.copyNumber, (r) => r.copyNumber),
    col<CopyRow>(HEADERS.copyRegNumber, (r) => r.copyRegNumber),
    col<CopyRow>(HEADERS.classification, (r, l) => wordFor('classification', r.classification, l)),
    col<CopyRow>(HEADERS.purpose, (r) => r.purpose),
    col<CopyRow>(HEADERS.madeBy, (r) => r.madeBy),
    col<CopyRow>(HEADERS.madeAt, (r) => bishkekTime(r.madeAt)),
  ],
  carriers: [
    col<CarrierRow>(HEADERS.itemType, (r, l) => wordFor('itemType', r.itemType, l)),
    col<CarrierRow>(HEADERS.regNumber, (r) => r.regNumber),
    col<CarrierRow>(HEADERS.label, (r) => r.label),
    col<CarrierRow>(HEADERS.classification, (r, l) => wordFor('classification', r.classification, l)),
    col<CarrierRow>(HEADERS.state, (r, l) => wordFor('state', r.state, l)),
    col<CarrierRow>(HEADERS.custodian, (r) => r.custodianName),
    col<CarrierRow>(HEADERS.place, placeText),
    col<CarrierRow>(HEADERS.since, (r) => bishkekTime(r.since)),
  ],
  cabinets: [
    col<CabinetItemRow>(HEADERS.room, (r) => r.roomName),
    col<CabinetItemRow>(HEADERS.cabinet, (r) => r.cabinetName),
    col<CabinetItemRow>(HEADERS.regNumber, (r) => r.regNumber),
    col<CabinetItemRow>(HEADERS.itemType, (r, l) => wordFor('itemType', r.itemType, l)),
    col<CabinetItemRow>(HEADERS.title, (r) => r.label),
    col<CabinetItemRow>(HEADERS.classification, (r, l) => wordFor('classification', r.classification, l)),
    col<CabinetItemRow>(HEADERS.state, (r, l) => wordFor('state', r.state, l)),
    col<CabinetItemRow>(HEADERS.present, (r, l) => wordFor('present', r.present ? 'yes' : 'no', l)),
    col<CabinetItemRow>(HEADERS.holder, (r) => r.holderName),
    col<CabinetItemRow>(HEADERS.since, (r) => bishkekTime(r.since)),
  ],
};

interface Rows {
  registration: DocumentRow;
  issues: IssueRow;
  copies: CopyRow;
  carriers: CarrierRow;
  cabinets: CabinetItemRow;
}

/**
 * JSON pages, or the whole register as a CSV download with `format=csv`, in the language `lang=`
 * names, else `fallback` (the reader's own: their profile, then Accept-Language).
 */
export function registerAnswer<K extends keyof Rows>(
  name: K,
  out: { q: { format: string; lang?: Lang }; page: Page<Rows[K]> },
  fallback: Lang,
): Page<Rows[K]> | StreamableFile {
  if (out.q.format !== 'csv') return out.page;
  const lang = out.q.lang ?? fallback;
  const columns = (COLUMNS[name] as Col<Rows[K]>[]).map((c) => c(lang));
  return csvFile(name, columns, out.page.items);
}
