import type { ActLanguage } from './act';

/** The fixed words of every act and journal; Kyrgyz is the default, Russian an option. */
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
  /** Journals: "Мезгили: 01.09.2026 – 30.11.2026". */
  period: string;
  /** Journals: when the printout was made. */
  madeAt: string;
  /** Journals: the row count under the table. */
  totalRows: string;
  /** Journals: the line under the header when the period has no rows. */
  noRows: string;
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
    period: 'Мезгили',
    madeAt: 'Түзүлгөн убакыт',
    totalRows: 'Бардыгы болуп жазуулар',
    noRows: 'Бул мезгилде жазуулар жок',
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
    period: 'Период',
    madeAt: 'Сформирован',
    totalRows: 'Всего записей',
    noRows: 'За этот период записей нет',
  },
};

export const labelsFor = (language: ActLanguage): ActLabels => LABELS[language];
