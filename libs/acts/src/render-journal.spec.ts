import type { Journal } from './journal';
import { renderJournal } from './render-journal';
import { pdfPages, pdfToText } from './testing/poppler';

/** A Kyrgyz registration journal with every Kyrgyz letter and enough rows for several pages. */
const sampleJournal = (rows: number): Journal => ({
  title: 'Документтерди каттоо журналы',
  school: { name: '№ 5 Ү. Өмүралиев атындагы орто мектеп' },
  period: { from: '2026-09-01', to: '2026-11-30' },
  notes: ['Ушул мезгилде катталган документтер. Убакыт — Бишкек убактысы.'],
  columns: [
    { header: 'Каттоо номери', width: 12 },
    { header: 'Кимден / кимге', width: 20 },
    { header: 'Аталышы', width: 40 },
    { header: 'Гриф', width: 14 },
  ],
  rows: Array.from({ length: rows }, (_, i) => [
    `К-${String(i + 1).padStart(4, '0')}/2026`,
    'Билим берүү министрлиги',
    i % 9 === 0 ? `Өмүрбек, Үсөн жана Жеңиш жөнүндө узун аталыш, ${i + 1}-бөлүк, ңөү ҢӨҮ` : `Буйрук № ${i + 1}`,
    'Кызматтык колдонуу үчүн',
  ]),
  madeAt: new Date('2026-12-01T05:00:00Z'),
});

const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim());

describe('renderJournal', () => {
  it('keeps every Kyrgyz letter, prints the requisites, the title and the period', async () => {
    const text = pdfToText(await renderJournal(sampleJournal(5)));
    for (const letter of ['ң', 'ө', 'ү', 'Ң', 'Ө', 'Ү']) expect(text).toContain(letter);
    expect(text).toContain('№ 5 Ү. Өмүралиев атындагы орто мектеп');
    expect(text).toContain('Документтерди каттоо журналы');
    expect(text).toContain('Мезгили: 01.09.2026 – 30.11.2026');
    expect(text).toContain('Бардыгы болуп жазуулар: 5');
    // The time of the printout in Bishkek time (UTC+6).
    expect(text).toContain('Түзүлгөн убакыт: 01.12.2026 11:00');
    expect(text).toContain('Барак 1 / 1');
  });

  it('breaks the table across pages, the header again on each, numbered "Барак i / n"', async () => {
    const pdf = await renderJournal(sampleJournal(120));
    const n = pdfPages(pdf);
    expect(n).toBeGreaterThanOrEqual(3);
    const pages = pagesOf(pdfToText(pdf));
    expect(pages).toHaveLength(n);
    pages.forEach((page, i) => {
      expect(page).toContain('Каттоо номери');
      expect(page).toContain('Аталышы');
      expect(page).toContain(`Барак ${i + 1} / ${n}`);
    });
    // Every row once, in order, numbered; the first on page 1 and the last on the last page.
    const all = pages.join('\n');
    const numbers = [...all.matchAll(/К-(\d{4})\/2026/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(pages[0]).toContain('К-0001/2026');
    expect(pages[n - 1]).toContain('К-0120/2026');
    expect(pages[n - 1]).toContain('Бардыгы болуп жазуулар: 120');
  });

  it('speaks Russian when asked', async () => {
    const journal = { ...sampleJournal(70), title: 'Журнал регистрации документов' };
    const pdf = await renderJournal(journal, { language: 'ru' });
    const n = pdfPages(pdf);
    const text = pdfToText(pdf);
    expect(text).toContain('Период: 01.09.2026 – 30.11.2026');
    expect(text).toContain(`Страница 1 / ${n}`);
    expect(text).toContain(`Страница ${n} / ${n}`);
    expect(text).toContain('Всего записей: 70');
    expect(text).not.toContain('Барак');
  });

  it('says so when the period has no rows', async () => {
    const text = pdfToText(await renderJournal(sampleJournal(0)));
    expect(text).toContain('Каттоо номери');
    expect(text).toContain('Бул мезгилде жазуулар жок');
  });

  it('splits a row taller than a page, the header again above the rest', async () => {
    const long = Array.from({ length: 1500 }, (_, i) => `сөз${i + 1}`).join(' ');
    const journal = sampleJournal(2);
    journal.rows[1] = ['К-0002/2026', 'Министрлик', long, 'Ачык'];
    const pdf = await renderJournal(journal, { orientation: 'portrait' });
    const pages = pagesOf(pdfToText(pdf));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const holding = pages.filter((p) => p.includes('сөз'));
    expect(holding.length).toBeGreaterThanOrEqual(2);
    for (const page of holding) expect(page).toContain('Аталышы');
    // Begun on the first page under row 1, every word printed once.
    expect(pages[0]).toContain('сөз1 ');
    const words = [...pages.join('\n').matchAll(/сөз(\d+)/g)].map((m) => Number(m[1]));
    expect(words).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
  });

  it('widens a column to its widest word rather than cut it, the others sharing the rest', async () => {
    const journal: Journal = {
      ...sampleJournal(3),
      columns: [
        { header: 'Регистрационный номер', width: 1 },
        { header: 'Кайтарылгандагы абалы', width: 1 },
        { header: 'Аталышы', width: 40 },
      ],
      rows: [['К-0001/2026', 'Зарегистрирован', 'Буйрук']],
    };
    const text = pdfToText(await renderJournal(journal));
    for (const word of ['Регистрационный', 'Кайтарылгандагы', 'К-0001/2026', 'Зарегистрирован'])
      expect(text).toContain(word);
  });

  it('embeds a subset of the font, not the whole of it', async () => {
    expect((await renderJournal(sampleJournal(5))).byteLength).toBeLessThan(200_000);
  });
});
