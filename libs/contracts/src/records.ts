import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS, ROLES } from '@grif/domain';

/** Rooms and cabinets: a For Official Use document is kept only in a cabinet of a secure room. */
export const createRoomSchema = z.strictObject({ name: z.string().trim().min(1).max(200), secure: z.boolean() });
export const createCabinetSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });
export interface CabinetView { id: string; name: string; roomId: string }
export interface RoomView { id: string; name: string; secure: boolean; cabinets: CabinetView[] }

/** The nomenclature of files (номенклатура дел): where a document is filed and how long it is kept. */
export const createFileSchema = z.strictObject({
  index: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(300),
  year: z.int().min(2000).max(2100),
  /** null = kept permanently. */
  retentionYears: z.int().min(1).max(100).nullable(),
});
export interface NomenclatureFileView { id: string; index: string; title: string; year: number; retentionYears: number | null; destructionEligibleFrom: string | null }

/** non-disclosure obligation and security briefing, recorded by the information-security officer. */
export const CLEARANCE_KINDS = ['nda', 'briefing'] as const;
export const recordClearanceSchema = z.strictObject({ kind: z.enum(CLEARANCE_KINDS), date: z.iso.date(), note: z.string().trim().max(500).optional() });
export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  roles: (typeof ROLES)[number][];
  nda: string | null;
  briefing: string | null;
  /** Both recorded: may receive classified documents. */
  cleared: boolean;
}

/** Removable media registered as carriers of confidential information. */
export const registerMediaSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  kind: z.enum(['usb', 'disk', 'card', 'paper', 'other']),
  classification: z.enum(CLASSIFICATIONS),
  holderId: z.string().min(1).max(64),
});
export interface MediaView { id: string; label: string; kind: string; classification: string; holderId: string; registeredAt: string }

/** Common list query: every register filters, sorts, paginates and exports CSV (`format=csv`). */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  format: z.enum(['json', 'csv']).default('json'),
  /** The register as it stood at this moment, computed from the history. */
  at: z.iso.datetime({ offset: true }).optional(),
});
export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

export const documentListQuerySchema = listQuerySchema.extend({
  year: z.coerce.number().int().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  state: z.string().max(40).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  holderId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  /** "me": only what is issued to the caller now. */
  mine: z.enum(['1', 'true']).optional(),
});

export interface DocumentRow {
  id: string;
  regNumber: string;
  regYear: number;
  direction: string;
  kind: string;
  title: string;
  correspondent: string;
  documentDate: string;
  state: string;
  classification: string | null;
  holderId: string | null;
  dueAt: string | null;
  copyOf: string | null;
  copyNumber: number | null;
  createdAt: string;
}

export interface IssueRow {
  id: string;
  documentId: string;
  regNumber: string;
  classification: string | null;
  holderId: string;
  holderName: string;
  purpose: string;
  issuedAt: string;
  issuedBy: string;
  acknowledgedAt: string | null;
  dueAt: string | null;
  returnedAt: string | null;
  condition: string | null;
  overdueAt: string | null;
}

export interface CopyRow {
  id: string;
  originalId: string;
  originalRegNumber: string;
  copyId: string;
  copyNumber: number;
  purpose: string;
  madeBy: string;
  madeAt: string;
  classification: string | null;
}

/** Who holds which classified item or copy (or medium) at a moment: the carriers register. */
export interface CarrierRow {
  itemType: 'document' | 'copy' | 'media';
  itemId: string;
  label: string;
  classification: string;
  holderId: string;
  holderName: string;
  since: string;
}
