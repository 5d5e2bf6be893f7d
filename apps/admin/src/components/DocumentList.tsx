import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatInstant } from '../format';
import { usePersonName, useRefList } from '../hooks';
import { optionLabel } from '../labels';
import { href } from '../router';
import { CLASSIFICATIONS, DIRECTIONS, DOCUMENT_STATES, type DocumentRow } from '../types';
import { DataTable, type Column } from './DataTable';
import { Field, Mark, PageTitle, StateBadge } from './ui';

/** The columns of a document row, shared by the documents list and the registration journal. */
export function documentColumns(t: TFunction, lang: string, personName: (id: string | null) => string): Column<DocumentRow>[] {
  return [
    {
      key: 'regNumber',
      label: t('field.regNumber'),
      render: (r) => (
        <a href={href(`/documents/${r.id}`)} data-testid="doc-link">
          {r.regNumber}
          {r.copyNumber != null && <span className="muted small"> ({t('documents.copyMark', { n: r.copyNumber })})</span>}
        </a>
      ),
    },
    { key: 'documentDate', label: t('field.documentDate'), render: (r) => formatDate(r.documentDate, lang) },
    { key: 'direction', label: t('field.direction'), render: (r) => optionLabel(t, 'direction', r.direction) },
    { key: 'kind', label: t('field.kind'), render: (r) => optionLabel(t, 'kind', r.kind) },
    { key: 'title', label: t('field.title') },
    { key: 'correspondent', label: t('field.correspondent') },
    { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
    { key: 'state', label: t('field.state'), render: (r) => <StateBadge value={r.state} /> },
    { key: 'holderId', label: t('field.holder'), render: (r) => (r.holderId ? personName(r.holderId) : '—') },
    { key: 'dueAt', label: t('doc.due'), render: (r) => formatInstant(r.dueAt, lang) },
  ];
}

/** Waits until typing stops before searching. */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

/** Every document of the school, filtered, sorted, paged and exportable (records office, auditor). */
export function DocumentList(): ReactElement {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();
  const people = useRefList('people');
  const [f, setF] = useState({ year: '', direction: '', state: '', classification: '', holderId: '', q: '' });
  const q = useDebounced(f.q, 300);
  const year = useDebounced(f.year, 300);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((old) => ({ ...old, [k]: e.target.value }));

  return (
    <section>
      <PageTitle>{t('documents.title')}</PageTitle>
      <form className="filters" role="search" aria-label={t('documents.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('field.year')}>{(id) => <input id={id} type="number" min={2000} max={2100} value={f.year} onChange={set('year')} data-testid="filter-year" />}</Field>
        <Field label={t('field.direction')}>
          {(id) => (
            <select id={id} value={f.direction} onChange={set('direction')} data-testid="filter-direction">
              <option value="">{t('common.all')}</option>
              {DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {optionLabel(t, 'direction', d)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.state')}>
          {(id) => (
            <select id={id} value={f.state} onChange={set('state')} data-testid="filter-state">
              <option value="">{t('common.all')}</option>
              {DOCUMENT_STATES.map((s) => (
                <option key={s} value={s}>
                  {optionLabel(t, 'state', s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('field.classification')}>
          {(id) => (
            <select id={id} value={f.classification} onChange={set('classification')} data-testid="filter-classification">
              <option value="">{t('common.all')}</option>
              {CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {optionLabel(t, 'classification', c)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {people.items.length > 0 && (
          <Field label={t('field.holder')}>
            {(id) => (
              <select id={id} value={f.holderId} onChange={set('holderId')} data-testid="filter-holder">
                <option value="">{t('documents.anyone')}</option>
                {people.items.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <Field label={t('field.q')}>{(id) => <input id={id} type="search" placeholder={t('field.qHint')} value={f.q} onChange={set('q')} data-testid="filter-q" />}</Field>
        <div className="filters-reset">
          <button type="button" className="btn btn-ghost" onClick={() => setF({ year: '', direction: '', state: '', classification: '', holderId: '', q: '' })}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      <DataTable<DocumentRow>
        path="/api/documents"
        params={{ year, direction: f.direction, state: f.state, classification: f.classification, holderId: f.holderId, q }}
        columns={documentColumns(t, i18n.language, personName)}
        rowKey={(r) => r.id}
        rowTestId="doc-row"
        defaultSort={{ key: 'createdAt', order: 'desc' }}
      />
    </section>
  );
}
