import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatInstant } from '../format';
import type { HistoryItem } from '../types';
import { breachEventLabel, breachStateLabel, causeLabel, severityLabel, stepLabel, systemLabel } from './labels';

/** The step a case in this state waits on (libs/domain BREACH_STEPS): what a STEP_OVERDUE in it was about. */
const STEP_OF_STATE: Record<string, string> = {
  reported: 'triage',
  triaged: 'containment',
  awaiting_reset: 'containment',
  contained: 'investigation',
  investigated: 'remediation',
  remediated: 'report',
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
/**
 * Keys a reader has no use for: ids and hashes (the case's facts show the PDF's hash), what the entry's own head
 * already says (the number, who made it and when), and the alarm's key.
 */
const HIDDEN = new Set([
  'actId',
  'caseId',
  'instanceId',
  'ownerId',
  'reporterId',
  'createdBy',
  'createdAt',
  'reportedAt',
  'number',
  'year',
  'kind',
  'firstStepDueAt',
  'deadlineKey',
  'deadlineId',
  'pdfSha256',
  'sha256',
  'certificateSha256',
  'passphrase',
]);

/** Flags shown only when set. */
const FLAGS = new Set(['late', 'onBehalf']);

type Payload = Record<string, unknown>;
/** "Жогору" → "жогору" inside a sentence; rule ids and names in it keep their case. */
const lowerFirst = (s: string) => (s ? s.charAt(0).toLocaleLowerCase() + s.slice(1) : s);
const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/**
 * The sentence of each step, and which payload keys it already says. An event this build does not know shows
 * its name and its payload as label/value pairs.
 */
function story(
  t: TFunction,
  type: string,
  p: Payload,
  fmt: (iso: unknown) => string,
  actor: string,
  system: string,
  from: string | null,
): { text: string; said: string[] } | undefined {
  switch (type) {
    case 'REPORT':
    case 'REPORTED':
    case 'CREATE':
      return {
        text: t('breach.story.reported', {
          actor,
          system: systemLabel(t, str(p.system)),
          account: str(p.account) || '—',
          at: fmt(p.discoveredAt),
        }),
        said: ['system', 'account', 'discoveredAt'],
      };
    case 'TRIAGE':
      return {
        text: t(p.personalData ? 'breach.story.triagedPersonal' : 'breach.story.triaged', {
          actor,
          severity: lowerFirst(severityLabel(t, str(p.severity))),
        }),
        said: ['severity', 'personalData'],
      };
    case 'CONTAIN':
      return {
        text: system === 'grif' ? t('breach.story.containedGrif', { actor }) : t('breach.story.contained', { actor }),
        said: [],
      };
    case 'CONFIRM_RESET':
      return { text: t('breach.story.resetConfirmed', { actor }), said: [] };
    case 'INVESTIGATE':
      return {
        text: t('breach.story.investigated', { actor, cause: lowerFirst(causeLabel(t, str(p.cause))) }),
        said: ['cause', 'ownerLiable'],
      };
    case 'REMEDIATE':
      return {
        text: t(p.rebriefing ? 'breach.story.remediatedBriefing' : 'breach.story.remediated', { actor }),
        said: ['rebriefing'],
      };
    case 'SUBMIT_REPORT':
      return { text: t('breach.story.submitted', { actor }), said: [] };
    case 'RENDERED':
      return { text: t('breach.story.rendered'), said: [] };
    case 'SIGN':
      return { text: t('breach.story.signed', { actor }), said: [] };
    case 'STEP_OVERDUE': {
      // The alarm names its deadline by key only: the step is the one the case was in.
      const step = typeof p.step === 'string' ? p.step : from ? STEP_OF_STATE[from] : undefined;
      return {
        text: t('breach.story.overdue', { step: step ? stepLabel(t, step) : '—' }),
        said: ['step', 'dueAt'],
      };
    }
    default:
      return undefined;
  }
}

/** Every step of the case, oldest first: what was done, in words, by whom and when, from which state to which. */
export function BreachTimeline({ items, system }: { items: HistoryItem[]; system: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = (v: unknown) => (typeof v === 'string' ? formatInstant(v, lang) : '—');

  function value(key: string, v: unknown, names: Record<string, string>): string {
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string') return JSON.stringify(v);
    if (names[v]) return names[v]!;
    if (key === 'severity') return severityLabel(t, v);
    if (key === 'cause') return causeLabel(t, v);
    if (key === 'system') return systemLabel(t, v);
    if (key === 'step') return stepLabel(t, v);
    if (ISO_INSTANT.test(v)) return formatInstant(v, lang);
    return v;
  }

  if (items.length === 0) return <p className="muted">{t('doc.historyEmpty')}</p>;
  return (
    <ol className="timeline breach-timeline" data-testid="breach-timeline">
      {items.map((h) => {
        const names = h.names ?? {};
        const p = (h.payload && typeof h.payload === 'object' ? h.payload : {}) as Payload;
        const actor = h.actor === 'system' ? t('common.system') : h.actorName || names[h.actor] || h.actor;
        const s = story(t, h.type, p, fmt, actor, system, h.from);
        const said = new Set([...(s?.said ?? []), ...HIDDEN]);
        // A flag that is off says nothing worth a line (not late, not on someone's behalf).
        const rest = Object.entries(p).filter(
          ([k, v]) => !said.has(k) && v !== null && v !== undefined && v !== '' && !(FLAGS.has(k) && v === false),
        );
        return (
          <li
            key={h.seq}
            className={h.type === 'STEP_OVERDUE' ? 'timeline-overdue' : undefined}
            data-testid="history-item"
            data-type={h.type}
            data-seq={h.seq}
          >
            <div className="timeline-head">
              <strong className="event-name">{breachEventLabel(t, h.type)}</strong>
              <span className="transition">
                {h.from ? breachStateLabel(t, h.from) : '∅'} → {breachStateLabel(t, h.to)}
              </span>
            </div>
            {s && (
              <p className="timeline-story" data-testid="history-story">
                {s.text}
              </p>
            )}
            <div className="timeline-meta">
              <time dateTime={h.at}>{formatInstant(h.at, lang)}</time>
              <span>
                {t('doc.actor')}: {actor}
              </span>
            </div>
            {rest.length > 0 && (
              <dl className="payload">
                {rest.map(([k, v]) => (
                  <div key={k}>
                    <dt>{t(`breach.field.${k}`, { defaultValue: k })}</dt>
                    <dd className="pre-wrap">{value(k, v, names)}</dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
