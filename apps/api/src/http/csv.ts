import { StreamableFile } from '@nestjs/common';

const cell = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Kyrgyz letters;
 * cells that start like a formula are quoted (CSV injection, ASVS 5.3.x).
 */
export function csvFile(name: string, columns: string[], rows: Record<string, unknown>[]): StreamableFile {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return new StreamableFile(Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8'), {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${name}.csv"`,
  });
}
