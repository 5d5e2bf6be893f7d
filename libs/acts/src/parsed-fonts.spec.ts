import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { dejaVuFonts } from './fonts';
import { fontkitParsingOnce } from './parsed-fonts';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/** A one-page document in both faces, measured and drawn as the acts are, with its dates fixed. */
async function render(kit: Fontkit, lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(kit);
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const files = dejaVuFonts();
  const faces = [
    await doc.embedFont(files.regular, { subset: true }),
    await doc.embedFont(files.bold, { subset: true }),
  ];
  const page = doc.addPage();
  lines.forEach((text, i) => {
    const font = faces[i % 2]!;
    font.widthOfTextAtSize(text, 10);
    page.drawText(text, { font, size: 10, x: 40, y: 800 - 20 * i });
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('fonts parsed once a process', () => {
  // The first document is Cyrillic only: its composite letters make the Latin glyphs they are drawn with, with no
  // characters of their own. Shared with the next documents, those glyphs would drop a, c, e, H, A from their text.
  const documents = [
    ['Ш. Сүеркулов атындагы №35 орто мектеби', 'Аса Нааса ңөү ёЁ «» —'],
    ['SHA-256: 638f3359f8f419b4f8000ff49141', 'Hello ace ABCDEFG'],
    ['Кол коюлду: 28.11.2026 17:38 Директор', 'fi ffl ½ € ü é à Ңң Өө Үү'],
  ];

  it('gives every document the very bytes a fresh parse of the font gives it', async () => {
    const shared = fontkitParsingOnce();
    for (const lines of documents) expect(await render(shared, lines)).toEqual(await render(fontkit, lines));
  });

  it('parses each font file once: every document after the first reads the same decoded tables', () => {
    const shared = fontkitParsingOnce();
    const { regular } = dejaVuFonts();
    const [a, b] = [shared.create(regular), shared.create(regular)];
    expect(a).not.toBe(b);
    expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(b));
    expect(a.unitsPerEm).toBe(2048);
  });
});
