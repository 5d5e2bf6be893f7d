import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api } from '../api';
import { formatDate, formatInstant } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';
import type { DeadlineBoard as Board, DeadlineBoardItem } from '../types';
import { LoadError, Loading, Mark, PageTitle, StateBadge } from './ui';
import { useHorizontalOverflow } from './useHorizontalOverflow';

/** How often the board asks again on its own (it also asks when the tab comes back into view). */
export const BOARD_REFRESH_MS = 60_000;

/** "2 саат 15 мүнөт" late: the time between the due moment and the board's `asOf`. */
function lateness(t: TFunction, dueAt: string | null, asOf: string): string | null {
  if (!dueAt) return null;
  const minutes = Math.floor((Date.parse(asOf) - Date.parse(dueAt)) / 60_000);
  if (minutes < 1) return null;
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return d > 0 ? t('board.lateDays', { d, h }) : t('board.lateHours', { h, m });
}

function BoardTable({
  items,
  asOf,
  late,
  testId,
  empty,
}: {
  items: DeadlineBoardItem[];
  asOf: string;
  late: boolean;
  testId: string;
  empty: string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const scroll = useHorizontalOverflow([items]);
  if (items.length === 0)
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
            <th scope="col">{t('field.regNumber')}</th>
            <th scope="col">{t('field.title')}</th>
            <th scope="col">{t('field.classification')}</th>
            <th scope="col">{t('field.holder')}</th>
            <th scope="col">{t('field.issuedAt')}</th>
            <th scope="col">{t('field.dueAt')}</th>
            <th scope="col">{t('field.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const lateBy = late ? lateness(t, i.dueAt, asOf) : null;
            return (
              <tr key={i.documentId} data-testid="board-row" data-document-id={i.documentId} data-state={i.state}>
                <td>
                  <a href={href(`/documents/${i.documentId}`)} className="doc-link">
                    {i.regNumber}
                  </a>
                </td>
                <td>{i.title}</td>
                <td>
                  <Mark value={i.classification} />
                </td>
                <td>{i.holderName}</td>
                <td>{formatInstant(i.issuedAt, lang)}</td>
                <td>
                  <time dateTime={i.dueAt ?? undefined} className={late ? 'warn' : undefined}>
                    {formatInstant(i.dueAt, lang)}
                  </time>
                  {lateBy && <div className="small warn">{lateBy}</div>}
                </td>
                <td>
                  <StateBadge value={i.state} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The records office's day (the clerk's and the security officer's first page): what is out and
 * late, and what must come back before today ends on the school's calendar. Times in Bishkek;
 * it asks again every minute and whenever the tab is looked at again.
 */
export function DeadlineBoard(): ReactElement {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const board = useLoad<Board>(() => api.deadlineBoard(), []);
  const { reload } = board;

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, BOARD_REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  const b = board.data;
  return (
    <section>
      <PageTitle intro={t('board.intro')}>{t('board.title')}</PageTitle>
      <div className="board-meta">
        {b && (
          <span data-testid="board-as-of" data-as-of={b.asOf}>
            {t('board.today', { date: formatDate(b.today, lang) })} ·{' '}
            {t('board.asOf', { at: formatInstant(b.asOf, lang) })} ({t('common.bishkekTime')})
          </span>
        )}
        <button
          type="button"
          className="btn btn-small"
          onClick={reload}
          disabled={board.loading}
          data-testid="board-refresh"
        >
          {board.loading ? t('common.loading') : t('common.reload')}
        </button>
        <span className="muted small">{t('board.autoRefresh')}</span>
      </div>
      {board.error && <LoadError error={board.error} />}
      {!b && !board.error && <Loading />}
      {b && (
        <>
          <section className="panel board-section board-late" aria-labelledby="board-overdue-h">
            <h2 id="board-overdue-h">
              {t('board.overdue')}{' '}
              <span className={`count${b.overdue.length ? '' : ' count-zero'}`}>{b.overdue.length}</span>
            </h2>
            <BoardTable items={b.overdue} asOf={b.asOf} late testId="board-overdue" empty={t('board.noneOverdue')} />
          </section>
          <section className="panel board-section" aria-labelledby="board-today-h">
            <h2 id="board-today-h">
              {t('board.dueToday')}{' '}
              <span className={`count${b.dueToday.length ? '' : ' count-zero'}`}>{b.dueToday.length}</span>
            </h2>
            <BoardTable
              items={b.dueToday}
              asOf={b.asOf}
              late={false}
              testId="board-due-today"
              empty={t('board.noneToday')}
            />
          </section>
        </>
      )}
    </section>
  );
}
