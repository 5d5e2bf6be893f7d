import { useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import { href, useRememberedList, useUrlState } from '../router';
import { useSession } from '../session';
import { BREACH_STATES, BREACH_SYSTEMS, type BreachRow } from '../types';
import { CheckField, Field, LoadError, Loading, PageTitle } from '../components/ui';
import { useHorizontalOverflow } from '../components/useHorizontalOverflow';
import { breachPermissions } from './access';
import {
  BreachStateBadge,
  breachStateLabel,
  isOverdue,
  personName,
  severityLabel,
  StepDeadline,
  systemLabel,
} from './labels';

const QUEUES = ['', 'officer', 'support'] as const;
type Queue = (typeof QUEUES)[number];

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase().trim();

/**
 * The breach cases the caller may see (the officer, support, the director and the auditor: all; anyone else the
 * cases they reported or own), newest first, with the step each waits on and its deadline — past it in the
 * danger style. The officer's and support's queues (`?queue=officer|support`) keep the cases waiting for that
 * role's next action; the filters (state, system, late, text) live in the address like every list's.
 */
export function BreachesList(): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const can = breachPermissions(me);
  useRememberedList();
  const [f, setF] = useUrlState({ queue: '', state: '', system: '', late: '', q: '' });
  const queue: Queue = (QUEUES as readonly string[]).includes(f.queue) ? (f.queue as Queue) : '';
  const list = useLoad(() => api.breaches(queue ? { queue } : {}), [queue]);

  const rows = useMemo(() => {
    const q = norm(f.q);
    return (list.data ?? []).filter(
      (r) =>
        (!f.state || r.state === f.state) &&
        (!f.system || r.system === f.system) &&
        (f.late !== '1' || r.late) &&
        (!q || [r.number, r.account, r.owner?.name ?? '', r.reporter.name].some((s) => norm(s).includes(q))),
    );
  }, [list.data, f.state, f.system, f.late, f.q]);
  const overdue = rows.filter((r) => isOverdue(r.step)).length;

  return (
    <section className="breaches">
      <PageTitle intro={can.seesAll ? t('breach.list.introAll') : t('breach.list.introMine')}>
        {t('breach.list.title')}
      </PageTitle>
      <div className="acts-tools">
        {can.seesAll ? (
          <nav className="tabs" aria-label={t('breach.list.queues')}>
            {QUEUES.map((q) => (
              <a
                key={q || 'all'}
                href={href('/breaches', { ...f, queue: q || undefined })}
                className={`tab${queue === q ? ' tab-active' : ''}`}
                aria-current={queue === q ? 'page' : undefined}
                data-testid={`breach-queue-${q || 'all'}`}
              >
                {t(`breach.list.queue.${q || 'all'}`)}
              </a>
            ))}
          </nav>
        ) : (
          <span />
        )}
        <div className="acts-new">
          {can.stats && (
            <a className="btn" href={href('/breaches/stats')} data-testid="nav-breach-stats">
              {t('breach.list.stats')}
            </a>
          )}
          <a className="btn btn-primary" href={href('/breaches/new')} data-testid="breaches-report">
            {t('breach.reportAction')}
          </a>
        </div>
      </div>
      {queue && <p className="small muted">{t(`breach.list.queueHint.${queue}`)}</p>}
      <div className="filters breach-filters" role="search">
        <Field label={t('breach.col.state')}>
          {(id) => (
            <select
              id={id}
              value={f.state}
              onChange={(e) => setF({ state: e.target.value })}
              data-testid="filter-breach-state"
            >
              <option value="">{t('common.all')}</option>
              {BREACH_STATES.map((s) => (
                <option key={s} value={s}>
                  {breachStateLabel(t, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('breach.col.system')}>
          {(id) => (
            <select
              id={id}
              value={f.system}
              onChange={(e) => setF({ system: e.target.value })}
              data-testid="filter-breach-system"
            >
              <option value="">{t('common.all')}</option>
              {BREACH_SYSTEMS.map((s) => (
                <option key={s} value={s}>
                  {systemLabel(t, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('breach.list.search')}>
          {(id) => (
            <input
              id={id}
              type="search"
              value={f.q}
              onChange={(e) => setF({ q: e.target.value })}
              data-testid="filter-breach-q"
            />
          )}
        </Field>
        <CheckField
          label={t('breach.list.lateOnly')}
          checked={f.late === '1'}
          onChange={(v) => setF({ late: v ? '1' : '' })}
          testId="filter-breach-late"
        />
      </div>
      {list.error && <LoadError error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && (
        <>
          <p className="small muted" data-testid="breaches-summary" data-count={rows.length} data-overdue={overdue}>
            {t('common.total', { n: rows.length })}
            {overdue > 0 && (
              <>
                {' · '}
                <span className="breach-overdue">{t('breach.list.overdueCount', { n: overdue })}</span>
              </>
            )}
          </p>
          <BreachesTable rows={rows} empty={queue ? t('breach.list.emptyQueue') : t('breach.list.empty')} />
        </>
      )}
    </section>
  );
}

/** The cases as a table: number, system and account, whose, who reported and when, severity, state, step and deadline. */
export function BreachesTable({ rows, empty }: { rows: BreachRow[]; empty: string }): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const scroll = useHorizontalOverflow([rows]);
  if (rows.length === 0)
    return (
      <p className="muted" data-testid="breaches-empty">
        {empty}
      </p>
    );
  return (
    <div
      ref={scroll.ref}
      className={`table-scroll${scroll.overflowing ? ' overflowing' : ''}${scroll.moreRight ? ' more-right' : ''}`}
      tabIndex={scroll.overflowing ? 0 : undefined}
    >
      <table data-testid="breaches-table">
        <thead>
          <tr>
            <th scope="col">{t('breach.col.number')}</th>
            <th scope="col">{t('breach.col.account')}</th>
            <th scope="col">{t('breach.col.owner')}</th>
            <th scope="col">{t('breach.col.reported')}</th>
            <th scope="col">{t('breach.col.severity')}</th>
            <th scope="col">{t('breach.col.state')}</th>
            <th scope="col">{t('breach.col.step')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr
              key={r.id}
              className={isOverdue(r.step) ? 'row-overdue' : undefined}
              data-testid="breach-row"
              data-id={r.id}
              data-state={r.state}
              data-overdue={isOverdue(r.step)}
            >
              <td>
                <a href={href(`/breaches/${r.id}`)} className="doc-regnumber" data-testid="breach-link">
                  {r.number}
                </a>
              </td>
              <td>
                <span className="muted small">{systemLabel(t, r.system)}</span>
                <br />
                <code>{r.account}</code>
              </td>
              <td>{personName(r.owner, {}, t('breach.ownerUnknown'))}</td>
              <td>
                {r.reporter.name}
                <br />
                <span className="small muted">{formatInstant(r.reportedAt, lang)}</span>
                {r.late && (
                  <span className="badge badge-warn" data-testid="breach-late-badge">
                    {t('breach.late')}
                  </span>
                )}
              </td>
              <td>{severityLabel(t, r.severity)}</td>
              <td>
                <BreachStateBadge value={r.state} />
              </td>
              <td>
                <StepDeadline step={r.step} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
