import { DateTime } from 'luxon';

export type MailLang = 'ky' | 'ru' | 'en';

export interface MailText {
  subject: string;
  text: string;
}

/**
 * What an e-mail says. An e-mail may leave the school's network, so it names the document by its
 * registration number only: no title, no circumstances, no contents. The details are in Grif,
 * behind its sign-in, and the link leads there only when the reader may open that page.
 */
export interface MailContent {
  template: string;
  data: Record<string, unknown>;
  /** The absolute URL of the page, or null (no public URL configured, or the reader may not open it). */
  url: string | null;
  settled: boolean;
}

const ZONE = 'Asia/Bishkek';

export const mailLang = (locale: string): MailLang => (locale === 'ru' || locale === 'en' ? locale : 'ky');

/** "02.12.2026 18:00" in Bishkek: the same in every language, unambiguous in a mail client. */
export function bishkekTime(iso: unknown): string {
  if (typeof iso !== 'string') return '—';
  const t = DateTime.fromISO(iso, { zone: ZONE });
  return t.isValid ? t.toFormat('dd.MM.yyyy HH:mm') : '—';
}

function bishkekDate(date: unknown): string {
  if (typeof date !== 'string') return '—';
  const d = DateTime.fromISO(date, { zone: ZONE });
  return d.isValid ? d.toFormat('dd.MM.yyyy') : '—';
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '—');

const STATE: Record<MailLang, Record<string, string>> = {
  ky: { issued: 'берилген', overdue: 'мөөнөтү өткөн', escalated: 'жогору жакка билдирилген' },
  ru: { issued: 'выдан', overdue: 'просрочен', escalated: 'доложено директору' },
  en: { issued: 'issued', overdue: 'overdue', escalated: 'escalated to the director' },
};

const COMMON: Record<MailLang, { open: string; settled: string; footer: string; other: string }> = {
  ky: {
    open: 'Grif’те ачуу',
    settled: 'Эскертүү: бул кат жөнөтүлгөндө маселе чечилип калган болчу.',
    footer: 'Бул кат Grif тарабынан автоматтык түрдө жөнөтүлдү. Толук маалымат Grif’те.',
    other: 'Grif’те жаңы билдирме бар',
  },
  ru: {
    open: 'Открыть в Grif',
    settled: 'Примечание: к моменту отправки письма вопрос уже решён.',
    footer: 'Это письмо отправлено Grif автоматически. Подробности — в Grif.',
    other: 'В Grif новое уведомление',
  },
  en: {
    open: 'Open in Grif',
    settled: 'Note: by the time this was sent, the matter was already settled.',
    footer: 'This message was sent automatically by Grif. The details are in Grif.',
    other: 'A new notification in Grif',
  },
};

type Texts = (d: Record<string, unknown>) => MailText;

