import type { PDFFont } from 'pdf-lib';

/**
 * pdf-lib measures text by shaping it with fontkit (script detection, GSUB/GPOS lookups), then summing the glyphs'
 * advance widths: exact, but a 1,000-row act spent half of its time there. So a candidate line whose letters' widths
 * (each letter shaped alone, remembered per font) sum to well under the line fits without shaping it: shaping in
 * context (ligatures, composed letters) does not widen Cyrillic or Latin text by a tenth. Near the limit the whole
 * candidate line is shaped as before (not a sum of words: fontkit shapes a line in the script of its first letter, so
 * "affluent" after a Cyrillic word has no ligature), and remembered, so measuring a row and drawing it shape it once.
 * The breaks are the ones exact measuring gives.
 */
const SURE_TO_FIT = 0.9;

interface Widths {
  /** Shaped width at size 1, remembered. */
  exact(s: string): number;
  /** Sum of the letters' shaped widths at size 1: no shaping across letters. */
  letters(s: string): number;
}

// Keyed by the font object: a document's fonts go with it, and so do their widths.
const widthsByFont = new WeakMap<PDFFont, Widths>();

function widthsOf(font: PDFFont): Widths {
  let widths = widthsByFont.get(font);
  if (!widths) {
    const known = new Map<string, number>();
    const exact = (s: string): number => {
      let w = known.get(s);
      if (w === undefined) known.set(s, (w = font.widthOfTextAtSize(s, 1)));
      return w;
    };
    const letters = (s: string): number => {
      let sum = 0;
      for (const ch of s) sum += exact(ch);
      return sum;
    };
    widths = { exact, letters };
    widthsByFont.set(font, widths);
  }
  return widths;
}

/** Breaks text into lines no wider than `width`; a word longer than a line is cut by characters. */
export const wrapText = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const { exact, letters } = widthsOf(font);
  const sure = (lettersWidth: number) => lettersWidth * size <= width * SURE_TO_FIT;
  const fits = (s: string, lettersWidth = letters(s)) => sure(lettersWidth) || exact(s) * size <= width;
  const space = letters(' ');
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const words = paragraph.split(/\s+/).filter(Boolean);
    let line = '';
    let lineLetters = 0;
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      const candidateLetters = (line ? lineLetters + space : 0) + letters(word);
      if (fits(candidate, candidateLetters)) {
        line = candidate;
        lineLetters = candidateLetters;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (!fits(line)) {
        let cut = line.length - 1;
        while (cut > 1 && !fits(line.slice(0, cut))) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
      lineLetters = letters(line);
    }
    lines.push(line);
  }
  return lines;
};
