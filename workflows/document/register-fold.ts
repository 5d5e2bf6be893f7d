import { CLASSIFICATIONS, isRestricted, type Classification } from '@grif/domain';

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
  /** When custody or place last changed (or the first event, when neither did). */
  since: string;
  /** The registered cabinet it was last stored in (it stays its place while the item is issued). */
  cabinetId: string | null;
  /** A free-text place, when stored outside a registered cabinet. */
  location: string | null;
}

/**
 * The events that decide the mark and custody; the carriers register and the cabinets fold only these. Every way
 * out of the school's keeping is one: loss, dispatch and destruction (R-4.1d).
 */
export const CUSTODY_EVENTS: readonly string[] = [
  'CREATE',
  'CLASSIFY',
  'RECLASSIFY',
  'STORE',
  'ISSUE',
  'RETURN',
  'REPORT_LOSS',
  'DISPATCH',
  'DESTROY',
];

/**
 * The events after which a document may be a carrier where it was not, or the reverse: its mark, and its
 * leaving the school's keeping. A copy's CREATE gives it its mark too, but at the moment it is registered.
 */
export const CARRIER_EVENTS: readonly string[] = ['CLASSIFY', 'RECLASSIFY', 'REPORT_LOSS', 'DISPATCH', 'DESTROY'];

/**
 * Replays the history (in instance, seq order): the state each event left, the mark, the place
 * (STORE; a copy starts where its original lies) and custody (ISSUE hands over; RETURN, loss and
 * dispatch end it). Given `from`, the fold of each instance's earlier events, it goes on from there:
 * folding a history in two parts gives what folding it at once gives.
 */
