import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './api';
import { useRoute } from './router';

/** How often the header asks for the unread count (it also asks on every navigation). */
export const POLL_MS = 30_000;

/**
 * The notifications page tells the header badge what it just learned (after a load or
 * "mark as read"), so the count changes at once instead of at the next poll.
 */
const listeners = new Set<(unread: number) => void>();
export function announceUnread(unread: number): void {
  listeners.forEach((l) => l(unread));
}

/** The caller's unread count: on mount, on every hash change, every 30 s while the tab is visible. */
export function useUnreadCount(): number {
  const [unread, setUnread] = useState(0);
  const seq = useRef(0);
  const hash = useRoute().join('/');

  const refresh = useCallback(() => {
    const mine = ++seq.current;
    api.notifications().then(
      (list) => mine === seq.current && setUnread(list.unread),
      () => undefined, // keep the last count; a 401 already sends the user to the login form
    );
  }, []);

  useEffect(() => {
    const l = (n: number) => {
      seq.current++; // an answer still on its way is older than this one
      setUnread(n);
    };
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);

  useEffect(() => {
    refresh();
  }, [hash, refresh]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'hidden') refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return unread;
}
