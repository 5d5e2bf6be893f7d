import { DOCUMENT_EVENT_WORDS, DOCUMENT_STATE_WORDS } from '@grif/contracts';

/** The words of a printed history, ky and ru (the admin UI's own terms, @grif/contracts); unknown codes print as they are. */
export type HistoryLang = 'ky' | 'ru';

const t = (ky: string, ru: string) => ({ ky, ru });

const words = (table: Record<string, string>, code: string) => table[code] ?? code;
export const stateWord = (lang: HistoryLang, s: string | null) => (s ? words(DOCUMENT_STATE_WORDS[lang], s) : '—');
export const eventWord = (lang: HistoryLang, e: string) => words(DOCUMENT_EVENT_WORDS[lang], e);

const MACHINES: Record<string, { ky: string; ru: string }> = {
  document: t('Документ', 'Документ'),
  destruction: t('Жок кылуу актысы', 'Акт уничтожения'),
  custody_transfer: t('Өткөрүп берүү актысы', 'Акт передачи'),
  breach_case: t('Бузулуш иши', 'Дело о нарушении'),
};
export const machineWord = (lang: HistoryLang, m: string) => MACHINES[m]?.[lang] ?? m;

export const HISTORY_WORDS = {
  title: t('Объекттин тарыхы', 'История объекта'),
  seq: t('Окуянын №', '№ события'),
  at: t('Убактысы', 'Время'),
  event: t('Окуя', 'Событие'),
  actor: t('Ким', 'Кто'),
  states: t('Абалы (мурун → кийин)', 'Состояние (до → после)'),
  changes: t('Эмне өзгөрдү', 'Что изменилось'),
  subject: t('Объект', 'Объект'),
  machine: t('Процесс', 'Процесс'),
  current: t('Азыркы абалы', 'Текущее состояние'),
  times: t('Убакыт Бишкек боюнча.', 'Время — бишкекское.'),
  chain: t('Ар бир окуя хэш-чынжыр менен корголгон.', 'Каждое событие защищено хэш-цепочкой.'),
};
