import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable';
import { documentColumns } from '../components/DocumentList';
import { EnumField, PersonField } from '../components/selects';
import { Field, Mark } from '../components/ui';
import { bishkekLocalToIso, currentYearInBishkek, formatInstant } from '../format';
import { usePersonName } from '../hooks';
import { optionLabel } from '../labels';
import { href } from '../router';
import { DIRECTIONS, ISSUE_STATUSES, type CarrierRow, type CopyRow, type DocumentRow, type IssueRow } from '../types';

/**
 * "As at": a register as it stood at a moment (`at=<ISO>`, computed by the server from the history).
 * The datetime-local is Bishkek wall time; empty (or not yet a whole date and time) means now.
 * The table's CSV link carries the same `at`, since it is the same query.
 */
function AsAtFilter({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (v: string) => void;
  testId: string;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('registers.atDate')} hint={value ? t('common.bishkekTime') : t('registers.now')} required={false}>
        {(id, d) => (
          <input
            id={id}
            aria-describedby={d}
            type="datetime-local"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
          />
        )}
      </Field>
      <div className="filters-reset">
        <button type="button" className="btn btn-ghost" onClick={() => onChange('')} disabled={!value}>
          {t('registers.now')}
        </button>
      </div>
    </>
  );
}

/** The `at` query value of an "as at" picker: an ISO instant, or undefined for now. */
function asAtIso(local: string): string | undefined {
  return local ? (bishkekLocalToIso(local) ?? undefined) : undefined;
}

/** R-4.1b: the registration journal, per year and direction. */
export function RegistrationJournal(): ReactElement {
  const { t, i18n } = useTranslation();
  const personName = usePersonName();
  const [year, setYear] = useState(String(currentYearInBishkek()));
  const [direction, setDirection] = useState('');
  const [at, setAt] = useState('');
  return (
    <>
      <div className="filters">
        <Field label={t('field.year')}>
          {(id) => (
            <input id={id} type="number" min={2000} max={2100} value={year} onChange={(e) => setYear(e.target.value)} />
          )}
        </Field>
        <EnumField
          label={t('field.direction')}
          field="direction"
          values={DIRECTIONS}
          value={direction}
          onChange={setDirection}
          empty={t('common.all')}
        />
        <AsAtFilter value={at} onChange={setAt} testId="registration-at" />
      </div>
      <DataTable<DocumentRow>
        path="/api/registers/registration"
        params={{ year: /^\d{4}$/.test(year) ? year : undefined, direction, at: asAtIso(at) }}
        columns={documentColumns(t, i18n.language, personName)}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'regNumber', order: 'asc' }}
      />
    </>
  );
}

/** every issue against a signature, open, overdue or returned. */
export function IssueJournal(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const personName = usePersonName();
  const [status, setStatus] = useState('');
  const [holderId, setHolderId] = useState('');
  const [at, setAt] = useState('');
  return (
    <>
      <div className="filters">
        <EnumField
          label={t('field.status')}
          field="status"
          values={ISSUE_STATUSES}
          value={status}
          onChange={setStatus}
          empty={t('common.all')}
        />
        <PersonField
          label={t('field.holder')}
          value={holderId}
          onChange={setHolderId}
          empty={t('documents.anyone')}
          hideWhenNone
        />
        <AsAtFilter value={at} onChange={setAt} testId="issues-at" />
      </div>
      <DataTable<IssueRow>
        path="/api/registers/issues"
        params={{ status, holderId, at: asAtIso(at) }}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'issuedAt', order: 'desc' }}
        columns={[
          {
            key: 'regNumber',
            label: t('field.regNumber'),
            render: (r) => <a href={href(`/documents/${r.documentId}`)}>{r.regNumber}</a>,
          },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          { key: 'holderName', label: t('field.holder'), render: (r) => r.holderName || personName(r.holderId) },
          { key: 'purpose', label: t('field.purpose') },
          { key: 'issuedAt', label: t('field.issuedAt'), render: (r) => formatInstant(r.issuedAt, lang) },
          { key: 'issuedBy', label: t('field.issuedBy'), render: (r) => personName(r.issuedBy) },
          {
            key: 'acknowledgedAt',
            label: t('field.acknowledgedAt'),
            render: (r) => formatInstant(r.acknowledgedAt, lang),
          },
          { key: 'dueAt', label: t('field.dueAt'), render: (r) => formatInstant(r.dueAt, lang) },
          {
            key: 'overdueAt',
            label: t('field.overdueAt'),
            render: (r) => (r.overdueAt ? <span className="warn">{formatInstant(r.overdueAt, lang)}</span> : '—'),
          },
          { key: 'returnedAt', label: t('field.returnedAt'), render: (r) => formatInstant(r.returnedAt, lang) },
          { key: 'condition', label: t('field.condition'), render: (r) => r.condition ?? '—' },
        ]}
      />
    </>
  );
}

/** R-4.1c: the copy journal: date of copying, purpose, copy number. */
export function CopyJournal(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const personName = usePersonName();
  const [originalId, setOriginalId] = useState('');
  const [at, setAt] = useState('');
  return (
    <>
      <div className="filters">
        <Field label={t('field.originalId')} required={false}>
          {(id) => (
            <input id={id} type="text" value={originalId} onChange={(e) => setOriginalId(e.target.value.trim())} />
          )}
        </Field>
        <AsAtFilter value={at} onChange={setAt} testId="copies-at" />
      </div>
      <DataTable<CopyRow>
        path="/api/registers/copies"
        params={{ originalId, at: asAtIso(at) }}
        rowKey={(r) => r.id}
        defaultSort={{ key: 'madeAt', order: 'desc' }}
        columns={[
          {
            key: 'originalRegNumber',
            label: t('field.originalRegNumber'),
            render: (r) => <a href={href(`/documents/${r.originalId}`)}>{r.originalRegNumber}</a>,
          },
          {
            key: 'copyNumber',
            label: t('field.copyNumber'),
            render: (r) => <a href={href(`/documents/${r.copyId}`)}>№{r.copyNumber}</a>,
          },
          { key: 'purpose', label: t('field.purpose') },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          { key: 'madeBy', label: t('field.madeBy'), render: (r) => personName(r.madeBy) },
          { key: 'madeAt', label: t('field.madeAt'), render: (r) => formatInstant(r.madeAt, lang) },
        ]}
      />
    </>
  );
}

/** who holds which classified item, copy or medium — now, or at a chosen moment. */
export function CarriersRegister(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [at, setAt] = useState('');
  return (
    <>
      <div className="filters">
        <AsAtFilter value={at} onChange={setAt} testId="carriers-at" />
      </div>
      <DataTable<CarrierRow>
        path="/api/registers/carriers"
        params={{ at: asAtIso(at) }}
        rowKey={(r) => `${r.itemType}-${r.itemId}`}
        defaultSort={{ key: 'holderName', order: 'asc' }}
        columns={[
          { key: 'itemType', label: t('field.itemType'), render: (r) => optionLabel(t, 'itemType', r.itemType) },
          {
            key: 'label',
            label: t('field.label'),
            render: (r) => (r.itemType === 'media' ? r.label : <a href={href(`/documents/${r.itemId}`)}>{r.label}</a>),
          },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          { key: 'holderName', label: t('field.holder') },
          { key: 'since', label: t('field.since'), render: (r) => formatInstant(r.since, lang) },
        ]}
      />
    </>
  );
}
