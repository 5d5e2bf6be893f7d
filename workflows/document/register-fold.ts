import { isRestricted, type Classification } from '@grif/domain';

/** A link of a document's history, as much of it as the registers read. */
export interface HistoryEvent {
  instanceId: string;
  type: string;
  /** Parsed; CREATE's payload is the machine input (a copy carries its original's mark). */
  payload: unknown;
  at: string;
  toState: string;
}

/** What the history says about one document at a moment. */
export interface AsAt {
  state: string;
  holderId: string | null;
  classification: Classification | null;
  /** When custody last changed (or the first event, when it never did). */
  since: string;
}

export type Holding = AsAt & { holderId: string };

/** The events that decide the mark and custody; the carriers register folds only these. */
export const CUSTODY_EVENTS: readonly string[] = [
  'CREATE',
  'CLASSIFY',
  'RECLASSIFY',
  'ISSUE',
  'RETURN',
  'REPORT_LOSS',
  'DISPATCH',
];

/**
 * Replays the history (in instance, seq order): the state each event left, the mark, and custody
 * (ISSUE hands over; RETURN, loss and dispatch end it).
 */
export function foldHistory(events: readonly HistoryEvent[]): Map<string, AsAt> {
  const state = new Map<string, AsAt>();
  for (const e of events) {
    const cur = state.get(e.instanceId) ?? { state: e.toState, holderId: null, classification: null, since: e.at };
    cur.state = e.toState;
    const p = e.payload as {
      classification?: Classification;
      holderId?: string;
      copy?: { classification: Classification | null };
    };
    if (e.type === 'CREATE') cur.classification = p.copy?.classification ?? null;
    if (e.type === 'CLASSIFY' || e.type === 'RECLASSIFY') cur.classification = p.classification ?? null;
    if (e.type === 'ISSUE') Object.assign(cur, { holderId: p.holderId, since: e.at });
    if (e.type === 'RETURN' || e.type === 'REPORT_LOSS' || e.type === 'DISPATCH')
      Object.assign(cur, { holderId: null, since: e.at });
    state.set(e.instanceId, cur);
  }
  return state;
}

/** Who held what at the end of these events: only the documents someone held. */
export function holdingsOf(events: readonly HistoryEvent[]): Map<string, Holding> {
  const all = foldHistory(events);
  for (const [id, h] of all) if (!h.holderId) all.delete(id);
  return all as Map<string, Holding>;
}

/** One document at the end of its history up to a moment; null when it had no history by then. */
export function documentAsAt(
  events: readonly HistoryEvent[],
  documentId: string,
): { holderId: string | null; state: string | null; classification: Classification | null } | null {
  if (!events.length) return null;
  const h = foldHistory(events).get(documentId);
  return { holderId: h?.holderId ?? null, state: h?.state ?? null, classification: h?.classification ?? null };
}

/**
 * A registration line as it stood at the moment the history was folded to: the state, mark and
 * holder come from the history; the due time is not kept in it.
 */
export function registrationLineAsAt<T extends { id: string; state: string }>(
  line: T,
  history: ReadonlyMap<string, AsAt>,
) {
  const h = history.get(line.id);
  return {
    ...line,
    state: h?.state ?? line.state,
    classification: h?.classification ?? null,
    holderId: h?.holderId ?? null,
    dueAt: null,
  };
}

/** What an issue line had recorded by a moment: later signatures, returns and overdue marks are not yet there. */
export function issueLineAsAt<
  T extends {
    acknowledgedAt: string | null;
    returnedAt: string | null;
    overdueAt: string | null;
    condition: string | null;
  },
>(line: T, at: string | undefined): T {
  const upTo = (v: string | null) => (v && at && v > at ? null : v);
  return {
    ...line,
    acknowledgedAt: upTo(line.acknowledgedAt),
    returnedAt: upTo(line.returnedAt),
    condition: upTo(line.returnedAt) ? line.condition : null,
    overdueAt: upTo(line.overdueAt),
  };
}

/** A carrier of classified information and who held it from when. */
export interface Carrier {
  itemType: 'document' | 'copy' | 'media';
  itemId: string;
  label: string;
  classification: string;
  holderId: string;
  since: string;
}

/**
 * The carriers register at a moment: every document or copy someone held then under a
 * restricted mark, and every medium registered by then, oldest custody first.
 */
export function carriersAt(
  holdings: ReadonlyMap<string, Holding>,
  documents: readonly { id: string; regNumber: string; title: string; copyOf: string | null }[],
  media: readonly { id: string; label: string; classification: string; holderId: string; registeredAt: string }[],
): Carrier[] {
  const rows: Carrier[] = documents
    .map((d) => ({ d, h: holdings.get(d.id)! }))
    .filter(({ h }) => isRestricted(h.classification))
    .map(({ d, h }) => ({
      itemType: d.copyOf ? 'copy' : 'document',
      itemId: d.id,
      label: `${d.regNumber} ${d.title}`,
      classification: h.classification!,
      holderId: h.holderId,
      since: h.since,
    }));
  for (const m of media)
    rows.push({
      itemType: 'media',
      itemId: m.id,
      label: m.label,
      classification: m.classification,
      holderId: m.holderId,
      since: m.registeredAt,
    });
  return rows.sort((a, b) => a.since.localeCompare(b.since) || a.itemId.localeCompare(b.itemId));
}
