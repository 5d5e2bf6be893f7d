import { Lang, RuleId, RULES, Texts } from './rules';

/**
 * What kind of "no" this is. The HTTP layer maps kinds to status codes;
 * business code never speaks HTTP.
 */
export type ErrorKind =
  'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'refused' | 'unavailable';

const MESSAGES = {
  VALIDATION_FAILED: {
    ky: 'Маалымат туура эмес толтурулган.',
    ru: 'Данные заполнены неверно.',
    en: 'The request is not valid.',
  },
  DATABASE_UNAVAILABLE: {
    ky: 'Маалымат базасы убактылуу жеткиликсиз. Бир аздан кийин кайра аракет кылыңыз.',
    ru: 'База данных временно недоступна. Повторите попытку чуть позже.',
    en: 'The database is unavailable for a moment. Try again shortly.',
  },
  ALREADY_EXISTS: {
    ky: 'Мындай жазуу буга чейин бар.',
    ru: 'Такая запись уже существует.',
    en: 'Such an entry already exists.',
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
  PASSWORD_CHANGE_REQUIRED: {
    ky: 'Улантуудан мурун бир жолку сырсөздү өзгөртүңүз.',
    ru: 'Смените одноразовый пароль, прежде чем продолжить.',
    en: 'Change your one-time password before you continue.',
  },
  WEAK_PASSWORD: {
    ky: 'Сырсөз кеминде 12 белгиден турушу керек жана колдонуучунун атына окшош болбошу керек.',
    ru: 'Пароль должен содержать не менее 12 символов и не совпадать с именем пользователя.',
    en: 'The password must have at least 12 characters and differ from the username.',
  },
  ROLE_REQUIRED: {
    ky: 'Бул аракет сиздин кызматыңызга уруксат берилген эмес.',
    ru: 'Это действие не разрешено вашей роли.',
    en: 'Your role does not allow this action.',
  },
  NOT_FOUND: {
    ky: 'Табылган жок.',
    ru: 'Не найдено.',
    en: 'Not found.',
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
    readonly details: { rule?: RuleId; fields?: FieldIssue[]; messageOverride?: Texts } = {},
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
