/**
 * The rules of the Regulation Grif enforces, with the words a user reads when
 * one refuses an action. Kyrgyz first (the Regulation's own language).
 */
export type Lang = 'ky' | 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ky', 'ru', 'en'];
export type Texts = Record<Lang, string>;

export const RULES = {
  'R-2.3': {
    ky: 'Кызматка мектептин буйругу менен гана дайындалат жана бошотулат: буйруктун номери жана датасы жазылат.',
    ru: 'Роль назначается и снимается только приказом по школе: записываются номер и дата приказа.',
    en: 'A role is given and ended only by a school order: its number and date are recorded.',
  },
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
  'R-4.1d': {
    ky: 'Документтер атайын тартипте гана жок кылынат: буйрук менен дайындалган кеминде үч мүчөдөн турган комиссия жана директор кол койгон акт менен; актынын долбооруна кирген документ берилбейт, түп нуска бардык көчүрмөлөрү менен бирге гана жок кылынат.',
    ru: 'Документы уничтожаются только в особом порядке: по акту, подписанному комиссией не менее чем из трёх членов, назначенной приказом, и директором; документ из проекта акта не выдаётся, подлинник уничтожается только вместе со всеми копиями.',
    en: 'Documents are destroyed only by the special procedure: an act signed by a commission of at least three members appointed by order and by the director; an item in a draft act is not issued, and an original is destroyed only together with all its copies.',
  },
  'R-4.2.6': {
    ky: 'Иш кагаздарына жооптуу алмашканда кабыл алуу-өткөрүп берүү акты түзүлөт: ага бардык документтер киргизилип, тапшыруучу, кабыл алуучу жана директор кол коёт.',
    ru: 'При смене ответственного за делопроизводство составляется акт приёма-передачи со всеми документами; его подписывают сдающий, принимающий и директор.',
    en: 'When the records clerk is replaced, an acceptance-transfer act listing every item is drawn up and signed by the outgoing clerk, the incoming clerk and the director.',
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
  'R-5.2.1': {
    ky: 'Эч ким порталга кирүүнү башкага бербейт жана логин-сырсөзүн өткөрүп бербейт: мындай учурда ал өздүк маалыматтар жөнүндө мыйзам боюнча жооп берет.',
    ru: 'Никто не передаёт другим доступ к порталу, логин и пароль: за это он отвечает по закону о персональных данных.',
    en: 'Nobody gives others access to the portal or passes on their login and password; doing so makes them liable under the personal-data law.',
  },
  'R-5.2.2': {
    ky: 'Ар бир катышуучу өз кабинетине кирүү маалыматын (логин жана сырсөз) купуя сактайт.',
    ru: 'Каждый участник хранит в тайне доступ к своему кабинету (логин и пароль).',
    en: 'Every participant keeps the access to their own cabinet (login and password) confidential.',
  },
  'R-5.2.3': {
    ky: 'Жеке кабинеттин купуялуулугу бузулганы тууралуу бир жумуш күнүнүн ичинде техникалык колдоого билдирилет.',
    ru: 'О нарушении конфиденциальности личного кабинета сообщается в техническую поддержку в течение одного рабочего дня.',
    en: 'A breach of the confidentiality of a personal cabinet is reported to technical support within one working day.',
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
