import type { Act } from './act';

/** A Kyrgyz act with every Kyrgyz letter and enough rows for several pages. */
export const sampleAct = (items: number): Act => ({
  title: 'Документтерди жок кылуу жөнүндө акт',
  number: 'А-2026/7',
  date: new Date('2026-11-26T09:00:00Z'),
  school: {
    name: '№ 5 Ү. Өмүралиев атындагы орто мектеп',
    address: 'Бишкек ш., Түңдүк көч., 12',
    lines: ['Тел.: +996 312 000 000'],
  },
  preamble: ['Комиссия 2026-жылдын 1-ноябрындагы № 14 буйругу менен дайындалган. ҢӨҮ ңөү — текшерүү.'],
  items: Array.from({ length: items }, (_, i) => ({
    regNumber: `01-${String(i + 1).padStart(3, '0')}`,
    title:
      i % 7 === 0
        ? `Окуучулардын жеке иштери, ${i + 1}-топ: Өмүрбек, Үсөн, Жеңиш жана башкалар (узун аталыш)`
        : `Буйрук № ${i + 1}`,
    note: i % 5 === 0 ? 'Көчүрмөсү бар' : '',
  })),
  signers: [
    { position: 'Комиссиянын төрагасы', name: 'Айгүл Өмүрбекова' },
    { position: 'Директор', name: 'Жеңиш Төрөбеков', signedAt: new Date('2026-11-26T10:30:00Z') },
  ],
});
