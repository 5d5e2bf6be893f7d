import { useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, csvUrl, type Query } from '../api';
import { useLoad } from '../hooks';
import { currentLang } from '../i18n';
import { useUrlState } from '../router';
import { PrintJournal } from './PrintJournal';
import { LoadError } from './ui';
import { useHorizontalOverflow } from './useHorizontalOverflow';

export interface Column<T> {
  /** Column id and the server's `sort` name. */
  key: string;
  label: string;
  sortable?: boolean;
  render?: (row: T) => ReactNode;
  /** For lists the server answers as a bare array, sorted here. */
  sortValue?: (row: T) => string | number | null | undefined;
}

interface Props<T> {
  path: string;
  params?: Query;
  columns: Column<T>[];
  rowKey: (row: T) => string;
  defaultSort?: { key: string; order: 'asc' | 'desc' };
  rowTestId?: string;
  /** Change it to reload (after an add form succeeded). */
  reloadToken?: number;
  caption?: string;
  empty?: string;
  /**
   * A journal the records office prints (registration, issues, copies, carriers): the filters its
   * PDF takes. Given, a "Басып чыгаруу (PDF)" for a period stands beside the CSV export.
   */
  print?: Query;
}

const PAGE_SIZES = [10, 25, 50, 100];
const DEFAULT_PAGE_SIZE = 25;

const positive = (v: string, fallback: number) => (/^[1-9]\d{0,5}$/.test(v) ? Number(v) : fallback);

/**
 * Every register is the same table: sortable headers, paging, CSV export of
 * the same query (and a printed PDF for a period, for the journals). The server pages and sorts (`page, pageSize, sort, order`);
 * a list that comes back as a plain array is paged and sorted here instead.
 * Page, page size and sort live in the address (`page`, `size`, `sort`, `order`),
 * beside the list's own filters, so Back and a reload find the table as it was
 * (one table per page: two would share these keys).
 */
export function DataTable<T>(props: Props<T>): ReactElement {
  const { t } = useTranslation();
  const [url, setUrl] = useUrlState({
    page: '1',
    size: String(DEFAULT_PAGE_SIZE),
    sort: props.defaultSort?.key ?? '',
    order: props.defaultSort?.order ?? 'asc',
  });
  const sort = url.sort
    ? { key: url.sort, order: url.order === 'desc' ? ('desc' as const) : ('asc' as const) }
    : undefined;
  const pageSize = PAGE_SIZES.includes(positive(url.size, 0)) ? positive(url.size, 0) : DEFAULT_PAGE_SIZE;
  const page = positive(url.page, 1);
  const paramsKey = JSON.stringify(props.params ?? {});
  const setPage = (p: number) => setUrl({ page: String(p) });
  const setPageSize = (n: number) => setUrl({ size: String(n), page: '1' });

  const query: Query = { ...props.params, page, pageSize, sort: sort?.key, order: sort?.order };
  const loaded = useLoad(
    () => api.list<T>(props.path, query),
    [props.path, paramsKey, page, pageSize, sort?.key, sort?.order, props.reloadToken],
  );

  const view = useMemo(() => {
    const d = loaded.data;
    if (!d) return undefined;
    if (!Array.isArray(d)) return { items: d.items, total: d.total };
    let rows = [...d];
    const col = props.columns.find((c) => c.key === sort?.key);
    if (col && sort) {
      const val =
        col.sortValue ?? ((r: T) => (r as Record<string, unknown>)[col.key] as string | number | null | undefined);
      const dir = sort.order === 'asc' ? 1 : -1;
      rows.sort((a, b) => {
        const x = val(a);
        const y = val(b);
        if (x == null && y == null) return 0;
        if (x == null) return 1;
        if (y == null) return -1;
        return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir;
      });
    }
    const total = rows.length;
    rows = rows.slice((page - 1) * pageSize, page * pageSize);
    return { items: rows, total };
  }, [loaded.data, props.columns, sort, page, pageSize]);

  const pages = view ? Math.max(1, Math.ceil(view.total / pageSize)) : 1;
  const scroll = useHorizontalOverflow([view, props.columns.length]);

  function toggleSort(key: string) {
    const order = sort?.key === key && sort.order === 'asc' ? 'desc' : 'asc';
    setUrl({ sort: key, order, page: '1' });
  }

  return (
    <div className="table-block">
      <div className="table-tools">
        <span className="muted">{view ? t('common.total', { n: view.total }) : ''}</span>
        {scroll.overflowing && (
          <span className="scroll-hint" data-testid="table-scroll-hint">
            {t('common.scrollHint')}
          </span>
        )}
        <div className="table-actions">
          {props.print && (
            <PrintJournal path={props.path} params={{ ...props.print, sort: sort?.key, order: sort?.order }} />
          )}
          <a
            className="btn btn-small btn-ghost"
            href={csvUrl(props.path, { ...props.params, sort: sort?.key, order: sort?.order, lang: currentLang() })}
            download
            data-testid="export-csv"
          >
            {t('common.exportCsv')}
          </a>
        </div>
      </div>
      {loaded.error && <LoadError error={loaded.error} />}
      {/* Focusable only when it scrolls, so the keyboard can scroll it too. */}
      <div
        ref={scroll.ref}
        className={`table-scroll${scroll.overflowing ? ' overflowing' : ''}${scroll.moreRight ? ' more-right' : ''}`}
        tabIndex={scroll.overflowing ? 0 : undefined}
        role={scroll.overflowing ? 'region' : undefined}
        aria-label={scroll.overflowing ? (props.caption ?? t('common.scrollHint')) : undefined}
        data-testid="table-scroll"
      >
        <table aria-busy={loaded.loading}>
          {props.caption && <caption>{props.caption}</caption>}
          <thead>
            <tr>
              {props.columns.map((c) => {
                const active = sort?.key === c.key;
                const ariaSort = active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined;
                return (
                  <th key={c.key} scope="col" aria-sort={ariaSort}>
                    {c.sortable === false ? (
                      c.label
                    ) : (
                      <button
                        type="button"
                        className="sort"
                        onClick={() => toggleSort(c.key)}
                        title={t('common.sortBy', { column: c.label })}
                      >
                        {c.label}
                        <span className="sort-arrow" aria-hidden="true">
                          {active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                        </span>
                      </button>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {view?.items.map((row) => (
              <tr key={props.rowKey(row)} data-testid={props.rowTestId}>
                {props.columns.map((c) => (
                  <td key={c.key}>
                    {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
            {view && view.items.length === 0 && (
              <tr>
                <td colSpan={props.columns.length} className="muted empty">
                  {props.empty ?? t('common.empty')}
                </td>
              </tr>
            )}
            {!view && loaded.loading && (
              <tr>
                <td colSpan={props.columns.length} className="muted empty">
                  {t('common.loading')}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label={t('common.pageOf', { page, pages })}>
        <button type="button" className="btn btn-small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('common.prev')}
        </button>
        <span>{t('common.pageOf', { page, pages })}</span>
        <button type="button" className="btn btn-small" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('common.next')}
        </button>
        <label className="page-size">
          {t('common.pageSize')}{' '}
          <select value={pageSize} onChange={(e) => setPageSize(Number(e.target.value))}>
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </nav>
    </div>
  );
}
