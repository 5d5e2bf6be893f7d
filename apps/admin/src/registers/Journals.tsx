import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { DataTable } from '../components/DataTable';
import { documentColumns } from '../components/DocumentList';
import { EnumField, PersonField } from '../components/selects';
import { Field, Mark, StateBadge } from '../components/ui';
import { bishkekLocalToIso, currentYearInBishkek, formatInstant } from '../format';
import { usePersonName, useRefList } from '../hooks';
import { optionLabel } from '../labels';
import { href, useUrlState } from '../router';
import {
  DIRECTIONS,
  ISSUE_STATUSES,
  type CabinetItemRow,
  type CarrierRow,
  type CopyRow,
  type DocumentRow,
  type IssueRow,
} from '../types';

/**
 * "As at": a register as it stood at a moment (`at=<ISO>`, computed by the server from the history).
 * The datetime-local is Bishkek wall time; empty (or not yet a whole date and time) means now.
 * The table's CSV link carries the same `at`, since it is the same query. A printed journal
 * (`print`) takes the other filters but a period instead of `at` (and, for the registration
 * journal, instead of the year).
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
  const [f, setF] = useUrlState({ year: String(currentYearInBishkek()), direction: '', at: '' }, { resetsPage: true });
  const { year, direction, at } = f;
  return (
    <>
      <div className="filters">
        <Field label={t('field.year')}>
          {(id) => (
            <input
              id={id}
              type="number"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setF({ year: e.target.value })}
              data-testid="registration-year"
            />
          )}
        </Field>
        <EnumField
          label={t('field.direction')}
          field="direction"
          values={DIRECTIONS}
          value={direction}
          onChange={(v) => setF({ direction: v })}
          empty={t('common.all')}
        />
        <AsAtFilter value={at} onChange={(v) => setF({ at: v })} testId="registration-at" />
      </div>
      <DataTable<DocumentRow>
        path="/api/registers/registration"
        params={{ year: /^\d{4}$/.test(year) ? year : undefined, direction, at: asAtIso(at) }}
        print={{ direction }}
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
  const [f, setF] = useUrlState({ status: '', holderId: '', at: '' }, { resetsPage: true });
  const { status, holderId, at } = f;
  return (
    <>
      <div className="filters">
        <EnumField
          label={t('field.status')}
          field="status"
          values={ISSUE_STATUSES}
          value={status}
          onChange={(v) => setF({ status: v })}
          empty={t('common.all')}
          testId="issues-status"
        />
        <PersonField
          label={t('field.holder')}
          value={holderId}
          onChange={(v) => setF({ holderId: v })}
          empty={t('documents.anyone')}
          hideWhenNone
        />
        <AsAtFilter value={at} onChange={(v) => setF({ at: v })} testId="issues-at" />
      </div>
      <DataTable<IssueRow>
        path="/api/registers/issues"
        params={{ status, holderId, at: asAtIso(at) }}
        print={{ status, holderId }}
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

/** R-4.1c: the copy journal: date of copying, purpose, copy number; `of=` narrows it to one original's copies. */
export function CopyJournal(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const personName = usePersonName();
  const [f, setF] = useUrlState({ of: '', at: '' }, { resetsPage: true });
  return (
    <>
      <div className="filters">
        <Field label={t('field.of')} hint={t('registers.ofHint')} required={false}>
          {(id, d) => (
            <input
              id={id}
              aria-describedby={d}
              type="search"
              value={f.of}
              onChange={(e) => setF({ of: e.target.value })}
              data-testid="copies-of"
            />
          )}
        </Field>
        <AsAtFilter value={f.at} onChange={(v) => setF({ at: v })} testId="copies-at" />
      </div>
      <DataTable<CopyRow>
        path="/api/registers/copies"
        params={{ of: f.of.trim(), at: asAtIso(f.at) }}
        print={{ of: f.of.trim() }}
        rowKey={(r) => r.id}
        rowTestId="copy-row"
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
            render: (r) => (
              <a href={href(`/documents/${r.copyId}`)} data-testid="copy-link">
                {r.copyRegNumber || `№${r.copyNumber}`}
              </a>
            ),
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

/** A cabinet as a person names it: "room / cabinet", a link to its contents, the secure room marked. */
function CabinetPlace({
  t,
  row,
}: {
  t: TFunction;
  row: { cabinetId: string | null; cabinetName: string | null; roomName: string | null; secureRoom: boolean | null };
}): ReactElement | null {
  if (!row.cabinetId) return null;
  return (
    <>
      <a href={href('/registers/cabinets', { cabinet: row.cabinetId })}>
        {row.roomName} / {row.cabinetName}
      </a>
      {row.secureRoom && <span className="badge badge-secure">{t('doc.secureRoom')}</span>}
    </>
  );
}

function carrierPlace(t: TFunction, r: CarrierRow): ReactNode {
  switch (r.placeKind) {
    case 'cabinet':
      return <CabinetPlace t={t} row={r} />;
    case 'location':
      return r.location;
    case 'issued':
      return (
        <>
          <span className="warn">{t('place.issued')}</span>
          {r.cabinetId && (
            <div className="small muted">
              {t('place.belongsIn')} <CabinetPlace t={t} row={r} />
            </div>
          )}
        </>
      );
    default:
      return <span className="muted">{t(`place.${r.placeKind}`)}</span>;
  }
}

/**
 * the carriers of confidential information — every document and copy under a restricted mark
 * still in the school, and every registered medium, with who answers for it and where it is; now,
 * or at a chosen moment.
 */
export function CarriersRegister(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [f, setF] = useUrlState({ at: '' }, { resetsPage: true });
  return (
    <>
      <p className="muted intro register-help" data-testid="carriers-help">
        {t('registers.carriersHelp')}
      </p>
      <div className="filters">
        <AsAtFilter value={f.at} onChange={(v) => setF({ at: v })} testId="carriers-at" />
      </div>
      <DataTable<CarrierRow>
        path="/api/registers/carriers"
        params={{ at: asAtIso(f.at) }}
        print={{}}
        rowKey={(r) => `${r.itemType}-${r.itemId}`}
        rowTestId="carrier-row"
        defaultSort={{ key: 'regNumber', order: 'asc' }}
        columns={[
          { key: 'itemType', label: t('field.itemType'), render: (r) => optionLabel(t, 'itemType', r.itemType) },
          {
            key: 'regNumber',
            label: t('field.carrier'),
            render: (r) =>
              r.regNumber ? (
                <>
                  <a href={href(`/documents/${r.itemId}`)}>{r.regNumber}</a>
                  <div className="small">{r.label}</div>
                </>
              ) : (
                r.label
              ),
          },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          {
            key: 'state',
            label: t('field.state'),
            sortable: false,
            render: (r) => (r.state ? <StateBadge value={r.state} /> : '—'),
          },
          {
            key: 'custodianName',
            label: t('field.custodian'),
            render: (r) => r.custodianName ?? <span className="muted">{t('registers.noClerk')}</span>,
          },
          { key: 'placeKind', label: t('field.place'), render: (r) => carrierPlace(t, r) },
          { key: 'since', label: t('field.since'), render: (r) => formatInstant(r.since, lang) },
        ]}
      />
    </>
  );
}

/** What each cabinet holds, every mark, lying there or out with a holder; one cabinet or all, now or as at. */
export function CabinetContents(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rooms = useRefList('rooms');
  const [f, setF] = useUrlState({ cabinet: '', at: '' }, { resetsPage: true });
  return (
    <>
      <p className="muted intro register-help">{t('registers.cabinetsHelp')}</p>
      <div className="filters">
        <Field label={t('field.cabinetId')} required={false}>
          {(id) => (
            <select
              id={id}
              value={f.cabinet}
              onChange={(e) => setF({ cabinet: e.target.value })}
              data-testid="cabinets-cabinet"
            >
              <option value="">{t('registers.allCabinets')}</option>
              {rooms.items.map((room) => (
                <optgroup key={room.id} label={room.name}>
                  {room.cabinets.map((c) => (
                    <option key={c.id} value={c.id}>
                      {room.name} / {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <AsAtFilter value={f.at} onChange={(v) => setF({ at: v })} testId="cabinets-at" />
      </div>
      <DataTable<CabinetItemRow>
        path="/api/registers/cabinets"
        params={{ cabinetId: f.cabinet, at: asAtIso(f.at) }}
        rowKey={(r) => r.itemId}
        rowTestId="cabinet-row"
        columns={[
          {
            key: 'cabinetId',
            label: t('field.cabinetId'),
            sortable: false,
            render: (r) => <CabinetPlace t={t} row={r} />,
          },
          {
            key: 'regNumber',
            label: t('field.regNumber'),
            render: (r) => (
              <>
                <a href={href(`/documents/${r.itemId}`)}>{r.regNumber}</a>
                {r.itemType === 'copy' && <span className="muted small"> ({optionLabel(t, 'itemType', 'copy')})</span>}
                <div className="small">{r.label}</div>
              </>
            ),
          },
          { key: 'classification', label: t('field.classification'), render: (r) => <Mark value={r.classification} /> },
          { key: 'state', label: t('field.state'), render: (r) => <StateBadge value={r.state} /> },
          {
            key: 'present',
            label: t('field.present'),
            render: (r) =>
              r.present ? (
                t('present.yes')
              ) : (
                <span className="warn">
                  {t('present.no')}
                  {r.holderName && <>: {r.holderName}</>}
                </span>
              ),
          },
          { key: 'since', label: t('field.since'), render: (r) => formatInstant(r.since, lang) },
        ]}
      />
    </>
  );
}
