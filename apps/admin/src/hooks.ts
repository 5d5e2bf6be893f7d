import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError, itemsOf } from './api';
import type { NomenclatureFileView, PersonView, RoomView } from './types';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/** Runs `load` when `deps` change (and on reload()), keeping only the latest answer. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean; of?: readonly unknown[] }>({
    loading: true,
  });
  const [tick, setTick] = useState(0);
  const seq = useRef(0);
  const key = [...deps, tick];
  useEffect(() => {
    const mine = ++seq.current;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => mine === seq.current && setState({ data, loading: false, of: key }),
      (err: unknown) => mine === seq.current && setState({ error: toApiError(err), loading: false, of: key }),
    );
    // `load` is a fresh closure each render; `deps` say when it means something new.
  }, key);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // The render that follows new deps comes before the effect marks it loading:
  // its data still answers the old deps, so it is loading already (aria-busy).
  const stale = !state.of || !sameDeps(state.of, key);
  return { data: state.data, error: state.error, loading: state.loading || stale, reload };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((d, i) => Object.is(d, b[i]));
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError({ statusCode: 0, code: 'CLIENT', message: err instanceof Error ? err.message : String(err) });
}

/**
 * Reference lists used by pickers and for showing names instead of ids:
 * loaded once per session, refreshed after a change. A failure (for example a
 * role that may not list people) leaves the list empty; callers fall back to ids.
 */
type RefKind = 'people' | 'rooms' | 'files';
interface RefTypes {
  people: PersonView[];
  rooms: RoomView[];
  files: NomenclatureFileView[];
}
const loaders: { [K in RefKind]: () => Promise<RefTypes[K]> } = {
  people: async () => itemsOf(await api.people()),
  rooms: async () => itemsOf(await api.rooms()),
  files: async () => itemsOf(await api.nomenclature()),
};
const refCache = new Map<RefKind, Promise<unknown>>();
const refListeners = new Set<() => void>();

export function invalidateRefs(kind?: RefKind): void {
  if (kind) refCache.delete(kind);
  else refCache.clear();
  refListeners.forEach((l) => l());
}

export function useRefList<K extends RefKind>(kind: K): { items: RefTypes[K]; error?: ApiError; loading: boolean } {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ items: RefTypes[K]; error?: ApiError; loading: boolean }>({
    items: [] as unknown as RefTypes[K],
    loading: true,
  });
  useEffect(() => {
    const l = () => setVersion((v) => v + 1);
    refListeners.add(l);
    return () => {
      refListeners.delete(l);
    };
  }, []);
  useEffect(() => {
    let live = true;
    let p = refCache.get(kind) as Promise<RefTypes[K]> | undefined;
    if (!p) {
      p = loaders[kind]();
      refCache.set(kind, p);
      p.catch(() => refCache.delete(kind));
    }
    p.then(
      (items) => live && setState({ items, loading: false }),
      (err: unknown) =>
        live && setState({ items: [] as unknown as RefTypes[K], error: toApiError(err), loading: false }),
    );
    return () => {
      live = false;
    };
  }, [kind, version]);
  return state;
}

/** id → display name, for holders, actors and "made by" columns. */
export function usePersonName(): (id: string | null | undefined) => string {
  const { items } = useRefList('people');
  return useCallback(
    (id) => {
      if (!id) return '—';
      return items.find((p) => p.id === id)?.displayName ?? id;
    },
    [items],
  );
}

/** A form submission: busy while it runs, the refusal if the server said no, true when it went through. */
export function useSubmit(): {
  busy: boolean;
  error: ApiError | undefined;
  run: (fn: () => Promise<unknown>) => Promise<boolean>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | undefined>();
  const run = useCallback(async (fn: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { busy, error, run, clear };
}

/** The server's complaint about one field of the last attempt, if any. */
export function fieldErrorOf(error: ApiError | undefined, name: string): string | undefined {
  return error?.body.fields?.find((f) => f.field.split('.')[0] === name)?.message;
}
