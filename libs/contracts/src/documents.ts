import type { Classification, Direction, DocumentKind } from '@grif/domain';

export interface DocumentView {
  id: string;
  regNumber: string;
  state: string;
  version: number;
  classification: Classification | null;
  direction: Direction;
  kind: DocumentKind;
  title: string;
  correspondent: string;
  documentDate: string;
  pages: number;
  annexes: string | null;
  location: string | null;
  cabinetId: string | null;
  file: { id: string; index: string; title: string } | null;
  /** First day the document may be destroyed (its file's year + retention); null = kept permanently or unfiled. */
  destructionEligibleFrom: string | null;
  copyOf: { id: string; regNumber: string } | null;
  copyNumber: number | null;
  copiesMade: number;
  dispatched: { addressee: string; via: string | null; at: string } | null;
  lost: { circumstances: string; at: string; reportedBy: string } | null;
  holder: { id: string; name: string; purpose: string; issuedAt: string; dueAt: string | null; acknowledgedAt: string | null } | null;
  /** Events this caller may send now, as the machine would accept them. */
  availableEvents: string[];
  /** Events the caller's role allows but a rule forbids now, with that rule: show them, and say why. */
  blockedEvents: { type: string; rule?: string; code: string }[];
}

export interface HistoryItem {
  seq: number;
  type: string;
  actor: string;
  actorName: string;
  at: string;
  from: string | null;
  to: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface EventAccepted {
  id: string;
  state: string;
  version: number;
}
