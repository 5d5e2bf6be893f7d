import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import { eventLabel } from '../labels';
import { href, useUrlState } from '../router';
import { PersonField } from '../components/selects';
import { Field, LoadError } from '../components/ui';
import { auditApi } from './audit-api';

const FILTERS = { actor: '', type: '', subject: '', from: '', to: '', page: '1' };

/**
 * The auditor's search over every event of the school: by who, which event, which document, case or
 * act (by its number), and when. The filters live in the address, so Back from an instance returns here.
 */
export function EventSearch(): ReactElement {
  const { t, i18n } = useTranslation();
  const [f, setF] = useUrlState(FILTERS, { resetsPage: true });
  const found = useLoad(
    () => auditApi.events({ ...f, subject: f.subject.trim(), pageSize: '20' }),
    [f.actor, f.type, f.subject, f.from, f.to, f.page],
  );
  // Every event the UI has words for, by those words: the reader never types a code.
  const types = Object.keys(t('event', { returnObjects: true }) as Record<string, string>);
  const page = Number(f.page) || 1;
  const pages = found.data ? Math.max(1, Math.ceil(found.data.total / found.data.pageSize)) : 1;
  const machine = (m: string) => t(`auditor.machine.${m}`, { defaultValue: m });
  return (
    <section data-testid="audit-search">
      <h2>{t('auditor.searchTitle')}</h2>
      <div className="filters">
        <PersonField
          label={t('auditor.actor')}
          value={f.actor}
          onChange={(v) => setF({ actor: v })}
          empty={t('auditor.anyone')}
          testId="audit-filter-actor"
        />
        <Field label={t('auditor.type')}>
          {(id) => (
            <select
              id={id}
              value={f.type}
              onChange={(e) => setF({ type: e.target.value })}
              data-testid="audit-filter-type"
            >
              <option value="">{t('auditor.anyEvent')}</option>
              {types.map((k) => (
                <option key={k} value={k}>
                  {eventLabel(t, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('auditor.subjectFilter')}>
          {(id) => (
            <input
              id={id}
              value={f.subject}
              onChange={(e) => setF({ subject: e.target.value })}
              placeholder="К-0001/2026"
              data-testid="audit-filter-subject"
            />
          )}
        </Field>
        <Field label={t('auditor.from')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={f.from}
              onChange={(e) => setF({ from: e.target.value })}
              data-testid="audit-filter-from"
            />
          )}
        </Field>
        <Field label={t('auditor.to')}>
          {(id) => (
            <input
              id={id}
              type="date"
              value={f.to}
              onChange={(e) => setF({ to: e.target.value })}
              data-testid="audit-filter-to"
            />
          )}
        </Field>
      </div>
      {found.error && <LoadError error={found.error} />}
      {found.data && (
        <>
          <p className="muted small" data-testid="audit-found">
            {t('auditor.found', { count: found.data.total })}
          </p>
          <table className="table" data-testid="audit-events">
            <thead>
              <tr>
                <th>{t('auditor.at')}</th>
                <th>{t('auditor.subject')}</th>
                <th>{t('auditor.event')}</th>
                <th>{t('auditor.actor')}</th>
              </tr>
            </thead>
            <tbody>
              {found.data.items.map((e) => (
                <tr key={`${e.instanceId}-${e.seq}`}>
                  <td>{formatInstant(e.at, i18n.language)}</td>
                  <td>
                    <a href={href(`/audit/instances/${e.instanceId}`)} data-testid="audit-open-instance">
                      {e.subject || machine(e.machine)}
                    </a>{' '}
                    <span className="muted small">{machine(e.machine)}</span>
                  </td>
                  <td>{eventLabel(t, e.type)}</td>
                  <td>{e.actorName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" className="btn" disabled={page <= 1} onClick={() => setF({ page: String(page - 1) })}>
              ‹
            </button>{' '}
            {page} / {pages}{' '}
            <button
              type="button"
              className="btn"
              disabled={page >= pages}
              onClick={() => setF({ page: String(page + 1) })}
            >
              ›
            </button>
          </div>
        </>
      )}
    </section>
  );
}
