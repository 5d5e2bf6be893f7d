import type { RecordsOfficeFurniture } from '@grif/persistence';

/**
 * Demo mode only: the records office a school starts with, so the first walk-through works —
 * a secure archive room, an open staff room, the year's nomenclature, and the
 * teacher cleared for classified documents; teacher2 deliberately is not.
 */
export function demoRecordsOffice(users: Record<string, string>): RecordsOfficeFurniture {
  return {
    rooms: [
      { name: 'Каб. 12 (архив)', secure: true, cabinets: ['Шкаф 1', 'Шкаф 2'] },
      { name: 'Мугалимдер бөлмөсү', secure: false, cabinets: ['Текче 1'] },
    ],
    files: [
      { index: '01-01', title: 'Директордун негизги иш боюнча буйруктары', year: 2026, retentionYears: null },
      { index: '01-05', title: 'Кирүүчү каттар', year: 2026, retentionYears: 5 },
      { index: '01-06', title: 'Чыгуучу каттар', year: 2026, retentionYears: 5 },
    ],
    clearances: (['nda', 'briefing'] as const).map((kind) => ({
      userId: users.teacher,
      kind,
      date: '2026-09-02',
      recordedBy: users.security,
    })),
  };
}
