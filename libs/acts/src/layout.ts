import { DateTime } from 'luxon';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';
import type { ActLanguage, SchoolRequisites } from './act';
import { dejaVuFonts } from './fonts';
import { loadPdfLib, onFirstUse } from './lazy-libraries';
import { fontkitParsingOnce } from './parsed-fonts';
import { wrapText } from './text-wrap';

/**
 * What every printed paper of the records office shares: an A4 page, the DejaVu subset, the
 * school's requisites, a centred title, a table that continues across pages under its header
 * again, and "Барак 1 / 3" at the foot of each page. renderAct and renderJournal draw with it.
 */

export type PageSize = [number, number];
export const A4_PORTRAIT: PageSize = [595.28, 841.89];
export const A4_LANDSCAPE: PageSize = [841.89, 595.28];
export const MARGIN = 50;
const BOTTOM = 60; // room for the page number
export const SIZE = 10;
export const LEADING = 13;
const PAD = 3;
const black = onFirstUse((): RGB => loadPdfLib().rgb(0, 0, 0));

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** A new document with the DejaVu subset embedded (every Kyrgyz letter), titled and in its language. */
export async function newDocument(title: string, language: ActLanguage): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await loadPdfLib().PDFDocument.create();
  doc.registerFontkit(fontkitParsingOnce());
  const files = dejaVuFonts();
  const fonts: Fonts = {
    regular: await doc.embedFont(files.regular, { subset: true }),
    bold: await doc.embedFont(files.bold, { subset: true }),
  };
  doc.setTitle(title);
  doc.setLanguage(language);
  return { doc, fonts };
}

export const formatDate = (d: Date, zone: string, withTime = false): string =>
  DateTime.fromJSDate(d, { zone }).toFormat(withTime ? 'dd.MM.yyyy HH:mm' : 'dd.MM.yyyy');

/** A cursor over pages: it adds a page when the next block does not fit. */
export class Flow {
  page!: PDFPage;
  y = 0;
  /** Called on every page added after the first (a table in progress draws its header again). */
  onNewPage: (() => void) | undefined;
  readonly contentWidth: number;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly size: PageSize = A4_PORTRAIT,
  ) {
    this.contentWidth = size[0] - 2 * MARGIN;
    this.addPage();
  }
  addPage(): void {
    this.page = this.doc.addPage(this.size);
    // The font is set once per page: passing it to every drawText doubles the file (stack.md).
    this.page.setFont(this.fonts.regular);
    this.page.setFontSize(SIZE);
    this.y = this.size[1] - MARGIN;
    this.onNewPage?.();
  }
  /** The height left above the page-number band. */
  get room(): number {
    return this.y - BOTTOM;
  }
  /** The height a fresh page offers below its top margin. */
  get pageRoom(): number {
    return this.size[1] - MARGIN - BOTTOM;
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
      color: black(),
    });
  }
  centered(s: string, opts: { bold?: boolean; size?: number } = {}): void {
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    const width = font.widthOfTextAtSize(s, opts.size ?? SIZE);
    this.text(s, (this.size[0] - width) / 2, opts);
  }
  /** A paragraph wrapped to the content width, each line centred; `step` is the distance between lines. */
  centeredLines(s: string, opts: { bold?: boolean; size?: number; step?: number } = {}): void {
    const size = opts.size ?? SIZE;
    const font = opts.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrapText(s, font, size, this.contentWidth)) {
      this.centered(line, opts);
      this.y -= opts.step ?? LEADING;
    }
  }
  rule(thickness = 0.75): void {
    this.page.drawLine({
      start: { x: MARGIN, y: this.y + 4 },
      end: { x: this.size[0] - MARGIN, y: this.y + 4 },
      thickness,
    });
  }
}

/** The school's name in bold, its address and further lines under it, and a rule across the page. */
export function drawRequisites(flow: Flow, school: SchoolRequisites): void {
  flow.centered(school.name, { bold: true, size: 12 });
  flow.y -= LEADING + 2;
  for (const line of [school.address, ...(school.lines ?? [])].filter((s): s is string => !!s)) {
    flow.centered(line);
    flow.y -= LEADING;
  }
  flow.rule();
  flow.y -= 2 * LEADING;
}

export interface TableStyle {
  /** Font size of the cells (the header too); the act's 10 by default. */
  size?: number;
  /** Distance between the lines of a cell. */
  leading?: number;
}

/**
 * A table with columns as shares of the content width. `begin` draws the header; while the table
 * is open, every new page starts with the header again. A row that does not fit goes to the next
 * page whole; one taller than a page is split line by line.
 */
export class Table {
  private readonly xs: number[];
  private readonly widths: number[];
  private readonly size: number;
  private readonly leading: number;
  constructor(
    private readonly flow: Flow,
    shares: readonly number[],
    private readonly header: readonly string[],
    style: TableStyle = {},
  ) {
    const total = shares.reduce((a, b) => a + b, 0);
    this.widths = shares.map((s) => (s / total) * flow.contentWidth);
    this.xs = this.widths.reduce<number[]>((acc, w, i) => [...acc, acc[i] + w], [MARGIN]);
    this.size = style.size ?? SIZE;
    this.leading = style.leading ?? LEADING;
  }

