import type { PDFDocument } from 'pdf-lib';
import { loadFontkit, onFirstUse } from './lazy-libraries';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<Fontkit['create']>;

/**
 * Fontkit that parses each font file once a process. pdf-lib has fontkit parse the whole font again for every
 * document: ~50 ms of CPU for DejaVu's two faces, three to four times what a one-page document's drawing costs.
 *
 * Each document gets a view of the parsed font with a glyph cache of its own. A fontkit glyph keeps the characters
 * it was first made for, and pdf-lib writes the PDF's text layer (ToUnicode) from them: a glyph that another
 * document made as a part of a composite (a Cyrillic "а" is drawn with the Latin "a") has none, and shared, it
 * drops that letter from this document's text. The decoded tables are shared; fontkit only reads them after.
 * `_glyphs` is fontkit's own field (@pdf-lib/fontkit is pinned); parsed-fonts.spec.ts checks that the bytes are
 * those of a fresh parse.
 */
export const fontkitParsingOnce = onFirstUse((): Fontkit => {
  const fontkit = loadFontkit();
  const parsed = new WeakMap<Uint8Array, ParsedFont>();
  return {
    create(bytes, postscriptName) {
      if (postscriptName !== undefined) return fontkit.create(bytes, postscriptName); // one face of a collection
      let font = parsed.get(bytes);
      if (!font) parsed.set(bytes, (font = fontkit.create(bytes)));
      return Object.assign(Object.create(font) as ParsedFont, { _glyphs: {} });
    },
  };
});
