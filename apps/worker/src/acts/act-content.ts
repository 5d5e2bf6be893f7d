import type { Act, ActLanguage } from '@grif/acts';
import type { ActContextBase, BreachContext, SignerRole } from '@grif/workflows';
import { breachReportContent } from './breach-report-content';

/** The words of an act that are not in the table: its title, its preamble, the signers' positions. */
const WORDS: Record<
  ActLanguage,
  {
    title: Record<ActContextBase['kind'], string>;
    destruction: string;
    transfer: (order: string, outgoing: string, incoming: string) => string;
    position: Record<SignerRole | 'chair', string>;
    copyOf: (n: string) => string;
    file: (i: string) => string;
    present: string;
    missing: string;
    printout: (sha256: string) => string;
  }
> = {
  ky: {
    title: {
      destruction: 'Документтерди жок кылуу жөнүндө акт',
      custody_transfer: 'Иш кагаздарын кабыл алуу-өткөрүп берүү акты',
      breach_report: 'Каттоо маалыматтарынын купуялуулугунун бузулушу жөнүндө отчет',
    },
    destruction:
      'Мектептин буйругу менен дайындалган комиссия төмөндө саналган документтердин сактоо мөөнөтү өткөнүн аныктады ' +
      'жана аларды жок кылууну чечти (Маалыматтык коопсуздук жөнүндө жобонун R-4.1d пункту).',
    transfer: (order, outgoing, incoming) =>
      `${order} буйругунун негизинде иш кагаздарына жооптуу ${outgoing} төмөндө саналган документтерди, көчүрмөлөрдү ` +
      `жана алып жүрүүчүлөрдү ${incoming} кабыл алып берди (жобонун R-4.2.6 пункту).`,
    position: {
      chair: 'Комиссиянын төрагасы',
      commission_member: 'Комиссиянын мүчөсү',
      director: 'Директор',
      outgoing_clerk: 'Тапшырды',
      incoming_clerk: 'Кабыл алды',
      security_officer: 'Маалыматтык коопсуздук үчүн жооптуу',
    },
    copyOf: (n) => `${n} көчүрмөсү`,
    file: (i) => `Иш ${i}`,
    present: 'Бар',
    missing: 'Жок',
    printout: (sha) =>
      `Бул — электрондук кол тамгалар менен кол коюлган актынын кагаз нускасы; кол коюлган PDF Grif'те сакталат (SHA-256: ${sha}).`,
  },
  ru: {
    title: {
      destruction: 'Акт об уничтожении документов',
      custody_transfer: 'Акт приёма-передачи документов',
      breach_report: 'Отчёт о нарушении конфиденциальности учётных данных',
    },
    destruction:
      'Комиссия, назначенная приказом по школе, установила, что сроки хранения перечисленных ниже документов истекли, ' +
      'и решила уничтожить их (пункт R-4.1d Положения об информационной безопасности).',
    transfer: (order, outgoing, incoming) =>
      `На основании приказа ${order} ответственный за делопроизводство ${outgoing} передал, а ${incoming} принял(а) ` +
      'перечисленные ниже документы, копии и носители (пункт R-4.2.6 Положения).',
    position: {
      chair: 'Председатель комиссии',
      commission_member: 'Член комиссии',
      director: 'Директор',
      outgoing_clerk: 'Сдал',
      incoming_clerk: 'Принял',
      security_officer: 'Ответственный за информационную безопасность',
    },
    copyOf: (n) => `копия ${n}`,
    file: (i) => `Дело ${i}`,
    present: 'В наличии',
    missing: 'Отсутствует',
    printout: (sha) =>
      `Бумажная копия акта, подписанного электронными подписями; подписанный PDF хранится в Grif (SHA-256: ${sha}).`,
  },
};

export interface ActExtras {
  order?: { number: string; date: string } | null;
  outgoingName?: string;
  incomingName?: string;
  /** A paper copy of the signed act: each signer's time, and the signed PDF's hash. */
  printout?: boolean;
  /** Display names by user id (a breach report names who did each step). */
  names?: Map<string, string>;
}

/** The act as the renderer draws it, in the reader's words (Kyrgyz by default). */
export function actContent(
  c: ActContextBase,
  school: string,
  extras: ActExtras = {},
  language: ActLanguage = 'ky',
): Act {
  const w = WORDS[language];
  const regOf = new Map(c.items.map((i) => [i.documentId, i.regNumber]));
  const firstCommission = c.signers.find((s) => s.role === 'commission_member')?.userId;
  const breach =
    c.kind === 'breach_report' ? breachReportContent(c as BreachContext, extras.names ?? new Map(), language) : null;
  const preamble = breach
    ? breach.preamble
    : c.kind === 'destruction'
      ? [w.destruction]
      : [
          w.transfer(
            extras.order ? `№${extras.order.number} (${extras.order.date})` : '',
            extras.outgoingName ?? '',
            extras.incomingName ?? '',
          ),
        ];
  if (extras.printout && c.pdf) preamble.push(w.printout(c.pdf.sha256));
  return {
    title: w.title[c.kind],
    number: c.number,
    date: new Date(c.createdAt),
    school: { name: school },
    preamble,
    ...(breach ? { columns: breach.columns } : {}),
    items:
      breach?.items ??
      c.items.map((i) => ({
        regNumber: i.regNumber,
        title: i.title,
        note: [
          i.copyOfId ? w.copyOf(regOf.get(i.copyOfId) ?? '') : '',
          i.fileIndex ? w.file(i.fileIndex) : '',
          i.present == null ? '' : i.present ? w.present : w.missing,
        ]
          .filter(Boolean)
          .join('; '),
      })),
    signers: c.signers.map((s) => ({
      position: s.userId === firstCommission ? w.position.chair : w.position[s.role],
      name: s.name,
      ...(extras.printout && s.signedAt ? { signedAt: new Date(s.signedAt) } : {}),
    })),
  };
}
