import type { Act, RenderOptions } from './act';
import { labelsFor } from './labels';
import { drawRequisites, Flow, formatDate, LEADING, MARGIN, newDocument, numberPages, SIZE, Table } from './layout';
import { wrapText } from './text-wrap';

/** Column shares of the content width: №, registration number, title, note. */
const COLUMNS = [0.07, 0.2, 0.48, 0.25];

/** Renders an act as an A4 PDF, ready for signature placeholders (no object streams). */
export async function renderAct(act: Act, opts: RenderOptions = {}): Promise<Uint8Array> {
  const language = opts.language ?? 'ky';
  const zone = opts.timeZone ?? 'Asia/Bishkek';
  const l = labelsFor(language);
  const { doc, fonts } = await newDocument(`${act.title} ${l.number} ${act.number}`, language);
  const flow = new Flow(doc, fonts);
  const { contentWidth } = flow;

  drawRequisites(flow, act.school);

  // Title, number and date.
  flow.centeredLines(act.title, { bold: true, size: 14, step: 18 });
  flow.centered(`${l.number} ${act.number}   ${l.date}: ${formatDate(act.date, zone)}`);
  flow.y -= 2 * LEADING;
  for (const paragraph of act.preamble ?? []) {
    for (const line of wrapText(paragraph, fonts.regular, SIZE, contentWidth)) {
      flow.ensure(LEADING);
      flow.text(line, MARGIN);
      flow.y -= LEADING;
    }
    flow.y -= 4;
  }
  flow.y -= LEADING;

  // The table of items; every page it continues on starts with its header again.
  const headers = act.columns ?? { regNumber: l.regNumber, title: l.title, note: l.note };
  const table = new Table(flow, COLUMNS, [l.rowNo, headers.regNumber, headers.title, headers.note]);
  table.begin(LEADING * 2);
  act.items.forEach((item, i) => table.row([String(i + 1), item.regNumber, item.title, item.note ?? '']));
  table.end();
  flow.y -= LEADING * 1.5;
  flow.ensure(LEADING);
  flow.text(`${l.totalItems}: ${act.items.length}`, MARGIN);
  flow.y -= LEADING * 3;

  // Signature blocks.
  for (const signer of act.signers) {
    flow.ensure(LEADING * 5);
    flow.text(signer.position, MARGIN);
    flow.page.drawLine({
      start: { x: MARGIN + contentWidth * 0.45, y: flow.y - 2 },
      end: { x: MARGIN + contentWidth * 0.65, y: flow.y - 2 },
      thickness: 0.5,
    });
    // A name with its position in brackets outgrows its column: it wraps under itself, never past the margin.
    const name = wrapText(signer.name, fonts.regular, SIZE, contentWidth * 0.32);
    const top = flow.y;
    name.forEach((line, i) => {
      flow.y = top - i * LEADING;
      flow.text(line, MARGIN + contentWidth * 0.68);
    });
    flow.y = top - LEADING;
    flow.text(`(${l.signature})`, MARGIN + contentWidth * 0.5, { size: 7 });
    flow.y = Math.min(flow.y, top - (name.length - 1) * LEADING);
    if (signer.signedAt) {
      flow.y -= LEADING;
      flow.text(`${l.signedAt}: ${formatDate(signer.signedAt, zone, true)}`, MARGIN + contentWidth * 0.45);
    }
    flow.y -= LEADING * 2.5;
  }

  numberPages(doc, fonts, l.page);

  // Placeholders are appended as incremental updates, which need a classic cross-reference table.
  return doc.save({ useObjectStreams: false });
}
