/**
 * What the action pickers show disabled, and why: the rule id and its short text in the reader's
 * language. The server refuses the same choices (the document machine's guards); this only keeps
 * the clerk from picking what will be refused.
 */
import type { TFunction } from 'i18next';
import { formatDate } from './format';
import type { ClearanceStatus, PersonView, RoomView } from './types';

export interface Forbidden {
  rule: 'R-2.5' | 'R-4.2.2';
  text: string;
}

const isRestricted = (mark: string | null | undefined) => mark != null && mark !== 'open';

/** a classified document goes only to a person cleared now (as the server judged, `clearanceAt`). */
export function holderForbidden(
  t: TFunction,
  lang: string,
  mark: string | null | undefined,
  p: Pick<PersonView, 'clearance'>,
): Forbidden | undefined {
  if (!isRestricted(mark) || p.clearance.cleared) return undefined;
  return { rule: 'R-2.5', text: notClearedText(t, lang, p.clearance) };
}

function notClearedText(t: TFunction, lang: string, c: ClearanceStatus): string {
  if (c.from) return t('why.clearedFrom', { date: formatDate(c.from, lang) });
  if (c.revoked) return t('why.revoked', { date: formatDate(c.revoked.date, lang) });
  return t('why.notCleared');
}

/** a For Official Use document lies only in a cabinet of a secure room. */
export function cabinetForbidden(
  t: TFunction,
  mark: string | null | undefined,
  room: Pick<RoomView, 'secure'>,
): Forbidden | undefined {
  return mark === 'official_use' && !room.secure ? { rule: 'R-4.2.2', text: t('why.notSecure') } : undefined;
}

/** again: a bare location (a shelf, a desk) is no place for a For Official Use document. */
export function storeVariantForbidden(
  t: TFunction,
  mark: string | null | undefined,
  field: string,
): Forbidden | undefined {
  return mark === 'official_use' && field === 'location' ? { rule: 'R-4.2.2', text: t('why.bareLocation') } : undefined;
}
