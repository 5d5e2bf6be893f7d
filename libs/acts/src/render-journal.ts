import { DateTime } from 'luxon';
import type { Journal, JournalRenderOptions } from './journal';
import { labelsFor } from './labels';
import {
  A4_LANDSCAPE,
  A4_PORTRAIT,
  drawRequisites,
  fitColumns,
  Flow,
  formatDate,
  LEADING,
  MARGIN,
  newDocument,
  numberPages,
  Table,
} from './layout';

/** Journals are dense: smaller type than an act's, so a dozen columns still read on A4. */
const CELL = { size: 8, leading: 10.5 };
const NUMBER_WIDTH = 3;

const day = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).toFormat('dd.MM.yyyy');

/**
 * Renders a journal for a period as an A4 PDF (landscape by default): the school's requisites, the
 * title and the period, then the rows in a table that continues across pages under its header, and
 * "Барак 1 / 3" at the foot of each page. Pure: data in, bytes out.
 */
export async function renderJournal(journal: Journal, opts: JournalRenderOptions = {}): Promise<Uint8Array> {
  const language = opts.language ?? 'ky';
  const zone = opts.timeZone ?? 'Asia/Bishkek';
  const numbered = opts.numbered ?? true;
  const l = labelsFor(language);
  const period = `${day(journal.period.from)} – ${day(journal.period.to)}`;
  const { doc, fonts } = await newDocument(`${journal.title} ${period}`, language);
  const flow = new Flow(doc, fonts, opts.orientation === 'portrait' ? A4_PORTRAIT : A4_LANDSCAPE);

  drawRequisites(flow, journal.school);
  flow.centeredLines(journal.title, { bold: true, size: 14, step: 18 });
  flow.centered(`${l.period}: ${period}`);
  flow.y -= LEADING;
  for (const note of journal.notes ?? []) flow.centeredLines(note, { size: 9, step: 11 });
  flow.y -= LEADING;

  const shares = [...(numbered ? [NUMBER_WIDTH] : []), ...journal.columns.map((c) => c.width)];
  const header = [...(numbered ? [l.rowNo] : []), ...journal.columns.map((c) => c.header)];
  const rows = journal.rows.map((cells, i) => [...(numbered ? [String(i + 1)] : []), ...cells]);
  const table = new Table(flow, fitColumns(fonts, shares, header, rows, flow.contentWidth, CELL), header, CELL);
  table.begin(CELL.leading * 2);
  rows.forEach((cells) => table.row(cells));
  table.end();

  flow.y -= LEADING * 1.5;
  flow.ensure(LEADING * 2);
  flow.text(journal.rows.length ? `${l.totalRows}: ${journal.rows.length}` : l.noRows, MARGIN);
  if (journal.madeAt) {
    flow.y -= LEADING;
    flow.text(`${l.madeAt}: ${formatDate(journal.madeAt, zone, true)}`, MARGIN);
  }

  numberPages(doc, fonts, l.page);
  return doc.save();
}
