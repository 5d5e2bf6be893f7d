import { Lang, RuleId, RULES, Texts } from './rules';

/**
 * What kind of "no" this is. The HTTP layer maps kinds to status codes;
 * business code never speaks HTTP.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'refused'
  | 'unavailable'
  /** Too many attempts for now (429): `retryAfterS` says when to try again. */
  | 'throttled'
  /** The request is bigger than Grif reads at all. */
  | 'too_large'
  /** The request is in a form Grif does not read (not JSON, an unknown charset or compression). */
  | 'unsupported';

const MESSAGES = {
  VALIDATION_FAILED: {
    ky: 'Маалымат туура эмес толтурулган.',
    ru: 'Данные заполнены неверно.',
    en: 'The request is not valid.',
  },
  PAYLOAD_TOO_LARGE: {
    ky: 'Суроонун көлөмү өтө чоң (1 МБдан ашпашы керек).',
    ru: 'Слишком большой запрос (не более 1 МБ).',
    en: 'The request body is too large (at most 1 MB).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    ky: 'Суроонун форматы колдоого алынбайт: UTF-8 коддогу JSON гана кабыл алынат (gzip, deflate же br менен кысылышы мүмкүн).',
    ru: 'Формат запроса не поддерживается: принимается только JSON в UTF-8 (возможно сжатый gzip, deflate или br).',
    en: 'The request format is not supported: only JSON in UTF-8 is accepted (optionally compressed with gzip, deflate or br).',
  },
  MALFORMED_BODY: {
    ky: 'Суроонун мазмунун окуу мүмкүн эмес: JSON же кысуу бузулган.',
    ru: 'Тело запроса не читается: повреждён JSON или сжатие.',
    en: 'The request body cannot be read: the JSON or its compression is broken.',
  },
  CONTROL_CHARACTERS: {
    ky: 'Текстте башкаруучу белгилер (мисалы, NUL) болбошу керек.',
    ru: 'Текст не должен содержать управляющих символов (например, NUL).',
    en: 'Text must not contain control characters (such as NUL).',
  },
  TOO_DEEP: {
    ky: 'Суроонун түзүлүшү өтө терең (32 деңгээлден ашпашы керек).',
    ru: 'Слишком глубокая вложенность запроса (не более 32 уровней).',
    en: 'The request is nested too deeply (at most 32 levels).',
  },
  DUPLICATE: {
    ky: 'Ушундай уникалдуу маанидеги жазуу буга чейин бар.',
    ru: 'Запись с таким уникальным значением уже существует.',
    en: 'An entry with the same unique value already exists.',
  },
  DATABASE_UNAVAILABLE: {
    ky: 'Маалымат базасы убактылуу жеткиликсиз. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'База данных временно недоступна. Повторите попытку чуть позже.',
    en: 'The database is unavailable for a moment. Try again shortly.',
  },
  QUEUE_UNAVAILABLE: {
    ky: 'Тапшырмалар кезеги (Redis) убактылуу жеткиликсиз. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'Очередь заданий (Redis) временно недоступна. Повторите попытку чуть позже.',
    en: 'The job queue (Redis) is unavailable for a moment. Try again shortly.',
  },
  ALREADY_EXISTS: {
    ky: 'Мындай жазуу буга чейин бар.',
    ru: 'Такая запись уже существует.',
    en: 'Such an entry already exists.',
  },
  USERNAME_TAKEN: {
    ky: 'Бул мектепте мындай колдонуучунун аты буга чейин бар.',
    ru: 'В этой школе такое имя пользователя уже занято.',
    en: 'This username is already taken in this school.',
  },
  USER_DISABLED: {
    ky: 'Бул колдонуучу өчүрүлгөн: адегенде аны күйгүзүңүз.',
    ru: 'Этот пользователь отключён: сначала включите его.',
    en: 'This user is disabled: enable them first.',
  },
  ROLE_ALREADY_HELD: {
    ky: 'Бул кызматка дайындоо буга чейин күчүндө: жаңысынан мурун аны буйрук менен бүтүрүңүз.',
    ru: 'Назначение на эту роль уже действует: сначала завершите его приказом.',
    en: 'An appointment to this role is already in force: end it by order first.',
  },
  APPOINTMENT_ALREADY_ENDED: {
    ky: 'Бул дайындоо буга чейин бүткөн.',
    ru: 'Это назначение уже завершено.',
    en: 'This appointment has already ended.',
  },
  LAST_ADMINISTRATOR: {
    ky: 'Бул мектептин акыркы администратору: адегенде башка администраторду буйрук менен дайындаңыз.',
    ru: 'Это последний администратор школы: сначала назначьте приказом другого администратора.',
    en: "This is the school's last administrator: appoint another administrator by order first.",
  },
  CANNOT_DISABLE_SELF: {
    ky: 'Өзүңүздүн эсебиңизди өчүрө албайсыз.',
    ru: 'Нельзя отключить собственную учётную запись.',
    en: 'You cannot disable your own account.',
  },
  UNAUTHENTICATED: {
    ky: 'Системага кириңиз.',
    ru: 'Войдите в систему.',
    en: 'Please sign in.',
  },
  BAD_CREDENTIALS: {
    ky: 'Колдонуучунун аты же сырсөз туура эмес.',
    ru: 'Неверное имя пользователя или пароль.',
    en: 'Wrong username or password.',
  },
  ONE_TIME_PASSWORD_EXPIRED: {
    ky: 'Бир жолку сырсөздүн мөөнөтү өтүп кеткен. Администратордон жаңысын сураңыз.',
    ru: 'Срок действия одноразового пароля истёк. Попросите у администратора новый.',
    en: 'The one-time password has expired. Ask the administrator for a new one.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    ky: 'Улантуудан мурун бир жолку сырсөздү өзгөртүңүз.',
    ru: 'Смените одноразовый пароль, прежде чем продолжить.',
    en: 'Change your one-time password before you continue.',
  },
  WEAK_PASSWORD: {
    ky: 'Сырсөз ылайыксыз: ал 12ден 128ге чейин белгиден турушу керек, колдонуучунун аты жана көп колдонулган сырсөз болбошу керек.',
    ru: 'Пароль не подходит: от 12 до 128 символов, не имя пользователя и не один из распространённых паролей.',
    en: 'The password is not acceptable: 12 to 128 characters, not the username and not a commonly used password.',
  },
  LOGIN_THROTTLED: {
    ky: 'Кирүү аракеттери өтө көп болду. Бир аз күтүп, кайра аракет кылыңыз.',
    ru: 'Слишком много попыток входа. Подождите немного и повторите.',
    en: 'Too many sign-in attempts. Wait a while and try again.',
  },
  ROLE_REQUIRED: {
    ky: 'Бул аракет сиздин кызматыңызга уруксат берилген эмес.',
    ru: 'Это действие не разрешено вашей роли.',
    en: 'Your role does not allow this action.',
  },
  INSTALL_ADMIN_REQUIRED: {
    ky: 'Тапшырмалар кезегинде бардык мектептердин тапшырмалары бар: аны Гриф орнотулган мектептин администраторлору гана ачат.',
    ru: 'В очередях задач задачи всех школ: открывать их могут только администраторы школы, для которой установлен Гриф.',
    en: 'The job queues hold the jobs of every school: only the administrators of the school Grif was installed for may open them.',
  },
  NOT_FOUND: {
    ky: 'Табылган жок.',
    ru: 'Не найдено.',
    en: 'Not found.',
  },
  CSRF_REJECTED: {
    ky: 'Суроо четке кагылды: ал Гриф баракчасынан келген жок. Баракты жаңыртып, кайра аракет кылыңыз.',
    ru: 'Запрос отклонён: он пришёл не со страницы Грифа. Обновите страницу и повторите.',
    en: 'The request was refused: it did not come from a page of Grif. Reload the page and try again.',
  },
  STALE_VERSION: {
    ky: 'Документ ушул убакта өзгөртүлдү: баракты жаңыртып, кайра аракет кылыңыз.',
    ru: 'Документ только что изменился: обновите страницу и повторите.',
    en: 'The document changed in the meantime: reload and try again.',
  },
  EVENT_NOT_ACCEPTED: {
    ky: 'Документтин азыркы абалында бул аракетти аткарууга болбойт.',
    ru: 'В текущем состоянии документа это действие невозможно.',
    en: "This action is not possible in the document's current state.",
  },
  IDEMPOTENCY_KEY_REQUIRED: {
    ky: 'Idempotency-Key аталышы талап кылынат.',
    ru: 'Требуется заголовок Idempotency-Key.',
    en: 'The Idempotency-Key header is required.',
  },
  IDEMPOTENCY_KEY_REUSED: {
    ky: 'Бул Idempotency-Key башка суроо үчүн колдонулган.',
    ru: 'Этот Idempotency-Key уже использован для другого запроса.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    ky: 'Ушул ачкыч менен суроо азыр аткарылууда.',
    ru: 'Запрос с этим ключом ещё выполняется.',
    en: 'A request with this key is still being processed.',
  },
  HOLDER_UNKNOWN: {
    ky: 'Документ берилчү кызматкер бул мектепте табылган жок.',
    ru: 'Сотрудник, которому выдаётся документ, не найден в этой школе.',
    en: 'The person the document is issued to is not a member of this school.',
  },
  ALREADY_ACKNOWLEDGED: {
    ky: 'Алынганы буга чейин тастыкталган.',
    ru: 'Получение уже подтверждено.',
    en: 'Receipt has already been acknowledged.',
  },
  STALE_DEADLINE: {
    ky: 'Бул мөөнөт мындан ары күчүндө эмес.',
    ru: 'Этот срок больше не действует.',
    en: 'This deadline no longer applies.',
  },
  MACHINE_VERSION_UNKNOWN: {
    ky: 'Бул иш агымынын версиясы катталган эмес.',
    ru: 'Эта версия процесса не зарегистрирована.',
    en: 'This workflow version is not registered.',
  },
  NOT_OUTGOING: {
    ky: 'Жөнөтүүгө чыгуучу документ гана болот.',
    ru: 'Отправить можно только исходящий документ.',
    en: 'Only an outgoing document can be dispatched.',
  },
  SAME_CLASSIFICATION: {
    ky: 'Документтин грифи ушундай эле.',
    ru: 'У документа уже этот гриф.',
    en: 'The document already has this classification.',
  },
  COPY_OF_COPY: {
    ky: 'Көчүрмө түп нускадан гана жасалат.',
    ru: 'Копия снимается только с оригинала.',
    en: 'Copies are made from the original only.',
  },
  REFERENCE_UNKNOWN: {
    ky: 'Көрсөтүлгөн жазуу бул мектепте табылган жок.',
    ru: 'Указанная запись не найдена в этой школе.',
    en: 'The referenced record does not exist in this school.',
  },
  NOTHING_TO_REVOKE: {
    ky: 'Бул күнү кызматкердин күчүндөгү милдеттенмеси да, инструктажы да жок: жокко чыгара турган эч нерсе жок.',
    ru: 'На эту дату у сотрудника нет действующего обязательства или инструктажа: отзывать нечего.',
    en: 'On that day the person has no obligation or briefing in force: there is nothing to revoke.',
  },
  DUE_IN_PAST: {
    ky: 'Кайтаруу мөөнөтү келечекте болушу керек.',
    ru: 'Срок возврата должен быть в будущем.',
    en: 'The return time must be in the future.',
  },
  PASSPHRASE_WRONG: {
    ky: 'Сертификаттын сырсөзү туура эмес.',
    ru: 'Неверный пароль сертификата.',
    en: 'The certificate passphrase is wrong.',
  },
  CERTIFICATE_MISSING: {
    ky: 'Сизде катталган кол коюу сертификаты жок: адегенде «Менин сертификатым» барагында PKCS#12 файлын жүктөңүз.',
    ru: 'У вас нет зарегистрированного сертификата подписи: сначала загрузите файл PKCS#12 на странице «Мой сертификат».',
    en: 'You have no signing certificate enrolled: upload your PKCS#12 on the "My certificate" page first.',
  },
  CERTIFICATE_INVALID: {
    ky: 'Файл PKCS#12 эмес, же анда жабык ачкыч жана ага туура келген сертификат жок, же сертификаттын мөөнөтү өткөн.',
    ru: 'Файл не является PKCS#12, в нём нет закрытого ключа с подходящим сертификатом, или срок сертификата истёк.',
    en: 'The file is not a PKCS#12, holds no private key with its matching certificate, or the certificate has expired.',
  },
  NOT_YOUR_TURN: {
    ky: 'Актыга азыр сиз кол коё албайсыз: кол коюучулар кезеги менен кол коюшат же сиз кол коюучулардын тизмесинде жоксуз.',
    ru: 'Сейчас вы не можете подписать акт: подписанты подписывают по очереди, или вас нет среди подписантов.',
    en: 'You cannot sign this act now: signers sign in turn, or you are not among its signers.',
  },
  SIGNATURE_INVALID: {
    ky: 'Кол тамга текшерүүдөн өткөн жок: ал даярдалган маалыматка же сертификатка туура келбейт.',
    ru: 'Подпись не прошла проверку: она не соответствует подготовленным данным или сертификату.',
    en: 'The signature does not verify against the prepared data and the certificate.',
  },
  ACT_EMPTY: {
    ky: 'Актыда жок дегенде бир документ калышы керек.',
    ru: 'В акте должен остаться хотя бы один документ.',
    en: 'An act must keep at least one item.',
  },
  ITEMS_UNMARKED: {
    ky: 'Тизмедеги ар бир нерсе «бар» же «жок» деп белгилениши керек.',
    ru: 'Каждая позиция описи должна быть отмечена: «в наличии» или «отсутствует».',
    en: 'Every item of the inventory must be marked present or missing.',
  },
  ITEM_NOT_IN_ACT: {
    ky: 'Бул документ актыда жок.',
    ru: 'Этого документа нет в акте.',
    en: 'This document is not in the act.',
  },
  TRANSFER_IN_PROGRESS: {
    ky: 'Кабыл алуу-өткөрүп берүү акты буга чейин ачык: адегенде аны аягына чыгарыңыз же четке кагыңыз.',
    ru: 'Акт приёма-передачи уже открыт: сначала завершите или отклоните его.',
    en: 'An acceptance-transfer act is already open: complete or reject it first.',
  },
  ALREADY_CLERK: {
    ky: 'Бул кызматкер буга чейин иш кагаздарына жооптуу.',
    ru: 'Этот сотрудник уже является ответственным за делопроизводство.',
    en: 'This person is already the records clerk.',
  },
} as const satisfies Record<string, Texts>;

