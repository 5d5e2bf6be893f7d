import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/documents/abc` → ['documents', 'abc']. Hash routes
 * need nothing from the server that serves the bundle at `/`.
 *
 * What follows a `?` is the page's own state — filters, sort, page, "as at" —
 * so a link, a reload or the Back button brings back the same list. Typing in a
 * filter replaces the current history entry (no entry per keystroke); opening
 * a document from the list pushes one, and Back returns to the list as it was.
 */
const QUERY_CHANGED = 'grif:query';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener(QUERY_CHANGED, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(QUERY_CHANGED, onChange);
  };
}

function currentHash(): string {
  return window.location.hash;
}

function splitHash(hash: string): { path: string; query: string } {
  const body = hash.replace(/^#/, '');
  const at = body.indexOf('?');
  return at < 0 ? { path: body, query: '' } : { path: body.slice(0, at), query: body.slice(at + 1) };
}

export function parseRoute(hash: string): string[] {
  const path = splitHash(hash).path.replace(/^\//, '');
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

/** The query part of a hash route (`#/registers/copies?of=К-0001%2F2026` → of=К-0001/2026). */
export function parseRouteQuery(hash: string): URLSearchParams {
  return new URLSearchParams(splitHash(hash).query);
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

/** The href of an in-app path ('/documents/1' → '#/documents/1'), a query included. */
export function href(path: string, query?: Record<string, string | undefined>): string {
  const base = `#${path.startsWith('/') ? path : `/${path}`}`;
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export function navigate(path: string): void {
  window.location.hash = href(path);
}

/**
 * Changes some keys of the current route's query (undefined removes one) in place: the history
 * entry is replaced, not added, so Back leaves the list rather than undoing a filter.
 */
export function setRouteQuery(patch: Record<string, string | undefined>): void {
  const { path, query } = splitHash(currentHash());
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  const next = `#${path}${s ? `?${s}` : ''}`;
  if (next === currentHash()) return;
  window.history.replaceState(window.history.state, '', next);
  rememberList(next);
  window.dispatchEvent(new Event(QUERY_CHANGED));
}

/**
 * Page state kept in the route's query: each key reads its value from the URL, or its default
 * when absent. A value equal to its default leaves the URL; an emptied one stays as `key=`, so
 * "all years" is not read back as "this year". A filter change goes back to page 1.
 */
export function useUrlState<K extends string>(
  defaults: Record<K, string>,
  opts: { resetsPage?: boolean } = {},
): [Record<K, string>, (patch: Partial<Record<K, string>>) => void] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  const defaultsKey = JSON.stringify(defaults);
  const values = useMemo(() => {
    const q = parseRouteQuery(hash);
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as K[]) {
      const v = q.get(k);
      if (v !== null) out[k] = v;
    }
    return out;
    // `defaults` is a fresh literal each render; its content is what matters.
  }, [hash, defaultsKey]);
  const set = useCallback(
    (patch: Partial<Record<K, string>>) => {
      const d = JSON.parse(defaultsKey) as Record<K, string>;
      const changes: Record<string, string | undefined> = opts.resetsPage ? { page: undefined } : {};
      for (const [k, v] of Object.entries(patch) as [K, string | undefined][])
        changes[k] = v === undefined || v === d[k] ? undefined : v;
      setRouteQuery(changes);
    },
    [defaultsKey, opts.resetsPage],
  );
  return [values, set];
}

const LIST_KEY = 'grif.list.';

/** Remembers the last address of a list page, so a document's "back to the list" link returns to it as it was. */
export function rememberList(hash: string = currentHash()): void {
  const [section] = parseRoute(hash);
  if (!section || parseRoute(hash).length > 1) return;
  try {
    sessionStorage.setItem(LIST_KEY + section, hash);
  } catch {
    // no storage: the link goes to the plain list
  }
}

/** A list page keeps its address remembered while it is shown, whichever way it was reached. */
export function useRememberedList(): void {
  const hash = useSyncExternalStore(subscribe, currentHash);
  useEffect(() => rememberList(hash), [hash]);
}

/** The remembered address of a list ('documents' → '#/documents?classification=official_use'), or the plain one. */
export function listHref(section: string): string {
  try {
    return sessionStorage.getItem(LIST_KEY + section) ?? href(`/${section}`);
  } catch {
    return href(`/${section}`);
  }
}
