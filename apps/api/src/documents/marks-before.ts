import type { Classification } from '@grif/domain';
import type { EventRow } from '@grif/engine';
import { foldHistory } from '@grif/workflows';

/**
 * The mark each RECLASSIFY replaced, by event seq. The event carries only the new mark, so the old one
 * is what the history before it gives (the registers' own fold decides what "the mark" is: CLASSIFY,
 * RECLASSIFY, or a copy's inherited mark at CREATE), never the machine's snapshot.
 */
export function marksBefore(rows: readonly EventRow[]): Map<number, Classification | null> {
  const out = new Map<number, Classification | null>();
  rows.forEach((e, i) => {
    if (e.type !== 'RECLASSIFY') return;
    const before = foldHistory(
      rows.slice(0, i).map((r) => ({
        instanceId: r.instanceId,
        type: r.type,
        payload: r.payload,
        at: r.at,
        toState: r.toState,
      })),
    );
    out.set(e.seq, before.get(e.instanceId)?.classification ?? null);
  });
  return out;
}
