import type { Lang, Texts } from '@grif/domain';

/**
 * The words an exported register is read in: column headers and the values behind codes (marks,
 * states, kinds). The same terms as the admin UI (apps/admin/src/i18n), Kyrgyz first; a mark in
 * Kyrgyz is the Regulation's own wording ("Кызматтык колдонуу үчүн").
 */
const t = (ky: string, ru: string, en: string): Texts => ({ ky, ru, en });

export const HEADERS = {
  regNumber: t('Каттоо номери', 'Регистрационный номер', 'Reg. number'),
  direction: t('Багыты', 'Направление', 'Direction'),
  kind: t('Түрү', 'Вид', 'Kind'),
  documentDate: t('Документтин күнү', 'Дата документа', 'Document date'),
  correspondent: t('Кимден / кимге', 'От кого / кому', 'From / to'),
  title: t('Аталышы', 'Заголовок', 'Title'),
  classification: t('Гриф', 'Гриф', 'Classification'),
  state: t('Абалы', 'Состояние', 'State'),
  createdAt: t('Катталган убакыт', 'Зарегистрирован', 'Registered at'),
  holder: t('Кимде', 'У кого', 'Holder'),
  dueAt: t('Кайтаруу мөөнөтү', 'Срок возврата', 'Due back'),
  purpose: t('Максаты', 'Цель', 'Purpose'),
  issuedBy: t('Ким берди', 'Кто выдал', 'Issued by'),
  issuedAt: t('Берилген убакыт', 'Выдан', 'Issued'),
  acknowledgedAt: t('Алганы тастыкталды', 'Получение подтверждено', 'Acknowledged'),
  overdueAt: t('Мөөнөтү өттү', 'Просрочен', 'Overdue since'),
  returnedAt: t('Кайтарылды', 'Возвращён', 'Returned'),
  condition: t('Кайтарылгандагы абалы', 'Состояние при возврате', 'Condition on return'),
  originalRegNumber: t('Түп нусканын номери', 'Номер подлинника', 'Original reg. number'),
  copyNumber: t('Көчүрмөнүн номери', 'Номер копии', 'Copy no.'),
  copyRegNumber: t('Көчүрмөнүн каттоо номери', 'Регистрационный номер копии', 'Copy reg. number'),
  madeBy: t('Ким жасады', 'Кто снял', 'Made by'),
  madeAt: t('Качан жасалды', 'Когда снята', 'Made at'),
  itemType: t('Түрү', 'Тип', 'Type'),
  label: t('Аталышы же белгиси', 'Название или обозначение', 'Title or label'),
  custodian: t('Жооптуу адам', 'Ответственное лицо', 'Custodian'),
  place: t('Турган жери', 'Местонахождение', 'Place'),
  since: t('Качантан бери', 'С какого времени', 'Since'),
  room: t('Бөлмө', 'Помещение', 'Room'),
  cabinet: t('Шкаф', 'Шкаф', 'Cabinet'),
  present: t('Бар-жогу', 'Наличие', 'In the cabinet'),
} as const satisfies Record<string, Texts>;

