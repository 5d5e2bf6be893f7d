import { sampleAct } from './fixtures.spec-data';
import { renderAct } from './render-act';
import { pdfPages, pdfToText } from './testing/poppler';

describe('renderAct', () => {
  it('keeps every Kyrgyz letter and numbers the pages of a three-page act', async () => {
    const pdf = await renderAct(sampleAct(60));
    expect(pdfPages(pdf)).toBe(3);
    const text = pdfToText(pdf);
    for (const letter of ['ң', 'ө', 'ү', 'Ң', 'Ө', 'Ү']) expect(text).toContain(letter);
    for (const page of ['1 / 3', '2 / 3', '3 / 3']) expect(text).toContain(page);
    expect(text).toContain('Документтерди жок кылуу жөнүндө акт');
    expect(text).toContain('№ А-2026/7');
    expect(text).toContain('26.11.2026');
    expect(text).toContain('01-060');
    expect(text).toContain('Айгүл Өмүрбекова');
    // Time of a signature printed in Bishkek time (UTC+6).
    expect(text).toContain('Кол коюлду: 26.11.2026 16:30');
  });

  it('repeats the table header on every page', async () => {
    const text = pdfToText(await renderAct(sampleAct(60)));
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page).toContain('Каттоо номери');
  });

  it('speaks Russian when asked', async () => {
    const text = pdfToText(await renderAct(sampleAct(3), { language: 'ru' }));
    expect(text).toContain('Рег. номер');
    expect(text).toContain('Всего: 3');
    expect(text).not.toContain('Каттоо номери');
  });

  it("wraps a long signer's name in its column instead of cutting it at the page edge", async () => {
    const long = 'Бакыт Осмонов (маалыматтык коопсуздук үчүн жооптуу)';
    const act = { ...sampleAct(2), signers: [{ position: 'Комиссиянын төрагасы', name: long }] };
    const text = pdfToText(await renderAct(act)).replace(/\s+/g, ' ');
    for (const word of long.split(' ')) expect(text).toContain(word);
  });

  it('embeds a subset of the font, not the whole of it', async () => {
    const pdf = await renderAct(sampleAct(3));
    expect(pdf.byteLength).toBeLessThan(200_000);
  });
});
