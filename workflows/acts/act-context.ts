import type { Role } from '@grif/domain';

/** The two acts of the Regulation: destruction (R-4.1d) and acceptance-transfer. */
export const ACT_KINDS = ['destruction', 'custody_transfer', 'breach_report'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** One line of an act: a document, a copy, or (custody transfer) a carrier of the carriers register. */
export interface ActItemEntry {
  documentId: string;
  regNumber: string;
  title: string;
  itemKind: 'document' | 'copy' | 'carrier';
  /** The original of a listed copy: a copy is not withdrawn while its original stays (R-4.1d). */
  copyOfId: string | null;
  fileIndex: string | null;
  /** Custody transfer: found present (true) or missing (false) by the clerks; null until marked. */
  present: boolean | null;
}

/** Why a person signs the act. */
export type SignerRole = 'commission_member' | 'director' | 'outgoing_clerk' | 'incoming_clerk' | 'security_officer';

/** A place for one signature; signers with the lowest unsigned `turn` may sign now, in any order among them. */
export interface SignerSlot {
  userId: string;
  name: string;
  role: SignerRole;
  turn: number;
  signedAt: string | null;
  /** The revision this signature made and its SHA-256, and the signer's certificate. */
  revision: number | null;
  sha256: string | null;
  certificateSha256: string | null;
}

export interface ActPdf {
  revision: number;
  sha256: string;
}

/** What every act keeps, whatever its kind. */
export interface ActContextBase {
  kind: ActKind;
  number: string;
  year: number;
  createdAt: string;
  createdBy: string;
  items: ActItemEntry[];
  signers: SignerSlot[];
  /** The latest revision of the PDF (rendered, then one more per signature); null before rendering. */
  pdf: ActPdf | null;
  rejected: { reason: string; by: string; at: string } | null;
  completedAt: string | null;
}

/** The roles that see every act of their school (besides the people an act names). */
export const ACT_READER_ROLES: readonly Role[] = ['records_clerk', 'security_officer', 'director', 'auditor'];
