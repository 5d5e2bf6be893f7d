import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatInstant } from '../format';
import { usePersonName } from '../hooks';
import { eventLabel, fieldLabel, optionLabel, stateLabel } from '../labels';
import { href } from '../router';
import type { HistoryItem } from '../types';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENUM_FIELDS = new Set([
  'classification',
  'previousClassification',
  'via',
  'direction',
  'kind',
  'state',
  'movedBecause',
]);
/** The alarm behind a system event: its key and id mean nothing to a reader (the event's name says what happened). */
const TECHNICAL = new Set(['deadlineKey', 'deadlineId']);

type Names = Record<string, string>;

/** Payload keys that hold a person's id: named from the people list when the server sent no name beside it. */
const PERSON_FIELDS = new Set(['toUserId']);

/** The act an event came from (INCLUDE_IN_ACT, RELEASE_FROM_ACT, DESTROY, CUSTODY_TRANSFERRED). */
function actIdOf(payload: unknown): string | undefined {
  const id = (payload as { actId?: unknown } | null)?.actId;
  return typeof id === 'string' ? id : undefined;
}

/** A nested record a reader knows by one name: a document by its number, a file by index and title, a cabinet by the server's name. */
function isNamed(v: Record<string, unknown>, names: Names): boolean {
  return 'regNumber' in v || ('index' in v && 'title' in v) || (typeof v.id === 'string' && names[v.id] !== undefined);
}

/**
 * The payload as label/value pairs: nested records opened up (the registration event carries the
 * whole journal entry, a copy its original and cabinet) unless they are known by one name; empty
 * values and technical keys left out.
 */
function flatten(payload: unknown, names: Names): [string, unknown][] {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return [];
  const out: [string, unknown][] = [];
  for (const [k, v] of Object.entries(payload as Record<string, unknown>)) {
    if (v === null || v === undefined || v === '' || TECHNICAL.has(k)) continue;
    const isRecord = typeof v === 'object' && !Array.isArray(v);
    if (isRecord && !isNamed(v as Record<string, unknown>, names)) out.push(...flatten(v, names));
    else out.push([k, v]);
  }
  // A resolved `file` says the same as `fileId`, only better; so does an act's number its id.
  const drop = new Set<string>();
  if (out.some(([k]) => k === 'file')) drop.add('fileId');
  if (out.some(([k]) => k === 'actNumber')) drop.add('actId');
  return out.filter(([k]) => !drop.has(k));
}

/** Every event ever sent to the document, oldest first: who, when, from which state to which, in words. */
export function History({ items }: { items: HistoryItem[] }): ReactElement {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();

  /** The server names the actor; the people list is only a fallback for older answers. */
  function actorName(e: HistoryItem): string {
    if (e.actor === 'system') return t('common.system');
    return e.actorName && e.actorName !== e.actor ? e.actorName : personName(e.actor);
  }

  /** One value in words: ids by the names the server sent beside them, marks and states by their names. */
  function describe(key: string, value: unknown, names: Names): string {
    if (value === null || value === undefined) return '—';
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'object' && !Array.isArray(value)) {
      const o = value as Record<string, unknown>;
      if (typeof o.regNumber === 'string') return o.regNumber;
      if (typeof o.index === 'string') return `${o.index} — ${String(o.title ?? '')}`;
      if (typeof o.id === 'string' && names[o.id])
        return o.secureRoom === true ? `${names[o.id]} (${t('doc.secureRoom')})` : names[o.id]!;
    }
    if (typeof value !== 'string') return typeof value === 'object' ? JSON.stringify(value) : String(value);
    if (names[value]) return names[value];
    if (PERSON_FIELDS.has(key)) return personName(value);
    if (ENUM_FIELDS.has(key)) return optionLabel(t, key, value);
    if (ISO_INSTANT.test(value)) return formatInstant(value, i18n.language);
    if (ISO_DATE.test(value)) return formatDate(value, i18n.language);
    return value;
  }

  if (items.length === 0) return <p className="muted">{t('doc.historyEmpty')}</p>;
  return (
    <ol className="timeline">
      {items.map((h) => {
        const names = h.names ?? {};
        // DEADLINE_MOVED's `reason` is a word of the API (calendar, deadlines), not a person's free text.
        const payload = flatten(h.payload, names).map(([k, v]): [string, unknown] =>
          h.type === 'DEADLINE_MOVED' && k === 'reason' ? ['movedBecause', v] : [k, v],
        );
        // A RECLASSIFY names the mark it replaced too (the server reads it from the history before it).
        if (h.previousClassification !== undefined)
          payload.unshift(['previousClassification', h.previousClassification ?? 'none']);
        const withheld = h.withheld ?? [];
        return (
          <li key={h.seq} data-testid="history-item" data-type={h.type} data-seq={h.seq}>
            <div className="timeline-head">
              <span className="seq">#{h.seq}</span>
              <strong className="event-name">{eventLabel(t, h.type)}</strong>
              <span className="transition">
                {h.from ? stateLabel(t, h.from) : '∅'} → {stateLabel(t, h.to)}
              </span>
            </div>
            <div className="timeline-meta">
              <time dateTime={h.at}>{formatInstant(h.at, i18n.language)}</time>
              <span>
                {t('doc.actor')}: {actorName(h)}
              </span>
              <span className="hash" title={`${t('doc.hash')}: ${h.hash}\n← ${h.prevHash}`}>
                {t('doc.hash')}: <code>{h.hash.slice(0, 12)}</code>
              </span>
            </div>
            {payload.length > 0 && (
              <dl className="payload">
                {payload.map(([k, v], i) => (
                  <div key={`${k}-${i}`}>
                    <dt>{fieldLabel(t, k)}</dt>
                    <dd>
                      {k === 'actNumber' && actIdOf(h.payload) ? (
                        // R-4.1d / R-4.2.6: the act that included, destroyed or handed over the document.
                        <a href={href(`/acts/${actIdOf(h.payload)}`)} data-testid="history-act-link">
                          {describe(k, v, names)}
                        </a>
                      ) : (
                        describe(k, v, names)
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {withheld.length > 0 && (
              <p className="muted small" data-testid="history-withheld">
                {t('doc.withheld', { fields: withheld.map((k) => fieldLabel(t, k)).join(', ') })}
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
