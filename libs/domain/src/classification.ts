/** Classification marks (гриф), R-1.4. */
export const CLASSIFICATIONS = ['open', 'official_use', 'personal_data', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** Everything but "open" is restricted: issued only against acknowledgement to cleared staff. */
export function isRestricted(c: Classification | null | undefined): boolean {
  return c != null && c !== 'open';
}
