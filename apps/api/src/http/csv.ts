import type { Response } from 'express';

const cell = (v: unknown): string => {
  const s = v == null ? '' : String(v);
  return /[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read Kyrgyz letters;
 * cells that start like a formula are quoted (CSV injection, ASVS 5.3.x).
 */
export function sendCsv(res: Response, name: string, columns: string[], rows: Record<string, unknown>[]): void {
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="${name}.csv"`);
  res.send('\uFEFF' + lines.join('\r\n') + '\r\n');
}
