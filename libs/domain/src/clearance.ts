import { DateTime } from 'luxon';

/**
 * access to classified information is given after two recorded facts, a signed
 * non-disclosure obligation and the security briefing. A revocation ends what was given
 * before it. Everything is an entry (nothing is edited or deleted), so "was this person
 * cleared at moment T" can be answered for any T, and by one function only: the document
 * machine's guard, the people list and the ISSUE picker all ask `clearanceAt`.
 */
export const CLEARANCE_KINDS = ['nda', 'briefing'] as const;
export type ClearanceKind = (typeof CLEARANCE_KINDS)[number];
export const CLEARANCE_ENTRY_KINDS = [...CLEARANCE_KINDS, 'revocation'] as const;
export type ClearanceEntryKind = (typeof CLEARANCE_ENTRY_KINDS)[number];

export interface ClearanceRecord {
  kind: ClearanceEntryKind;
  /** The school calendar date the entry takes effect (YYYY-MM-DD). */
  date: string;
  /** The order in which the person's entries were recorded (1, 2, …): of two entries of one date, the later wins. */
  seq: number;
  /** A revocation's reason; a note otherwise. */
  note?: string | null;
}

export interface ClearanceStatus {
  /** Both facts in force on the day of T, none revoked since. */
  cleared: boolean;
  /** Cleared: the day it took effect (the later of the two facts after the last revocation). */
  since: string | null;
  /** Cleared: a revocation already recorded ends it on this later day. */
  until: string | null;
  /** Not cleared: entries already recorded clear the person from this later day ("from <date>"). */
  from: string | null;
  /** Not cleared because this revocation, in force on the day of T, ended the clearance. */
  revoked: { date: string; reason: string | null } | null;
  /** The dates of the obligation and briefing in force on the day of T (the latest of each since the last revocation). */
  nda: string | null;
  briefing: string | null;
}

/** The school calendar date of an instant, in the school's zone (a clearance is dated by day, not by UTC). */
export function schoolDate(at: string | Date, zone: string): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at, { zone }) : DateTime.fromJSDate(at, { zone });
  const day = dt.toISODate();
  if (!day) throw new Error(`not an instant: ${String(at)}`);
  return day;
}

const byEffect = (a: ClearanceRecord, b: ClearanceRecord): number =>
  a.date === b.date ? a.seq - b.seq : a.date.localeCompare(b.date);

interface DayState {
  nda: ClearanceRecord | null;
  briefing: ClearanceRecord | null;
  firstNda: ClearanceRecord | null;
  firstBriefing: ClearanceRecord | null;
  revocation: ClearanceRecord | null;
}

/** Folds the entries in force on `day`, in the order they took effect; a revocation wipes what came before it. */
function foldTo(sorted: readonly ClearanceRecord[], day: string): DayState {
  const s: DayState = { nda: null, briefing: null, firstNda: null, firstBriefing: null, revocation: null };
  for (const e of sorted) {
    if (e.date > day) break;
    if (e.kind === 'revocation') {
      Object.assign(s, { nda: null, briefing: null, firstNda: null, firstBriefing: null, revocation: e });
    } else if (e.kind === 'nda') {
      s.nda = e;
      s.firstNda ??= e;
    } else {
      s.briefing = e;
      s.firstBriefing ??= e;
    }
  }
  return s;
}

const isCleared = (s: DayState): boolean => s.nda != null && s.briefing != null;

/** the one rule. Is the person cleared at moment `at`, judged on that day of the school's calendar? */
export function clearanceAt(entries: readonly ClearanceRecord[], at: string | Date, zone: string): ClearanceStatus {
  const sorted = [...entries].sort(byEffect);
  const day = schoolDate(at, zone);
  const now = foldTo(sorted, day);
  const cleared = isCleared(now);
  // Only the days on which a later entry takes effect can change the answer.
  const laterDays = [...new Set(sorted.filter((e) => e.date > day).map((e) => e.date))];
  const firstLater = (want: boolean) => laterDays.find((d) => isCleared(foldTo(sorted, d)) === want) ?? null;
  return {
    cleared,
    since: cleared ? [now.firstNda!.date, now.firstBriefing!.date].sort()[1]! : null,
    until: cleared ? firstLater(false) : null,
    from: cleared ? null : firstLater(true),
    revoked: !cleared && now.revocation ? { date: now.revocation.date, reason: now.revocation.note ?? null } : null,
    nda: now.nda?.date ?? null,
    briefing: now.briefing?.date ?? null,
  };
}

/** as the guards ask it. */
export function isClearedAt(entries: readonly ClearanceRecord[], at: string | Date, zone: string): boolean {
  return clearanceAt(entries, at, zone).cleared;
}

/**
 * Whether a revocation taking effect on `date` would end anything: an obligation or a briefing
 * in force on that day. A revocation that ends nothing is a mistake the officer should hear about.
 */
export function revocationEndsSomething(entries: readonly ClearanceRecord[], date: string): boolean {
  const s = foldTo([...entries].sort(byEffect), date);
  return s.nda != null || s.briefing != null;
}
