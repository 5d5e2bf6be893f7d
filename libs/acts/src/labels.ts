import type { ActLanguage } from './act';

/** The fixed words of every act; Kyrgyz is the default, Russian an option. */
export interface ActLabels {
  number: string;
  date: string;
  rowNo: string;
  regNumber: string;
  title: string;
  note: string;
  signature: string;
  signedAt: string;
  totalItems: string;
  /** Before "1 / 3": alone, a line of equally spaced glyphs loses its spaces in text extraction. */
  page: string;
}

const LABELS: Record<ActLanguage, ActLabels> = {
  ky: {
    number: '№',
    date: 'Датасы',
    rowNo: '№',
    regNumber: 'Каттоо номери',
    title: 'Документтин аталышы',
    note: 'Эскертүү',
    signature: 'Колу',
    signedAt: 'Кол коюлду',
    totalItems: 'Бардыгы болуп',
    page: 'Барак',
  },
  ru: {
    number: '№',
    date: 'Дата',
    rowNo: '№',
    regNumber: 'Рег. номер',
    title: 'Наименование документа',
    note: 'Примечание',
    signature: 'Подпись',
    signedAt: 'Подписано',
    totalItems: 'Всего',
    page: 'Страница',
  },
};

export const labelsFor = (language: ActLanguage): ActLabels => LABELS[language];
