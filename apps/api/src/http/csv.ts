import { StreamableFile } from '@nestjs/common';
import { DateTime } from 'luxon';

/** The school's zone: every time a person reads is Bishkek time, with its offset so the file is unambiguous. */
const SCHOOL_ZONE = 'Asia/Bishkek';

/** `2026-11-26T08:05:00.000Z` → `2026-11-26 14:05 +06:00`; empty for no time. */
export function bishkekTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const t = DateTime.fromISO(iso, { zone: 'utc' });
  return t.isValid ? t.setZone(SCHOOL_ZONE).toFormat('yyyy-MM-dd HH:mm ZZ') : iso;
}

/**
 * A cell a spreadsheet could take for a formula gets a leading apostrophe, so it is shown as text and never run
 * (CSV injection, OWASP's guidance; ASVS 5.0 V1.2.10). Quoting alone does not help: spreadsheets evaluate quoted
 * cells too. The triggers are = + - @ and a leading tab or carriage return, and also these after other leading
 * blanks (a spreadsheet that trims on import would see the formula), and their full-width forms (＝ ＋ － ＠), which
 * some spreadsheets accept as formula starts.
 * Plain numbers are not exempt: `-1` becomes `'-1`, as OWASP says. Grif's exports carry no signed numbers (journal
 * and copy numbers, dates, names), and one rule with no exceptions is the one that can be checked.
 * Input is already trimmed when it is stored, so `\t=1+1` arrives here as `=1+1` and is caught as that.
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
export const neutralised = (s: string) => (FORMULA_START.test(s) ? `'${s}` : s);

const cell = (v: unknown): string => {
  const s = neutralised(v == null ? '' : String(v));
  return /[",\r\n]/.test(s) || s.startsWith("'") ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One column of an export: its header in the reader's language, and the words or time of a row's cell. */
export interface CsvColumn<R> {
  header: string;
  value: (row: R) => unknown;
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Kyrgyz letters. */
export function csvFile<R>(name: string, columns: readonly CsvColumn<R>[], rows: readonly R[]): StreamableFile {
  const lines = [
    columns.map((c) => cell(c.header)).join(','),
    ...rows.map((r) => columns.map((c) => cell(c.value(r))).join(',')),
  ];
  return new StreamableFile(Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
