/**
 * The rules of the Regulation Grif enforces, with the words a user reads when
 * one refuses an action. Kyrgyz first (the Regulation's own language).
 */
export type Lang = 'ky' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ky', 'ru', 'en'];
export type Texts = Record<Lang, string>;

export const RULES = {
  'R-2.5': {
    ky: 'Купуялуу маалымат кызматкерге ал маалыматты чыгарбоо милдеттенмесине кол койгондон жана маалыматтык коопсуздук боюнча инструктаждан өткөндөн кийин гана берилет.',
    ru: 'Конфиденциальные документы выдаются сотруднику только после подписанного обязательства о неразглашении и инструктажа по информационной безопасности.',
    en: 'Classified documents are issued only to staff who signed a non-disclosure obligation and received the security briefing.',
  },
  'R-3': {
    ky: 'Мектеп купуялуу маалыматты алып жүрүүчүлөрдүн реестрин жүргүзөт.',
    ru: 'Школа ведёт реестр носителей конфиденциальной информации.',
    en: 'The school keeps a register of the carriers of confidential information.',
  },
  'R-4.1c': {
    ky: 'Документтердин көчүрмөлөрү атайын журналда катталат: көчүрүлгөн күнү жана максаты.',
    ru: 'Копии документов регистрируются в специальном журнале: дата и цель копирования.',
    en: 'Copies of documents are registered in a special journal: date and purpose of copying.',
  },
  'R-4.3': {
    ky: 'Иш кагаздарынын жүргүзүлүшүн маалыматтык коопсуздук үчүн жооптуу көзөмөлдөйт: грифти ал же директор гана өзгөртөт.',
    ru: 'Делопроизводство контролирует ответственный за информационную безопасность: гриф меняет только он или директор.',
    en: 'The information-security officer supervises the records: only they or the director change a classification.',
  },
  'R-4.1b': {
    ky: 'Ар бир кирген жана чыккан документ каттоо журналында катталат: кайдан келгени же кайда кеткени, күнү жана түрү менен.',
    ru: 'Каждый входящий и исходящий документ регистрируется в журнале регистрации: откуда или куда, дата и вид.',
    en: 'Every incoming and outgoing document is registered in the registration journal: from/to, date and type.',
  },
  'R-4.2.1': {
    ky: 'Документ грифине жараша эсеп журналына кол коюу менен жооптуу адамга берилет: алганын документ берилген адам гана тастыктайт.',
    ru: 'Документ выдаётся ответственному лицу под подпись в журнале: получение подтверждает только тот, кому он выдан.',
    en: 'A document is issued to the responsible person against a signature in the register: only the person it was issued to may acknowledge it.',
  },
  'R-4.2.2': {
    ky: '«Кызматтык колдонуу үчүн» грифи бар документтер ишенимдүү кызматтык жайдагы шкафтарда сакталат.',
    ru: 'Документы с грифом «Для служебного пользования» хранятся в шкафах защищённого служебного помещения.',
    en: 'Documents marked "For Official Use" are kept in cabinets of a secure office room.',
  },
  'R-4.2.3': {
    ky: '«Кызматтык колдонуу үчүн» грифи бар документтер иштегенден кийин ошол эле жумуш күнү сактоо жайына кайтарылат.',
    ru: 'Документы с грифом «Для служебного пользования» возвращаются на хранение в тот же рабочий день.',
    en: 'Documents marked "For Official Use" are returned to storage the same working day.',
  },
  'R-4.2.4': {
    ky: 'Документтер иш кагаздарын уюштурууга жооптуу аркылуу гана берилет.',
    ru: 'Документы выдаются только через ответственного за делопроизводство.',
    en: 'Documents are issued only through the records clerk.',
  },
  'R-4.2.5': {
    ky: '«Кызматтык колдонуу үчүн» грифи бар документтерди мектептин сыртына чыгарууга тыюу салынат.',
    ru: 'Выносить документы с грифом «Для служебного пользования» за пределы школы запрещено.',
    en: 'Documents marked "For Official Use" may not leave the school.',
  },
  'R-1.4': {
    ky: 'Ар бир документтин грифи болот: ачык, кызматтык колдонуу үчүн, өздүк маалыматтар же купуялуу.',
    ru: 'Каждый документ имеет гриф: открытый, ДСП, персональные данные или конфиденциально.',
    en: 'Every document carries a classification: open, For Official Use, personal data or confidential.',
  },
} as const satisfies Record<string, Texts>;

export type RuleId = keyof typeof RULES;

export function ruleText(rule: RuleId, lang: Lang): string {
  return RULES[rule][lang];
}
