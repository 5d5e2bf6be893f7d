import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { formatDate, formatInstant } from '../format';
import { usePersonName } from '../hooks';
import { optionLabel } from '../labels';
import { href, useRememberedList, useUrlState } from '../router';
import { CLASSIFICATIONS, DIRECTIONS, DOCUMENT_STATES, type DocumentRow } from '../types';
import { DataTable, type Column } from './DataTable';
import { EnumField, PersonField } from './selects';
import { Field, Mark, PageTitle, StateBadge } from './ui';

/** The columns of a document row, shared by the documents list and the registration journal. */
export function documentColumns(
  t: TFunction,
  lang: string,
  personName: (id: string | null) => string,
): Column<DocumentRow>[] {
  return [
    {
      key: 'regNumber',
      label: t('field.regNumber'),
      render: (r) => (
        <a href={href(`/documents/${r.id}`)} data-testid="doc-link">
          {r.regNumber}
          {r.copyNumber != null && (
            <span className="muted small"> ({t('documents.copyMark', { n: r.copyNumber })})</span>
          )}
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

const EMPTY_FILTERS = { year: '', direction: '', state: '', classification: '', holderId: '', q: '' };

/** Every document of the school, filtered, sorted, paged and exportable (records office, auditor). */
export function DocumentList(): ReactElement {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();
  useRememberedList();
  // The filters live in the address: Back from a document finds the list as it was left.
  const [f, setF] = useUrlState(EMPTY_FILTERS, { resetsPage: true });
  const q = useDebounced(f.q, 300);
  const year = useDebounced(f.year, 300);
  const put = (k: keyof typeof f) => (value: string) => setF({ [k]: value });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => put(k)(e.target.value);

  return (
    <section>
      <PageTitle>{t('documents.title')}</PageTitle>
      <form className="filters" role="search" aria-label={t('documents.filters')} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('field.year')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={2000}
              max={2100}
              value={f.year}
              onChange={set('year')}
              data-testid="filter-year"
            />
          )}
        </Field>
        <EnumField
          label={t('field.direction')}
          field="direction"
          values={DIRECTIONS}
          value={f.direction}
          onChange={put('direction')}
          empty={t('common.all')}
          testId="filter-direction"
        />
        <EnumField
          label={t('field.state')}
          field="state"
          values={DOCUMENT_STATES}
          value={f.state}
          onChange={put('state')}
          empty={t('common.all')}
          testId="filter-state"
        />
        <EnumField
          label={t('field.classification')}
          field="classification"
          values={CLASSIFICATIONS}
          value={f.classification}
          onChange={put('classification')}
          empty={t('common.all')}
          testId="filter-classification"
        />
        <PersonField
          label={t('field.holder')}
          value={f.holderId}
          onChange={put('holderId')}
          empty={t('documents.anyone')}
          testId="filter-holder"
          hideWhenNone
        />
        <Field label={t('field.q')}>
          {(id) => (
            <input
              id={id}
              type="search"
              placeholder={t('field.qHint')}
              value={f.q}
              onChange={set('q')}
              data-testid="filter-q"
            />
          )}
        </Field>
        <div className="filters-reset">
          <button type="button" className="btn btn-ghost" onClick={() => setF(EMPTY_FILTERS)}>
            {t('common.reset')}
          </button>
        </div>
      </form>
      <DataTable<DocumentRow>
        path="/api/documents"
        params={{
          year,
          direction: f.direction,
          state: f.state,
          classification: f.classification,
          holderId: f.holderId,
          q,
        }}
        columns={documentColumns(t, i18n.language, personName)}
        rowKey={(r) => r.id}
        rowTestId="doc-row"
        defaultSort={{ key: 'createdAt', order: 'desc' }}
      />
    </section>
  );
}