export type ErrorCode = keyof typeof MESSAGES | 'RULE_VIOLATION';
/** Every code a GrifError can carry, for clients that branch on them. */
export const ERROR_CODES: readonly ErrorCode[] = [
  ...(Object.keys(MESSAGES) as (keyof typeof MESSAGES)[]),
  'RULE_VIOLATION',
];

export interface FieldIssue {
  field: string;
  message: string;
}

export class GrifError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode,
    readonly details: {
      rule?: RuleId;
      fields?: FieldIssue[];
      messageOverride?: Texts;
      /** Seconds until a throttled caller may try again (the Retry-After header). */
      retryAfterS?: number;
    } = {},
    options?: { cause?: unknown },
  ) {
    super(`${code}${details.rule ? ` (${details.rule})` : ''}`, options);
    this.name = 'GrifError';
  }

  get rule(): RuleId | undefined {
    return this.details.rule;
  }

  /** The sentence a user reads, in their language; a rule refusal quotes the rule itself. */
  localized(lang: Lang): string {
    if (this.details.messageOverride) return this.details.messageOverride[lang];
    if (this.details.rule) return `${this.details.rule}: ${RULES[this.details.rule][lang]}`;
    if (this.code === 'RULE_VIOLATION') return this.code;
    return MESSAGES[this.code][lang];
  }

  static ruleRefusal(rule: RuleId, kind: ErrorKind = 'refused'): GrifError {
    return new GrifError(kind, 'RULE_VIOLATION', { rule });
  }
}

export function messageText(code: keyof typeof MESSAGES, lang: Lang): string {
  return MESSAGES[code][lang];
}