const DOCUMENT: Record<string, Record<MailLang, Texts>> = {
  'document.reminder': {
    ky: (d) => ({
      subject: `Эскертүү: ${text(d.regNumber)} документин ${bishkekTime(d.dueAt)} чейин кайтарыңыз`,
      text: `Сизге берилген ${text(d.regNumber)} документин ${bishkekTime(d.dueAt)} чейин иш кагаздарын уюштурууга жооптуу кызматкерге кайтарып бериңиз.`,
    }),
    ru: (d) => ({
      subject: `Напоминание: верните документ ${text(d.regNumber)} до ${bishkekTime(d.dueAt)}`,
      text: `Верните выданный вам документ ${text(d.regNumber)} ответственному за делопроизводство до ${bishkekTime(d.dueAt)}.`,
    }),
    en: (d) => ({
      subject: `Reminder: return document ${text(d.regNumber)} by ${bishkekTime(d.dueAt)}`,
      text: `Please return document ${text(d.regNumber)}, issued to you, to the records clerk by ${bishkekTime(d.dueAt)}.`,
    }),
  },
  'document.overdue': {
    ky: (d) => ({
      subject: `${text(d.regNumber)} документи мөөнөтүндө кайтарылган жок`,
      text: `${text(d.regNumber)} документи ${bishkekTime(d.dueAt)} чейин кайтарылышы керек эле, бирок али кайтарыла элек.`,
    }),
    ru: (d) => ({
      subject: `Документ ${text(d.regNumber)} не возвращён в срок`,
      text: `Документ ${text(d.regNumber)} должен был быть возвращён до ${bishkekTime(d.dueAt)}, но ещё не возвращён.`,
    }),
    en: (d) => ({
      subject: `Document ${text(d.regNumber)} was not returned on time`,
      text: `Document ${text(d.regNumber)} was due back by ${bishkekTime(d.dueAt)} and has not been returned yet.`,
    }),
  },
  'document.escalated': {
    ky: (d) => ({
      subject: `${text(d.regNumber)} документи дагы эле кайтарыла элек`,
      text: `${text(d.regNumber)} документин кайтаруу мөөнөтү (${bishkekTime(d.dueAt)}) өтүп кеткен, бирок ал дагы эле кайтарыла элек. Сиздин чечимиңиз керек.`,
    }),
    ru: (d) => ({
      subject: `Документ ${text(d.regNumber)} всё ещё не возвращён`,
      text: `Срок возврата документа ${text(d.regNumber)} (${bishkekTime(d.dueAt)}) истёк, а документ всё ещё не возвращён. Требуется ваше решение.`,
    }),
    en: (d) => ({
      subject: `Document ${text(d.regNumber)} is still not back`,
      text: `Document ${text(d.regNumber)} was due back by ${bishkekTime(d.dueAt)} and is still not returned. Your decision is needed.`,
    }),
  },
  'document.lost': {
    ky: (d) => ({
      subject: `${text(d.regNumber)} документи жоголду`,
      text: `${text(d.regNumber)} документи жоголгону тууралуу билдирилди. Жагдайлары Grif’те жазылган.`,
    }),
    ru: (d) => ({
      subject: `Документ ${text(d.regNumber)} утрачен`,
      text: `Сообщено об утрате документа ${text(d.regNumber)}. Обстоятельства записаны в Grif.`,
    }),
    en: (d) => ({
      subject: `Document ${text(d.regNumber)} was lost`,
      text: `The loss of document ${text(d.regNumber)} was reported. The circumstances are recorded in Grif.`,
    }),
  },
};

