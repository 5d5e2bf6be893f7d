import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { formatInstant } from '../format';
import { useLoad } from '../hooks';
import { href, useRememberedList, useUrlState } from '../router';
import { permissions, useSession } from '../session';
import type { ActRow } from '../types';
import { CheckField, LoadError, Loading, PageTitle } from '../components/ui';
import { useHorizontalOverflow } from '../components/useHorizontalOverflow';
import { ActStateBadge, actHasItems, actHref, actKindLabel } from './labels';

/**
 * Every act the caller may see (R-4.1d destruction, R-4.2.6 custody transfer): kind, number, state,
 * how many items, and whose signature it waits for. "Waiting for my signature" keeps only mine
 * (`?awaiting=me`, kept in the address like every list's filters).
 */
export function ActsList(): ReactElement {
  const { t } = useTranslation();
  const { me } = useSession();
  const can = permissions(me);
  useRememberedList();
  const [f, setF] = useUrlState({ awaiting: '' });
  const mine = f.awaiting === 'me';
  const list = useLoad(() => api.acts(mine ? { awaiting: 'me' } : {}), [mine]);

  return (
    <section>
      <PageTitle intro={t('acts.intro')}>{t('acts.title')}</PageTitle>
      <div className="acts-tools">
        <CheckField
          label={t('acts.awaitingMe')}
          checked={mine}
          onChange={(v) => setF({ awaiting: v ? 'me' : '' })}
          testId="acts-awaiting"
        />
        <div className="acts-new">
          {can.createDestruction && (
            <a
              className="btn btn-primary"
              href={href('/acts/new', { kind: 'destruction' })}
              data-testid="acts-new-destruction"
            >
              {t('acts.newDestruction')}
            </a>
          )}
          {can.createCustody && (
            <a
              className="btn btn-primary"
              href={href('/acts/new', { kind: 'custody_transfer' })}
              data-testid="acts-new-custody"
            >
              {t('acts.newCustody')}
            </a>
          )}
        </div>
      </div>
      {list.error && <LoadError error={list.error} />}
      {!list.data && !list.error && <Loading />}
      {list.data && <ActsTable rows={list.data} empty={mine ? t('acts.emptyAwaiting') : t('acts.empty')} />}
    </section>
  );
}

/** The acts as a table; also the director's "To sign" queue. */
export function ActsTable({
  rows,
  empty,
  testId = 'acts-table',
  compact = false,
}: {
  rows: ActRow[];
  empty: string;
  testId?: string;
  compact?: boolean;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const lang = i18n.language;
  const scroll = useHorizontalOverflow([rows]);
  if (rows.length === 0)
    return (
      <p className="muted" data-testid={`${testId}-empty`}>
        {empty}
      </p>
    );
  return (
    <div
      ref={scroll.ref}
      className={`table-scroll${scroll.overflowing ? ' overflowing' : ''}${scroll.moreRight ? ' more-right' : ''}`}
      tabIndex={scroll.overflowing ? 0 : undefined}
    >
      <table data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{t('acts.col.number')}</th>
            <th scope="col">{t('acts.col.kind')}</th>
            <th scope="col">{t('acts.col.state')}</th>
            <th scope="col">{t('acts.col.items')}</th>
            <th scope="col">{t('acts.col.nextSigner')}</th>
            {!compact && <th scope="col">{t('acts.col.createdAt')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="act-row" data-id={r.id} data-state={r.state} data-awaiting-me={r.awaitingMe}>
              <td>
                <a href={actHref(r.kind, r.id)} className="doc-regnumber" data-testid="act-link">
                  {r.number}
                </a>
              </td>
              <td>{actKindLabel(t, r.kind)}</td>
              <td>
                <ActStateBadge value={r.state} />
              </td>
              <td className="num">{actHasItems(r.kind) ? r.itemCount : <span className="muted">—</span>}</td>
              <td>
                {/* Several may sign at once (the commission, in any order): all are named, or just me when I am one. */}
                {r.awaitingMe ? (
                  <>
                    {me.displayName}
                    <span className="badge badge-turn">{t('acts.yourTurn')}</span>
                  </>
                ) : r.awaiting.length ? (
                  r.awaiting.map((p) => p.name).join(', ')
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {!compact && <td>{formatInstant(r.createdAt, lang)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
