import { DateTime } from 'luxon';
import { type ActLanguage, renderJournal } from '@grif/acts';
import type { ComplianceRow } from '@grif/contracts';
import { COMPLIANCE_WORDS } from './compliance-words';

const ZONE = 'Asia/Bishkek';
/** Files named per clause on paper before "and N more": the screen and the JSON have them all. */
const FILES_PRINTED = 6;

/** `libs/domain/src/rules.ts:10, 40` per file, the files with most references first. */
function placesText(row: ComplianceRow, more: (n: number) => string): string {
  const byFile = new Map<string, number[]>();
  for (const { file, line } of row.enforcedIn) byFile.set(file, [...(byFile.get(file) ?? []), line]);
  const files = [...byFile].sort((a, b) => b[1].length - a[1].length);
  const shown = files.slice(0, FILES_PRINTED).map(([file, lines]) => `${file}:${lines.join(', ')}`);
  return [...shown, ...(files.length > FILES_PRINTED ? [more(files.length - FILES_PRINTED)] : [])].join('; ');
}

/** The matrix on A4 landscape with the acts' layout: the school's name, the title, a row per clause. */
export function renderCompliance(
  rows: ComplianceRow[],
  school: string,
  resultsAt: Date | null,
  now: Date,
  lang: ActLanguage,
): Promise<Uint8Array> {
  const w = COMPLIANCE_WORDS[lang];
  const today = DateTime.fromJSDate(now, { zone: ZONE }).toISODate() ?? '';
  const count = (row: ComplianceRow, s: string) => row.tests.filter((t) => t.status === s).length;
  const at = resultsAt && DateTime.fromJSDate(resultsAt, { zone: ZONE }).toFormat('dd.MM.yyyy HH:mm');
  return renderJournal(
    {
      title: w.title,
      school: { name: school },
      period: { from: today, to: today },
      notes: [w.notes.source, at ? w.notes.results(at) : w.notes.noResults],
      columns: [
        { header: w.columns.rule, width: 5 },
        { header: w.columns.title, width: 22 },
        { header: w.columns.status, width: 9 },
        { header: w.columns.enforcedIn, width: 28 },
        { header: w.columns.tests, width: 12 },
      ],
      rows: rows.map((r) => [
        r.rule,
        r.title,
        w.status[r.status],
        placesText(r, w.more),
        r.tests.length ? w.tests(count(r, 'pass'), count(r, 'fail'), count(r, 'skipped')) : '—',
      ]),
      madeAt: now,
    },
    { language: lang, timeZone: ZONE, numbered: false },
  );
}