/** Acts: named by their number only (R-4.1d destruction, R-4.2.6 acceptance-transfer). */
const ACT: Record<string, Record<MailLang, Texts>> = {
  'act.to_sign': {
    ky: (d) => ({
      subject: `${text(d.actNumber)} актысына кол коюңуз`,
      text: `${text(d.actNumber)} акты сиздин колуңузду күтүп турат. Grif’те ачып, сертификатыңыздын сырсөзү менен кол коюңуз.`,
    }),
    ru: (d) => ({
      subject: `Подпишите акт ${text(d.actNumber)}`,
      text: `Акт ${text(d.actNumber)} ждёт вашей подписи. Откройте его в Grif и подпишите паролем своего сертификата.`,
    }),
    en: (d) => ({
      subject: `Please sign act ${text(d.actNumber)}`,
      text: `Act ${text(d.actNumber)} is waiting for your signature. Open it in Grif and sign with your certificate's passphrase.`,
    }),
  },
  'act.completed': {
    ky: (d) => ({
      subject: `${text(d.actNumber)} акты толук кол коюлду`,
      text: `${text(d.actNumber)} актына бардыгы кол коюшту; ал күчүнө кирди.`,
    }),
    ru: (d) => ({
      subject: `Акт ${text(d.actNumber)} подписан`,
      text: `Акт ${text(d.actNumber)} подписан всеми и вступил в силу.`,
    }),
    en: (d) => ({
      subject: `Act ${text(d.actNumber)} is signed`,
      text: `Everyone signed act ${text(d.actNumber)}; it is final.`,
    }),
  },
  'act.rejected': {
    ky: (d) => ({
      subject: `${text(d.actNumber)} акты четке кагылды`,
      text: `${text(d.actNumber)} акты четке кагылды; себеби Grif’те жазылган.`,
    }),
    ru: (d) => ({
      subject: `Акт ${text(d.actNumber)} отклонён`,
      text: `Акт ${text(d.actNumber)} отклонён; причина записана в Grif.`,
    }),
    en: (d) => ({
      subject: `Act ${text(d.actNumber)} was rejected`,
      text: `Act ${text(d.actNumber)} was rejected; the reason is in Grif.`,
    }),
  },
  'act.items_missing': {
    ky: (d) => ({
      subject: `${text(d.actNumber)} актысы боюнча жетишпеген нерселер бар`,
      text: `Кабыл алуу-өткөрүп берүүдө ${Array.isArray(d.items) ? d.items.length : 0} нерсе табылган жок. Тизмеси Grif’те.`,
    }),
    ru: (d) => ({
      subject: `По акту ${text(d.actNumber)} не хватает позиций`,
      text: `При приёме-передаче не найдено позиций: ${Array.isArray(d.items) ? d.items.length : 0}. Список — в Grif.`,
    }),
    en: (d) => ({
      subject: `Items missing at act ${text(d.actNumber)}`,
      text: `${Array.isArray(d.items) ? d.items.length : 0} item(s) were missing at the hand-over. The list is in Grif.`,
    }),
  },
};

/** Breach cases: named by their number only, never the account or what happened. */
const BREACH: Record<string, Record<MailLang, Texts>> = {
  'breach.reported': {
    ky: (d) => ({
      subject: `Каттоо маалыматтарынын бузулушу тууралуу билдирүү ${text(d.number)}`,
      text: `${text(d.number)} иши ачылды. Аны баалап, аккаунтту токтотуу керек (R-5.2.3).`,
    }),
    ru: (d) => ({
      subject: `Сообщение о нарушении учётных данных ${text(d.number)}`,
      text: `Открыто дело ${text(d.number)}. Его нужно оценить и локализовать учётную запись (R-5.2.3).`,
    }),
    en: (d) => ({
      subject: `Credential breach reported: ${text(d.number)}`,
      text: `Case ${text(d.number)} was opened. It needs triage and the account contained (R-5.2.3).`,
    }),
  },
  'breach.step_overdue': {
    ky: (d) => ({
      subject: `${text(d.number)} иши боюнча мөөнөт өттү`,
      text: `${text(d.number)} ишинин кадамы ${bishkekTime(d.dueAt)} чейин бүтүшү керек эле. Сиздин көңүлүңүз керек.`,
    }),
    ru: (d) => ({
      subject: `По делу ${text(d.number)} пропущен срок`,
      text: `Шаг дела ${text(d.number)} должен был завершиться до ${bishkekTime(d.dueAt)}. Требуется ваше внимание.`,
    }),
    en: (d) => ({
      subject: `A deadline of case ${text(d.number)} was missed`,
      text: `A step of case ${text(d.number)} was due by ${bishkekTime(d.dueAt)}. Your attention is needed.`,
    }),
  },
};

/**
 * the sharing signal. The e-mail names nobody and no client (whose account, from where):
 * that is in Grif, where the officer opens the breach report in one click.
 */
