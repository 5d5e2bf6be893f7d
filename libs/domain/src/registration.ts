export const DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const DOCUMENT_KINDS = ['letter', 'order', 'instruction', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Journal prefixes, in Kyrgyz as the registration journal is kept (R-4.1b):
 * К — кирүүчү (incoming), Ч — чыгуучу (outgoing), И — ички (internal).
 */
const PREFIX: Record<Direction, string> = { incoming: 'К', outgoing: 'Ч', internal: 'И' };

/** A journal number is sequential per school, year and direction: "К-0007/2026". */
export function formatRegNumber(direction: Direction, year: number, seq: number): string {
  return `${PREFIX[direction]}-${String(seq).padStart(4, '0')}/${year}`;
}
