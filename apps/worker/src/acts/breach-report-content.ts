import { DateTime } from 'luxon';
import type { ActItem, ActLanguage } from '@grif/acts';
import type { BreachContext } from '@grif/workflows';

const at = (iso: string | null | undefined) =>
  iso ? DateTime.fromISO(iso, { zone: 'Asia/Bishkek' }).toFormat('dd.MM.yyyy HH:mm') : '—';

const WORDS = {
  ky: {
    columns: { regNumber: 'Кадам', title: 'Эмне болду', note: 'Качан, ким' },
    system: { portal: 'мектеп порталы', grif: 'Grif' },
    intro: (c: BreachContext, owner: string) =>
      `Аккаунт: ${c.account} (${WORDS.ky.system[c.system]}), ээси: ${owner}. Бузулуу ${at(c.discoveredAt)} аныкталган, ` +
      `${at(c.reportedAt)} билдирилген (мөөнөтү: ${at(c.reportDueAt)}, R-5.2.3)` +
      (c.late ? `; кечиктирилген, себеби: ${c.lateReason ?? ''}.` : '.'),
    liable: 'Логин башкага берилген: ээси R-5.2.1 боюнча жооп берет.',
    steps: {
      reported: 'Билдирүү',
      triage: 'Баалоо',
      containment: 'Токтотуу',
      investigation: 'Иликтөө',
      remediation: 'Чаралар',
    },
    severity: { low: 'төмөн', medium: 'орточо', high: 'жогору', critical: 'өтө жогору' },
    personalData: (yes: boolean) => (yes ? 'өздүк маалыматтар коркунучта (R-1.4)' : 'өздүк маалыматтар тийбейт'),
    contained: (revoked: boolean) =>
      revoked ? 'бардык сессиялар жабылды, сырсөз алмаштыруу талап кылынды' : 'порталда сырсөз алмаштырылды',
    cause: {
      shared_credentials: 'логин башкага берилген (R-5.2.1)',
      phishing: 'фишинг',
      lost_device: 'түзмөк жоголгон',
      weak_password: 'алсыз сырсөз',
      unknown: 'белгисиз',
    },
    rebriefing: 'кайра инструктаж өткөрүлдү (R-2.5)',
  },
  ru: {
    columns: { regNumber: 'Шаг', title: 'Что сделано', note: 'Когда, кем' },
    system: { portal: 'школьный портал', grif: 'Grif' },
    intro: (c: BreachContext, owner: string) =>
      `Учётная запись: ${c.account} (${WORDS.ru.system[c.system]}), владелец: ${owner}. Нарушение обнаружено ` +
      `${at(c.discoveredAt)}, сообщено ${at(c.reportedAt)} (срок: ${at(c.reportDueAt)}, R-5.2.3)` +
      (c.late ? `; с опозданием, причина: ${c.lateReason ?? ''}.` : '.'),
    liable: 'Логин передан другому: владелец отвечает по R-5.2.1.',
    steps: {
      reported: 'Сообщение',
      triage: 'Оценка',
      containment: 'Локализация',
      investigation: 'Расследование',
      remediation: 'Меры',
    },
    severity: { low: 'низкая', medium: 'средняя', high: 'высокая', critical: 'критическая' },
    personalData: (yes: boolean) =>
      yes ? 'под угрозой персональные данные (R-1.4)' : 'персональные данные не затронуты',
    contained: (revoked: boolean) =>
      revoked ? 'все сессии закрыты, смена пароля обязательна' : 'пароль на портале сменён',
    cause: {
      shared_credentials: 'логин передан другому (R-5.2.1)',
      phishing: 'фишинг',
      lost_device: 'утеря устройства',
      weak_password: 'слабый пароль',
      unknown: 'не установлена',
    },
    rebriefing: 'проведён повторный инструктаж (R-2.5)',
  },
};

/** A breach report's preamble, its table of steps (what, when, by whom) and that table's headers. */
export function breachReportContent(
  c: BreachContext,
  names: Map<string, string>,
  language: ActLanguage,
): { preamble: string[]; items: ActItem[]; columns: { regNumber: string; title: string; note: string } } {
  const w = WORDS[language];
  const who = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : '—');
  const when = (t: string | null | undefined, by?: string | null) => `${at(t)}, ${who(by)}`;
  const items: ActItem[] = [
    { regNumber: w.steps.reported, title: c.description, note: when(c.reportedAt, c.reporterId) },
  ];
  if (c.triage)
    items.push({
      regNumber: w.steps.triage,
      title: `${w.severity[c.triage.severity]}; ${w.personalData(c.triage.personalData)}`,
      note: when(c.triage.at, c.triage.by),
    });
  if (c.containment)
    items.push({
      regNumber: w.steps.containment,
      title: w.contained(c.containment.sessionsRevoked),
      note: when(c.containment.resetConfirmedAt ?? c.containment.at, c.containment.by),
    });
  if (c.investigation)
    items.push({
      regNumber: w.steps.investigation,
      title: `${w.cause[c.investigation.cause]}. ${c.investigation.accessed}`,
      note: when(c.investigation.at, c.investigation.by),
    });
  if (c.remediation)
    items.push({
      regNumber: w.steps.remediation,
      title: [c.remediation.measures, c.remediation.rebriefing ? w.rebriefing : ''].filter(Boolean).join('; '),
      note: when(c.remediation.at, c.remediation.by),
    });
  const preamble = [w.intro(c, who(c.ownerId))];
  if (c.investigation?.ownerLiable) preamble.push(w.liable);
  return { preamble, items, columns: w.columns };
}