export function foldHistory(events: readonly HistoryEvent[], from?: ReadonlyMap<string, AsAt>): Map<string, AsAt> {
  // `from`: a fold of the earlier events (a register snapshot); it is continued, never changed.
  const state = new Map<string, AsAt>(from);
  for (const e of events) {
    const before = state.get(e.instanceId);
    const cur: AsAt = before
      ? { ...before }
      : { state: e.toState, holderId: null, classification: null, since: e.at, cabinetId: null, location: null };
    cur.state = e.toState;
    const p = e.payload as {
      classification?: Classification;
      holderId?: string;
      cabinetId?: string;
      location?: string;
      copy?: { classification: Classification | null; cabinet?: { id: string } | null; location?: string | null };
    };
    if (e.type === 'CREATE')
      Object.assign(cur, {
        classification: p.copy?.classification ?? null,
        cabinetId: p.copy?.cabinet?.id ?? null,
        location: p.copy?.cabinet ? null : (p.copy?.location ?? null),
      });
    if (e.type === 'STORE')
      Object.assign(cur, { cabinetId: p.cabinetId ?? null, location: p.location ?? null, since: e.at });
    if (e.type === 'CLASSIFY' || e.type === 'RECLASSIFY') cur.classification = p.classification ?? null;
    if (e.type === 'ISSUE') Object.assign(cur, { holderId: p.holderId, since: e.at });
    if (e.type === 'RETURN' || e.type === 'REPORT_LOSS' || e.type === 'DISPATCH')
      Object.assign(cur, { holderId: null, since: e.at });
    state.set(e.instanceId, cur);
  }
  return state;
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

/** States in which an item has left the school's keeping: it carries nothing the school holds any more. */
export const GONE_STATES: readonly string[] = ['dispatched', 'lost', 'destroyed'];

/**
 * Where a carrier is: in a registered cabinet, at a free-text place, out with the person it is
 * issued to, not yet put away (classified, never stored), or, for a medium, with its holder.
 */
export type Place =
  | { kind: 'cabinet'; cabinetId: string }
  | { kind: 'location'; text: string }
  | { kind: 'issued' }
  | { kind: 'unstored' }
  | { kind: 'holder' };

/**
 * A carrier of confidential information: a document or copy under a restricted mark that is
 * still in the school's keeping, or a registered medium. `holderId` is the person it is issued to
 * (for a medium, its holder); the custodian of an item not issued is the records clerk in office,
 * which the caller knows (appointments are not in the history).
 */
export interface Carrier {
  itemType: 'document' | 'copy' | 'media';
  itemId: string;
  regNumber: string | null;
  label: string;
  classification: string;
  state: string | null;
  holderId: string | null;
  place: Place;
  /** The cabinet it belongs in, also while it is issued. */
  homeCabinetId: string | null;
  since: string;
}

interface DocumentFacts {
  id: string;
  regNumber: string;
  title: string;
  copyOf: string | null;
}

const isOut = (h: AsAt) => h.holderId != null;

/**
 * R-3: what makes a document a carrier: a restricted mark, and still in the school's keeping. `isCarrier` applies it
 * to a fold; a register read from the documents' lines gives it to SQL as these lists.
 */
export const CARRIER_RULE = {
  restrictedMarks: CLASSIFICATIONS.filter((c) => isRestricted(c)) as readonly string[],
  goneStates: GONE_STATES,
};

/** R-3 (`CARRIER_RULE`) by what a document's custody fold says. */
export function isCarrier(h: AsAt | undefined): h is AsAt {
  return h != null && isRestricted(h.classification) && !GONE_STATES.includes(h.state);
}

function placeOf(h: AsAt): Place {
  if (isOut(h)) return { kind: 'issued' };
  if (h.cabinetId) return { kind: 'cabinet', cabinetId: h.cabinetId };
  if (h.location) return { kind: 'location', text: h.location };
  return { kind: 'unstored' };
}

/**
 * The carriers register at a moment: every document and copy the history leaves under a
 * restricted mark and still in the school's keeping — in a cabinet, elsewhere, issued, or not yet
 * put away — in the order the documents come (the journal's), then every medium registered by then.
 */
export function carriersAt(
  history: ReadonlyMap<string, AsAt>,
  documents: readonly DocumentFacts[],
  media: readonly { id: string; label: string; classification: string; holderId: string; registeredAt: string }[],
): Carrier[] {
  const rows: Carrier[] = [];
  for (const d of documents) {
    const h = history.get(d.id);
    if (!isCarrier(h)) continue;
    rows.push({
      itemType: d.copyOf ? 'copy' : 'document',
      itemId: d.id,
      regNumber: d.regNumber,
      label: d.title,
      classification: h.classification!,
      state: h.state,
      holderId: h.holderId,
      place: placeOf(h),
      homeCabinetId: h.cabinetId,
      since: h.since,
    });
  }
  const held = [...media].sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id));
  for (const m of held)
    rows.push({
      itemType: 'media',
      itemId: m.id,
      regNumber: null,
      label: m.label,
      classification: m.classification,
      state: null,
      holderId: m.holderId,
      place: { kind: 'holder' },
      homeCabinetId: null,
      since: m.registeredAt,
    });
  return rows;
}

/** One item of a cabinet's inventory: what belongs in it, and whether it lies there or is out. */
export interface CabinetItem {
  cabinetId: string;
  itemType: 'document' | 'copy';
  itemId: string;
  regNumber: string;
  label: string;
  classification: string | null;
  state: string;
  /** False while it is issued: it belongs here and is due back here. */
  present: boolean;
  holderId: string | null;
  since: string;
}

/**
 * The contents of cabinets at a moment, every mark included (a cabinet's inventory): each document
 * or copy whose last place is that cabinet and that is still in the school's keeping, in the order given.
 */
export function cabinetContentsAt(
  history: ReadonlyMap<string, AsAt>,
  documents: readonly DocumentFacts[],
): CabinetItem[] {
  const rows: CabinetItem[] = [];
  for (const d of documents) {
    const h = history.get(d.id);
    if (!h?.cabinetId || GONE_STATES.includes(h.state)) continue;
    rows.push({
      cabinetId: h.cabinetId,
      itemType: d.copyOf ? 'copy' : 'document',
      itemId: d.id,
      regNumber: d.regNumber,
      label: d.title,
      classification: h.classification,
      state: h.state,
      present: !isOut(h),
      holderId: h.holderId,
      since: h.since,
    });
  }
  return rows;
}