  private lines(cells: readonly string[], bold: boolean): string[][] {
    const font = bold ? this.flow.fonts.bold : this.flow.fonts.regular;
    return cells.map((c, i) => wrapText(c, font, this.size, this.widths[i] - 2 * PAD));
  }
  private heightOf(lines: string[][]): number {
    return Math.max(...lines.map((ls) => ls.length)) * this.leading + 2 * PAD;
  }
  rowHeight(cells: readonly string[], bold = false): number {
    return this.heightOf(this.lines(cells, bold));
  }

  /** Draws the cells' lines (already wrapped) at the cursor, with a border around each cell. */
  private draw(lines: string[][], bold: boolean): void {
    const { page } = this.flow;
    const height = this.heightOf(lines);
    const top = this.flow.y;
    lines.forEach((ls, i) => {
      ls.forEach((line, j) => {
        if (!line) return;
        page.drawText(line, {
          x: this.xs[i] + PAD,
          y: top - PAD - (j + 1) * this.leading + 3,
          size: this.size,
          ...(bold ? { font: this.flow.fonts.bold } : {}),
        });
      });
      page.drawRectangle({
        x: this.xs[i],
        y: top - height,
        width: this.widths[i],
        height,
        borderColor: black(),
        borderWidth: 0.5,
      });
    });
    this.flow.y = top - height;
  }

  /** The header, on this page if it fits with room for `keep` more, else on the next; repeated from now on. */
  begin(keep = 0): void {
    const header = this.lines(this.header, true);
    this.flow.ensure(this.heightOf(header) + keep);
    this.draw(header, true);
    this.flow.onNewPage = () => this.draw(this.lines(this.header, true), true);
  }

  row(cells: readonly string[]): void {
    let lines = this.lines(cells, false);
    const headerHeight = this.heightOf(this.lines(this.header, true));
    if (this.heightOf(lines) <= this.flow.pageRoom - headerHeight) {
      this.flow.ensure(this.heightOf(lines));
      this.draw(lines, false);
      return;
    }
    // Taller than a page: as many lines as fit here, the rest under the header on the next page.
    while (lines.some((ls) => ls.length)) {
      const fit = Math.floor((this.flow.room - 2 * PAD) / this.leading);
      if (fit < 1) {
        this.flow.addPage();
        continue;
      }
      this.draw(
        lines.map((ls) => ls.slice(0, fit)),
        false,
      );
      lines = lines.map((ls) => ls.slice(fit));
      if (lines.some((ls) => ls.length)) this.flow.addPage();
    }
  }

  /** Stops repeating the header. */
  end(): void {
    this.flow.onNewPage = undefined;
  }
}

/**
 * Column widths for a table of known rows: the shares, except that a column gets at least the width
 * of its widest word (header or cell, up to a third of the table), so "Регистрационный" is not cut
 * in two; the others share what is left by their shares. Impossible (too many wide columns): the
 * shares as they are.
 */
export function fitColumns(
  fonts: Fonts,
  shares: readonly number[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
  width: number,
  style: TableStyle = {},
): number[] {
  const size = style.size ?? SIZE;
  const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);
  const widest = (words: Iterable<string>, font: PDFFont) => {
    // Measuring is the slow part: only the longest few distinct words can be the widest.
    const longest = [...new Set(words)].sort((a, b) => b.length - a.length).slice(0, 12);
    return Math.max(0, ...longest.map((w) => font.widthOfTextAtSize(w, size)));
  };
  const mins = shares.map((_, i) =>
    Math.min(
      width / 3,
      Math.max(
        widest(wordsOf(header[i] ?? ''), fonts.bold),
        widest(
          rows.flatMap((r) => wordsOf(r[i] ?? '')),
          fonts.regular,
        ),
      ) +
        2 * PAD +
        1,
    ),
  );
  const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (total(mins) > width) return [...shares];
  const fixed = new Set<number>();
  for (;;) {
    const free = width - total([...fixed].map((i) => mins[i]));
    const freeShares = total(shares.filter((_, i) => !fixed.has(i)));
    if (!freeShares) return mins.map((m, i) => m + (free * shares[i]) / total([...shares]));
    const widths = shares.map((s, i) => (fixed.has(i) ? mins[i] : (s / freeShares) * free));
    const short = widths.flatMap((w, i) => (!fixed.has(i) && w < mins[i] ? [i] : []));
    if (!short.length) return widths;
    for (const i of short) fixed.add(i);
  }
}

/** "Барак 1 / 3" centred at the foot of every page, once the count is known. */
export function numberPages(doc: PDFDocument, fonts: Fonts, word: string): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const label = `${word} ${i + 1} / ${pages.length}`;
    const width = fonts.regular.widthOfTextAtSize(label, SIZE);
    page.drawText(label, { x: (page.getWidth() - width) / 2, y: 30, size: SIZE });
  });
}
