import type { ActLanguage } from '@grif/acts';
import type { ComplianceStatus } from '@grif/contracts';

/** The printed matrix's words, Kyrgyz and Russian (the languages of the school's papers). */
export const COMPLIANCE_WORDS: Record<
  ActLanguage,
  {
    title: string;
    columns: { rule: string; title: string; status: string; enforcedIn: string; tests: string };
    status: Record<ComplianceStatus, string>;
    notes: { source: string; results: (at: string) => string; noResults: string };
    tests: (passed: number, failed: number, skipped: number) => string;
    more: (n: number) => string;
  }
> = {
  ky: {
    title: 'Маалыматтык коопсуздук жөнүндө Жобонун талаптарына шайкештик матрицасы',
    columns: {
      rule: 'Пункт',
      title: 'Талап',
      status: 'Абалы',
      enforcedIn: 'Коддо кайда аткарылат',
      tests: 'Тесттер',
    },
    status: {
      pass: 'аткарылат, тесттер өттү',
      fail: 'тест өтпөдү',
      untested: 'тест жок',
      not_run: 'тесттер иштетиле элек',
      not_enforced: 'коддо аткарылбайт',
    },
    notes: {
      source: 'Код жана тесттердин жыйынтыгы боюнча автоматтык түрдө түзүлдү.',
      results: (at) => `Тесттердин акыркы жыйынтыгы: ${at}.`,
      noResults: 'Тесттердин жыйынтыгы жок.',
    },
    tests: (p, f, s) => `өттү ${p}, өтпөдү ${f}, өткөрүлдү ${s}`,
    more: (n) => `жана дагы ${n}`,
  },
  ru: {
    title: 'Матрица соответствия Положению об информационной безопасности',
    columns: {
      rule: 'Пункт',
      title: 'Требование',
      status: 'Статус',
      enforcedIn: 'Где обеспечено в коде',
      tests: 'Тесты',
    },
    status: {
      pass: 'обеспечено, тесты пройдены',
      fail: 'тест не пройден',
      untested: 'нет тестов',
      not_run: 'тесты не запускались',
      not_enforced: 'не обеспечено в коде',
    },
    notes: {
      source: 'Составлена автоматически по коду и результатам тестов.',
      results: (at) => `Последние результаты тестов: ${at}.`,
      noResults: 'Результатов тестов нет.',
    },
    tests: (p, f, s) => `пройдено ${p}, не пройдено ${f}, пропущено ${s}`,
    more: (n) => `и ещё ${n}`,
  },
};