const SIGNAL: Record<string, Record<MailLang, Texts>> = {
  'breach.sharing_suspected': {
    ky: () => ({
      subject: 'Grif: бир каттоо эсеби бир эле учурда эки башка түзмөктөн колдонулууда',
      text: 'Grif’теги бир каттоо эсеби бир эле учурда эки башка түзмөктөн (браузерден) колдонулуп жатат: логин башка бирөө менен бөлүшүлгөн болушу мүмкүн (R-5.2.1). Кимдин эсеби жана кайсы түзмөктөр экени Grif’те; ошол жерден бузуу боюнча ишти бир баскыч менен ачсаңыз болот.',
    }),
    ru: () => ({
      subject: 'Grif: учётная запись используется с двух устройств одновременно',
      text: 'Учётная запись Grif используется одновременно с двух разных устройств (браузеров): возможно, логином делятся (R-5.2.1). Чья это запись и с каких устройств — в Grif; там же одним нажатием можно открыть дело о нарушении.',
    }),
    en: () => ({
      subject: 'Grif: an account is in use from two clients at once',
      text: 'A Grif account is in use from two different clients (browsers) at the same time: the login may be shared (R-5.2.1). Whose account and which clients are in Grif, where one click opens a breach case.',
    }),
  },
};

/** Templates whose in-app link names a person (the report form filled in): the e-mail leads to the notifications page. */
const LINK_TO_INBOX = new Set(['breach.sharing_suspected']);
const inboxOf = (url: string) => url.replace(/#.*$/, '#/notifications');

interface DigestLine {
  regNumber?: unknown;
  holderName?: unknown;
  dueAt?: unknown;
  state?: unknown;
}

function digest(lang: MailLang, d: Record<string, unknown>): MailText {
  const items = Array.isArray(d.items) ? (d.items as DigestLine[]) : [];
  const date = bishkekDate(d.date);
  const lines = items.map(
    (i) =>
      `- ${text(i.regNumber)} · ${text(i.holderName)} · ${bishkekTime(i.dueAt)} · ${STATE[lang][text(i.state)] ?? text(i.state)}`,
  );
  if (lang === 'ru')
    return items.length
      ? {
          subject: `${date}: не возвращены документы «Для служебного пользования»: ${items.length}`,
          text: `По окончании рабочего дня ${date} не вернулись в хранилище (номер · у кого · срок · состояние):\n${lines.join('\n')}`,
        }
      : {
          subject: `${date}: все документы «Для служебного пользования» на месте`,
          text: `По окончании рабочего дня ${date} все документы «Для служебного пользования» находятся в хранилище.`,
        };
  if (lang === 'en')
    return items.length
      ? {
          subject: `${date}: For Official Use items not back: ${items.length}`,
          text: `At the close of the working day ${date} these are not back in storage (number · held by · due · state):\n${lines.join('\n')}`,
        }
      : {
          subject: `${date}: every For Official Use item is back`,
          text: `At the close of the working day ${date} every For Official Use item is back in storage.`,
        };
  return items.length
    ? {
        subject: `${date}: «Кызматтык колдонуу үчүн» грифиндеги кайтарылбаган документтер: ${items.length}`,
        text: `${date} жумуш күнүнүн аягында сактоого кайтарылбагандар (номери · кимде · мөөнөтү · абалы):\n${lines.join('\n')}`,
      }
    : {
        subject: `${date}: «Кызматтык колдонуу үчүн» грифиндеги документтердин баары ордунда`,
        text: `${date} жумуш күнүнүн аягында «Кызматтык колдонуу үчүн» грифиндеги документтердин баары сактоодо.`,
      };
}

/** The subject and plain text of one notification's e-mail, in the reader's language. */
export function mailText(c: MailContent, locale: string): MailText {
  const lang = mailLang(locale);
  const common = COMMON[lang];
  const body =
    c.template === 'digest.official_use_out'
      ? digest(lang, c.data)
      : ((DOCUMENT[c.template] ?? ACT[c.template] ?? BREACH[c.template] ?? SIGNAL[c.template])?.[lang](c.data) ?? {
          subject: common.other,
          text: common.other,
        });
  const parts = [body.text];
  if (c.settled) parts.push(common.settled);
  if (c.url) parts.push(`${common.open}: ${LINK_TO_INBOX.has(c.template) ? inboxOf(c.url) : c.url}`);
  parts.push('--', common.footer);
  return { subject: body.subject, text: parts.join('\n\n') };
}
