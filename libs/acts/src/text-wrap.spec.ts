import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont } from 'pdf-lib';
import { dejaVuFonts } from './fonts';
import { wrapText } from './text-wrap';

/** The plain greedy wrap, shaping every candidate line: what wrapText must agree with. */
function shapedEveryTime(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
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
    }
    lines.push(line);
  }
  return lines;
}

describe('wrapText', () => {
  it('breaks where shaping every candidate line would, ligatures and mixed scripts included', async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(fontkit);
    const files = dejaVuFonts();
    const fonts = [
      await doc.embedFont(files.regular, { subset: true }),
      await doc.embedFont(files.bold, { subset: true }),
    ];
    // Latin ligatures (ff, fi, ffl) shape differently after a Cyrillic word: fontkit takes the line's first script.
    const words = ['Окуучулардын', 'жеке', 'Өмүрбек,', 'Үсөн,', 'Жеңиш', 'office', 'affluent', 'fifty', 'AVATAR'];
    words.push('WWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', '№', '01-0001', '(узун', 'аталыш)', 'a\u0301b', '—', 'Ё', 'ŋ');
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 600; i++) {
      const text =
        Array.from({ length: 1 + random(14) }, () => words[random(words.length)]).join(random(5) ? ' ' : '  ') +
        (random(10) ? '' : '\nэкинчи сап');
      const font = fonts[random(2)];
      const size = [7, 10, 12, 14][random(4)];
      const width = 20 + random(300) + random(100) / 7;
      expect([text, wrapText(text, font, size, width)]).toEqual([text, shapedEveryTime(text, font, size, width)]);
    }
  });
});
