import type { StreamableFile } from '@nestjs/common';
import type { Lang, Texts } from '@grif/domain';
import type { CabinetItemRow, CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import { bishkekTime, csvFile } from '../http/csv';
import { conditionText, HEADERS, wordFor } from './register-words';

/** How a cell writes times and days: the CSV's `2026-11-26 14:05 +06:00`, a printout's `26.11.2026 14:05`. */
export interface CellFormats {
  time: (iso: string | null | undefined) => string;
  day: (isoDay: string | null | undefined) => string;
}
const CSV_FORMATS: CellFormats = { time: bishkekTime, day: (d) => d ?? '' };

/** One column of an exported register: its header, its share of a printed table's width, and a row's cell. */
export interface RegisterColumn<R> {
  header: Texts;
  /** Relative width on paper (the PDF); a CSV has no widths. */
  width: number;
  value: (row: R, lang: Lang, f: CellFormats) => unknown;
}
const col = <R>(header: Texts, width: number, value: RegisterColumn<R>['value']): RegisterColumn<R> => ({
  header,
  width,
  value,
});

/** Where a carrier is, in words: the room and cabinet, the free-text place, or what kind of place it has. */
function placeText(r: CarrierRow, lang: Lang): string {
  if (r.placeKind === 'cabinet') return [r.roomName, r.cabinetName].filter(Boolean).join(' / ');
  if (r.placeKind === 'location') return r.location ?? '';
  return wordFor('place', r.placeKind, lang);
}

/** The columns of each register's export: headers in the reader's language, codes as words, times in Bishkek. */
export const COLUMNS = {
  registration: [
    col<DocumentRow>(HEADERS.regNumber, 11, (r) => r.regNumber),
    col<DocumentRow>(HEADERS.direction, 8, (r, l) => wordFor('direction', r.direction, l)),
    col<DocumentRow>(HEADERS.kind, 8, (r, l) => wordFor('kind', r.kind, l)),
    col<DocumentRow>(HEADERS.documentDate, 10, (r, _l, f) => f.day(r.documentDate)),
    col<DocumentRow>(HEADERS.correspondent, 17, (r) => r.correspondent),
    col<DocumentRow>(HEADERS.title, 26, (r) => r.title),
    col<DocumentRow>(HEADERS.classification, 11, (r, l) => wordFor('classification', r.classification, l)),
    col<DocumentRow>(HEADERS.state, 10, (r, l) => wordFor('state', r.state, l)),
    col<DocumentRow>(HEADERS.createdAt, 10, (r, _l, f) => f.time(r.createdAt)),
  ],
  issues: [
    col<IssueRow>(HEADERS.regNumber, 11, (r) => r.regNumber),
    col<IssueRow>(HEADERS.classification, 10, (r, l) => wordFor('classification', r.classification, l)),
    col<IssueRow>(HEADERS.holder, 12, (r) => r.holderName),
    col<IssueRow>(HEADERS.purpose, 12, (r) => r.purpose),
    col<IssueRow>(HEADERS.issuedBy, 12, (r) => r.issuedBy),
    col<IssueRow>(HEADERS.issuedAt, 9, (r, _l, f) => f.time(r.issuedAt)),
    col<IssueRow>(HEADERS.acknowledgedAt, 11, (r, _l, f) => f.time(r.acknowledgedAt)),
    col<IssueRow>(HEADERS.dueAt, 9, (r, _l, f) => f.time(r.dueAt)),
    col<IssueRow>(HEADERS.overdueAt, 9, (r, _l, f) => f.time(r.overdueAt)),
    col<IssueRow>(HEADERS.returnedAt, 9, (r, _l, f) => f.time(r.returnedAt)),
    col<IssueRow>(HEADERS.condition, 13, (r, l) => conditionText(r.condition, l)),
  ],
  copies: [
    col<CopyRow>(HEADERS.originalRegNumber, 12, (r) => r.originalRegNumber),
    col<CopyRow>(HEADERS.copyNumber, 9, (r) => r.copyNumber),
    col<CopyRow>(HEADERS.copyRegNumber, 13, (r) => r.copyRegNumber),
    col<CopyRow>(HEADERS.classification, 12, (r, l) => wordFor('classification', r.classification, l)),
    col<CopyRow>(HEADERS.purpose, 24, (r) => r.purpose),
    col<CopyRow>(HEADERS.madeBy, 16, (r) => r.madeBy),
    col<CopyRow>(HEADERS.madeAt, 10, (r, _l, f) => f.time(r.madeAt)),
  ],
  carriers: [
    col<CarrierRow>(HEADERS.itemType, 9, (r, l) => wordFor('itemType', r.itemType, l)),
    col<CarrierRow>(HEADERS.regNumber, 11, (r) => r.regNumber),
    col<CarrierRow>(HEADERS.label, 24, (r) => r.label),
    col<CarrierRow>(HEADERS.classification, 11, (r, l) => wordFor('classification', r.classification, l)),
    col<CarrierRow>(HEADERS.state, 10, (r, l) => wordFor('state', r.state, l)),
    col<CarrierRow>(HEADERS.custodian, 14, (r) => r.custodianName),
    col<CarrierRow>(HEADERS.place, 15, placeText),
    col<CarrierRow>(HEADERS.since, 10, (r, _l, f) => f.time(r.since)),
  ],
  cabinets: [
    col<CabinetItemRow>(HEADERS.room, 10, (r) => r.roomName),
    col<CabinetItemRow>(HEADERS.cabinet, 8, (r) => r.cabinetName),
    col<CabinetItemRow>(HEADERS.regNumber, 11, (r) => r.regNumber),
    col<CabinetItemRow>(HEADERS.itemType, 8, (r, l) => wordFor('itemType', r.itemType, l)),
    col<CabinetItemRow>(HEADERS.title, 22, (r) => r.label),
    col<CabinetItemRow>(HEADERS.classification, 11, (r, l) => wordFor('classification', r.classification, l)),
    col<CabinetItemRow>(HEADERS.state, 10, (r, l) => wordFor('state', r.state, l)),
    col<CabinetItemRow>(HEADERS.present, 10, (r, l) => wordFor('present', r.present ? 'yes' : 'no', l)),
    col<CabinetItemRow>(HEADERS.holder, 12, (r) => r.holderName),
    col<CabinetItemRow>(HEADERS.since, 10, (r, _l, f) => f.time(r.since)),
  ],
};

export interface RegisterRows {
  registration: DocumentRow;
  issues: IssueRow;
  copies: CopyRow;
  carriers: CarrierRow;
  cabinets: CabinetItemRow;
}

export const columnsOf = <K extends keyof RegisterRows>(name: K) => COLUMNS[name] as RegisterColumn<RegisterRows[K]>[];

/** A cell's text: nothing for no value. */
export const cellText = (v: unknown): string => (v == null ? '' : String(v));

/**
 * JSON pages, or the whole register as a CSV download with `format=csv`, in the language `lang=`
 * names, else `fallback` (the reader's own: their profile, then Accept-Language).
 */
export function registerAnswer<K extends keyof RegisterRows>(
  name: K,
  out: { q: { format: string; lang?: Lang }; page: Page<RegisterRows[K]> },
  fallback: Lang,
): Page<RegisterRows[K]> | StreamableFile {
  if (out.q.format !== 'csv') return out.page;
  const lang = out.q.lang ?? fallback;
  const columns = columnsOf(name).map((c) => ({
    header: c.header[lang],
    value: (r: RegisterRows[K]) => c.value(r, lang, CSV_FORMATS),
  }));
  return csvFile(name, columns, out.page.items);
}
