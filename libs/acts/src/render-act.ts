import fontkit from '@pdf-lib/fontkit';
import { DateTime } from 'luxon';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import type { Act, RenderOptions } from './act';
import { dejaVuFonts } from './fonts';
import { labelsFor } from './labels';
import { wrapText } from './text-wrap';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const BOTTOM = 60; // room for the page number
const SIZE = 10;
const LEADING = 13;
const PAD = 3;
const BLACK = rgb(0, 0, 0);
/** Column shares of the content width: №, registration number, title, note. */
const COLUMNS = [0.07, 0.2, 0.48, 0.25];

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A cursor over pages: it adds a page when the next block does not fit. */
class Flow {
  page!: PDFPage;
  y = 0;
  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly onNewPage: (flow: Flow) => void = () => undefined,
  ) {
    this.addPage();
  }
  addPage(): void {
    this.page = this.doc.addPage(A4);
    // The font is set once per page: passing it to every drawText doubles the file (stack.md).
    this.page.setFont(this.fonts.regular);
    this.page.setFontSize(SIZE);
    this.y = A4[1] - MARGIN;
    this.onNewPage(this);
  }
  ensure(height: number): void {
    if (this.y - height < BOTTOM) this.addPage();
  }
  text(s: string, x: number, opts: { bold?: boolean; size?: number } = {}): void {
    this.page.drawText(s, {
      x,
      y: this.y,
      size: opts.size ?? SIZE,
      ...(opts.bold ? { font: this.fonts.bold } : {}),
      color: BLACK,
    });
  }
  centered(s: string, opts: { bold?: boolean; size?: number } = {}): void {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const width = font.widthOfTextAtSize(s, opts.size ?? SIZE);
    this.text(s, (A4[0] - width) / 2, opts);
  }
}

const formatDate = (d: Date, zone: string, withTime = false): string =>
  DateTime.fromJSDate(d, { zone }).toFormat(withTime ? 'dd.MM.yyyy HH:mm' : 'dd.MM.yyyy');

/** Renders an act as an A4 PDF, ready for signature placeholders (no object streams). */
export async function renderAct(act: Act, opts: RenderOptions = {}): Promise<Uint8Array> {
  const language = opts.language ?? 'ky';
  const zone = opts.timeZone ?? 'Asia/Bishkek';
  const l = labelsFor(language);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = dejaVuFonts();
  const fonts: Fonts = {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  };
  doc.setTitle(`${act.title} ${l.number} ${act.number}`);
  doc.setLanguage(language);

  const contentWidth = A4[0] - 2 * MARGIN;
  const xs = COLUMNS.reduce<number[]>((acc, share, i) => [...acc, acc[i] + share * contentWidth], [MARGIN]);
  const widths = COLUMNS.map((share) => share * contentWidth);
  const header = [l.rowNo, l.regNumber, l.title, l.note];

  const drawRow = (flow: Flow, cells: string[], bold: boolean): void => {
    const font = bold ? fonts.bold : fonts.regular;
    const lines = cells.map((c, i) => wrapText(c, font, SIZE, widths[i] - 2 * PAD));
    const height = Math.max(...lines.map((ls) => ls.length)) * LEADING + 2 * PAD;
    const top = flow.y;
    lines.forEach((ls, i) => {
      ls.forEach((line, j) => {
        flow.page.drawText(line, {
          x: xs[i] + PAD,
          y: top - PAD - (j + 1) * LEADING + 3,
          size: SIZE,
          ...(bold ? { font: fonts.bold } : {}),
        });
      });
      flow.page.drawRectangle({
        x: xs[i],
        y: top - height,
        width: widths[i],
        height,
        borderColor: BLACK,
        borderWidth: 0.5,
      });
    });
    flow.y = top - height;
  };
  const rowHeight = (cells: string[], font: PDFFont) =>
    Math.max(...cells.map((c, i) => wrapText(c, font, SIZE, widths[i] - 2 * PAD).length)) * LEADING + 2 * PAD;

  let inTable = false;
  // Every page the table continues on starts with its header again.
  const flow = new Flow(doc, fonts, (f) => {
    if (inTable) drawRow(f, header, true);
  });

  // The school's requisites.
  flow.centered(act.school.name, { bold: true, size: 12 });
  flow.y -= LEADING + 2;
  for (const line of [act.school.address, ...(act.school.lines ?? [])].filter((s): s is string => !!s)) {
    flow.centered(line);
    flow.y -= LEADING;
  }
  flow.page.drawLine({
    start: { x: MARGIN, y: flow.y + 4 },
    end: { x: A4[0] - MARGIN, y: flow.y + 4 },
    thickness: 0.75,
  });
  flow.y -= 2 * LEADING;

  // Title, number and date.
  for (const line of wrapText(act.title, fonts.bold, 14, contentWidth)) {
    flow.centered(line, { bold: true, size: 14 });
    flow.y -= 18;
  }
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

  // The table of items.
  flow.ensure(rowHeight(header, fonts.bold) + LEADING * 2);
  drawRow(flow, header, true);
  inTable = true;
  act.items.forEach((item, i) => {
    const cells = [String(i + 1), item.regNumber, item.title, item.note ?? ''];
    flow.ensure(rowHeight(cells, fonts.regular));
    drawRow(flow, cells, false);
  });
  inTable = false;
  flow.y -= LEADING * 1.5;
  flow.ensure(LEADING);
  flow.text(`${l.totalItems}: ${act.items.length}`, MARGIN);
  flow.y -= LEADING * 3;

  // Signature blocks.
  for (const signer of act.signers) {
    flow.ensure(LEADING * 4);
    flow.text(signer.position, MARGIN);
    flow.page.drawLine({
      start: { x: MARGIN + contentWidth * 0.45, y: flow.y - 2 },
      end: { x: MARGIN + contentWidth * 0.65, y: flow.y - 2 },
      thickness: 0.5,
    });
    flow.text(signer.name, MARGIN + contentWidth * 0.68);
    flow.y -= LEADING;
    flow.text(`(${l.signature})`, MARGIN + contentWidth * 0.5, { size: 7 });
    if (signer.signedAt) {
      flow.y -= LEADING;
      flow.text(`${l.signedAt}: ${formatDate(signer.signedAt, zone, true)}`, MARGIN + contentWidth * 0.45);
    }
    flow.y -= LEADING * 2.5;
  }

  // Page numbers, once the count is known.
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = `${l.page} ${i + 1} / ${pages.length}`;
    const width = fonts.regular.widthOfTextAtSize(label, SIZE);
    page.drawText(label, { x: (A4[0] - width) / 2, y: 30, size: SIZE });
  });

  // Placeholders are appended as incremental updates, which need a classic cross-reference table.
  return doc.save({ useObjectStreams: false });
}
