import { useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/documents/abc` → ['documents', 'abc']. Hash routes
 * need nothing from the server that serves the bundle at `/`.
 */
function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function currentHash(): string {
  return window.location.hash;
}

export function parseRoute(hash: string): string[] {
  const path = hash.replace(/^#\/?/, '').split('?')[0] ?? '';
  return path.split('/').filter(Boolean).map(decodeURIComponent);
}

export function useRoute(): string[] {
  const hash = useSyncExternalStore(subscribe, currentHash);
  return parseRoute(hash);
}

/** The href of an in-app path ('/documents/1' → '#/documents/1'). */
export function href(path: string): string {
  return `#${path.startsWith('/') ? path : `/${path}`}`;
}

export function navigate(path: string): void {
  window.location.hash = href(path);
}
