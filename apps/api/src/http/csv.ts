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
 * A cell a spreadsheet could take for a formula (= + - @, or a leading tab or carriage return) gets
 * a leading apostrophe, so it is shown as text and never run (CSV injection, OWASP; ASVS 5.3.x).
 */
const neutralised = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

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