const WORDS = {
  classification: {
    open: t('Ачык', 'Открытый', 'Open'),
    official_use: t('Кызматтык колдонуу үчүн', 'Для служебного пользования', 'For Official Use'),
    personal_data: t('Өздүк маалыматтар', 'Персональные данные', 'Personal data'),
    confidential: t('Купуялуу маалымат', 'Конфиденциально', 'Confidential'),
  },
  state: {
    registered: t('Катталган', 'Зарегистрирован', 'Registered'),
    classified: t('Гриф коюлган', 'Гриф присвоен', 'Classified'),
    in_storage: t('Сакталууда', 'На хранении', 'In storage'),
    issued: t('Берилген', 'Выдан', 'Issued'),
    overdue: t('Мөөнөтү өткөн', 'Просрочен', 'Overdue'),
    escalated: t('Жогору жакка билдирилген', 'Передан на рассмотрение', 'Escalated'),
    dispatched: t('Жөнөтүлгөн', 'Отправлен', 'Dispatched'),
    lost: t('Жоголгон', 'Утрачен', 'Lost'),
    destroyed: t('Жок кылынган', 'Уничтожен', 'Destroyed'),
  },
  direction: {
    incoming: t('Кирүүчү', 'Входящий', 'Incoming'),
    outgoing: t('Чыгуучу', 'Исходящий', 'Outgoing'),
    internal: t('Ички', 'Внутренний', 'Internal'),
  },
  kind: {
    letter: t('Кат', 'Письмо', 'Letter'),
    order: t('Буйрук', 'Приказ', 'Order'),
    instruction: t('Тескеме', 'Распоряжение', 'Instruction'),
    other: t('Башка', 'Другое', 'Other'),
  },
  itemType: {
    document: t('Документ', 'Документ', 'Document'),
    copy: t('Көчүрмө', 'Копия', 'Copy'),
    media: t('Маалымат алып жүрүүчү', 'Носитель информации', 'Medium'),
  },
  place: {
    issued: t('Колдо (берилген)', 'На руках (выдан)', 'Out (issued)'),
    unstored: t('Сактоого коюла элек', 'Ещё не помещён на хранение', 'Not yet stored'),
    holder: t('Ээсинде', 'У владельца', 'With its holder'),
  },
  present: {
    yes: t('Шкафта', 'В шкафу', 'In the cabinet'),
    no: t('Шкафта жок (берилген)', 'Нет в шкафу (выдан)', 'Out (issued)'),
  },
} as const satisfies Record<string, Record<string, Texts>>;

export type Vocabulary = keyof typeof WORDS;

/** The word for a code in the reader's language; an unknown code stays as it is, no mark at all is a dash. */
export function wordFor(vocabulary: Vocabulary, code: string | null | undefined, lang: Lang): string {
  if (code == null) return vocabulary === 'classification' ? NO_MARK[lang] : '';
  const w = (WORDS[vocabulary] as Record<string, Texts>)[code];
  return w ? w[lang] : code;
}

const NO_MARK = t('Гриф коюла элек', 'Гриф не присвоен', 'Not classified');
const LOST = t('жоголгон', 'утрачен', 'lost');

/** The issue journal records a loss as `lost: <circumstances>`: the word goes into the reader's language. */
export function conditionText(condition: string | null, lang: Lang): string {
  if (!condition) return '';
  return condition.startsWith('lost: ') ? `${LOST[lang]}: ${condition.slice(6)}` : condition;
}

/** The printed journals' titles (format=pdf), in the words the admin UI's tabs use. */
export const JOURNAL_TITLES = {
  registration: t('Документтерди каттоо журналы', 'Журнал регистрации документов', 'Document registration journal'),
  issues: t('Документтерди берүү журналы', 'Журнал выдачи документов', 'Document issue journal'),
  copies: t('Көчүрмөлөрдү каттоо журналы', 'Журнал учёта копий', 'Copy journal'),
  carriers: t(
    'Купуялуу маалымат алып жүрүүчүлөрдүн эсеби',
    'Журнал учёта носителей конфиденциальной информации',
    'Register of carriers of confidential information',
  ),
} as const satisfies Record<string, Texts>;

/** Under a printed journal's period: which rows it holds, and as at when. */
export const JOURNAL_NOTES = {
  registration: t(
    'Ушул мезгилде катталган документтер; абалы жана грифи — басылып чыккан учурдагыдай.',
    'Документы, зарегистрированные за период; состояние и гриф — на момент печати.',
    'Documents registered in the period; state and mark as at printing.',
  ),
  issues: t(
    'Ушул мезгилде берилген документтер; кайтарылганы жана мөөнөтү өткөнү — басылып чыккан учурдагыдай.',
    'Выдачи за период; отметки о возврате и просрочке — на момент печати.',
    'Issues made in the period; returns and overdue marks as at printing.',
  ),
  copies: t('Ушул мезгилде жасалган көчүрмөлөр.', 'Копии, снятые за период.', 'Copies made in the period.'),
  carriers: t('Абалы {at} карата.', 'По состоянию на {at}.', 'As at {at}.'),
  times: t('Убакыт — Бишкек убактысы (UTC+6).', 'Время — бишкекское (UTC+6).', 'Times are Bishkek time (UTC+6).'),
} as const satisfies Record<string, Texts>;
