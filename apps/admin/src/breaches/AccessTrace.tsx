import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import { eventLabel } from '../labels';
import { href } from '../router';
import type { AccessTrace as Trace } from '../types';
import { LoadError, Loading } from '../components/ui';
import { breachEventLabel } from './labels';

/** The trace as lines for INVESTIGATE's `accessed`: the sessions, then what was done to which document, in words. */
export function traceText(t: TFunction, trace: Trace, lang: string, caseId?: string): string {
  const lines: string[] = [];
  for (const s of trace.sessions)
    lines.push(
      t('breach.trace.sessionLine', {
        client: s.client ?? t('breach.trace.noClient'),
        from: formatInstant(s.createdAt, lang),
        to: formatInstant(s.lastSeenAt ?? s.createdAt, lang),
      }),
    );
  for (const e of trace.events)
    lines.push(
      t('breach.trace.eventLine', {
        at: formatInstant(e.at, lang),
        event: e.instanceId === caseId ? breachEventLabel(t, e.type) : eventLabel(t, e.type),
        document: e.instanceId === caseId ? t('breach.trace.thisCase') : (e.regNumber ?? t('breach.trace.noNumber')),
      }),
    );
  return lines.join('\n');
}

/**
 * What a Grif account did, from Grif's own sessions and history (`GET /api/breaches/:id/access-trace`, the
 * information-security officer): the sessions with their client, and every event it sent, each document by
 * its number. "Use in the report" puts it into the investigation's `accessed`, to be edited there.
 */
export function AccessTrace({ id, onUse }: { id: string; onUse: (text: string) => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const trace = useLoad(() => api.breachAccessTrace(id), [id]);
  const d = trace.data;
  return (
    <section className="access-trace" aria-labelledby={`trace-h-${id}`} data-testid="breach-trace">
      <h4 id={`trace-h-${id}`}>{t('breach.trace.title')}</h4>
      <p className="small muted">{t('breach.trace.intro')}</p>
      {trace.error && <LoadError error={trace.error} />}
      {!d && !trace.error && <Loading />}
      {d && (
        <>
          <h5>
            {t('breach.trace.sessions')} <span className="count">{d.sessions.length}</span>
          </h5>
          {d.sessions.length === 0 ? (
            <p className="muted small">{t('breach.trace.noSessions')}</p>
          ) : (
            <table className="compact" data-testid="breach-trace-sessions">
              <thead>
                <tr>
                  <th scope="col">{t('breach.trace.client')}</th>
                  <th scope="col">{t('breach.trace.createdAt')}</th>
                  <th scope="col">{t('breach.trace.lastSeenAt')}</th>
                </tr>
              </thead>
              <tbody>
                {d.sessions.map((s, i) => (
                  <tr key={`${s.createdAt}-${i}`} data-testid="breach-trace-session">
                    <td>
                      {s.client ? <code>{s.client}</code> : <span className="muted">{t('breach.trace.noClient')}</span>}
                    </td>
                    <td>{formatInstant(s.createdAt, lang)}</td>
                    <td>{formatInstant(s.lastSeenAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h5>
            {t('breach.trace.events')} <span className="count">{d.events.length}</span>
          </h5>
          {d.events.length === 0 ? (
            <p className="muted small">{t('breach.trace.noEvents')}</p>
          ) : (
            <table className="compact" data-testid="breach-trace-events">
              <thead>
                <tr>
                  <th scope="col">{t('breach.trace.at')}</th>
                  <th scope="col">{t('breach.trace.event')}</th>
                  <th scope="col">{t('breach.trace.document')}</th>
                </tr>
              </thead>
              <tbody>
                {d.events.map((e, i) => (
                  <tr key={`${e.at}-${i}`} data-testid="breach-trace-event">
                    <td>{formatInstant(e.at, lang)}</td>
                    <td>{e.instanceId === id ? breachEventLabel(t, e.type) : eventLabel(t, e.type)}</td>
                    <td>
                      {e.instanceId === id ? (
                        <span className="muted">{t('breach.trace.thisCase')}</span>
                      ) : e.regNumber ? (
                        <a href={href(`/documents/${e.instanceId}`)} className="doc-regnumber">
                          {e.regNumber}
                        </a>
                      ) : (
                        <span className="muted">{t('breach.trace.noNumber')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onUse(traceText(t, d, lang, id))}
            data-testid="breach-trace-use"
          >
            {t('breach.trace.use')}
          </button>
        </>
      )}
    </section>
  );
}
