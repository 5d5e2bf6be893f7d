import { useEffect, useRef, useState } from 'react';

/**
 * Whether a scroll box is wider inside than out, and whether columns lie beyond its right edge:
 * the table then says so in words and with a shadow, since many systems draw no scrollbar until touched.
 */
export function useHorizontalOverflow(deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const [state, setState] = useState({ overflowing: false, moreRight: false });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const overflowing = el.scrollWidth > el.clientWidth + 1;
      const moreRight = overflowing && el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setState((s) => (s.overflowing === overflowing && s.moreRight === moreRight ? s : { overflowing, moreRight }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', measure);
    };
    // Rows and columns change the width: measure again when they do.
  }, deps);
  return { ref, ...state };
}
