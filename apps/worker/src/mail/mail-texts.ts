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
      : (DOCUMENT[c.template]?.[lang](c.data) ?? { subject: common.other, text: common.other });
  const parts = [body.text];
  if (c.settled) parts.push(common.settled);
  if (c.url) parts.push(`${common.open}: ${c.url}`);
  parts.push('--', common.footer);
  return { subject: body.subject, text: parts.join('\n\n') };
}
