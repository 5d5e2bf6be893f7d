/**
 * Response and request bodies of the Grif HTTP API (docs/api.md), copied from
 * libs/contracts/src so the browser bundle does not pull in server-side modules.
 * Keep in step with libs/contracts/src/{auth,documents,errors,records}.ts.
 */

export const ROLES = ['admin', 'records_clerk', 'security_officer', 'director', 'staff', 'commission_member', 'auditor', 'tech_support'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that see every document of their school (libs/domain/src/roles.ts). */
export const RECORDS_WIDE_ROLES: readonly Role[] = ['records_clerk', 'security_officer', 'director', 'auditor'];

export const CLASSIFICATIONS = ['open', 'official_use', 'personal_data', 'confidential'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DOCUMENT_KINDS = ['letter', 'order', 'instruction', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const DOCUMENT_STATES = ['registered', 'classified', 'in_storage', 'issued', 'overdue', 'dispatched', 'lost'] as const;
export const MEDIA_KINDS = ['usb', 'disk', 'card', 'paper', 'other'] as const;
export const CLEARANCE_KINDS = ['nda', 'briefing'] as const;
export const ISSUE_STATUSES = ['open', 'overdue', 'returned'] as const;

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  rule?: string;
  fields?: { field: string; message: string }[];
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  schoolId: string;
  roles: Role[];
  locale: string;
  mustChangePassword: boolean;
}

export interface LoginResponse {
  token: string;
  user: Me;
  expiresAt: string;
}

export interface RegisterDocumentRequest {
  direction: Direction;
  kind: DocumentKind;
  title: string;
  correspondent: string;
  documentDate: string;
  pages: number;
  annexes?: number;
  fileId?: string;
}

export interface Registered {
  id: string;
  regNumber: string;
  state: string;
  version: number;
}

export interface Holder {
  id: string;
  purpose: string;
  issuedAt: string;
  dueAt: string | null;
  acknowledgedAt: string | null;
}

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
  annexes?: number | null;
  location: string | null;
  cabinetId?: string | null;
  holder: Holder | null;
  file?: { id: string; index: string; title: string } | null;
  destructionEligibleFrom?: string | null;
  copyOf?: { id: string; regNumber: string } | null;
  copyNumber?: number | null;
  copiesMade?: number | null;
  /** Events this caller may send now, as the machine would accept them. */
  availableEvents: string[];
}

export interface EventAccepted {
  state: string;
  version: number;
}

export interface HistoryItem {
  seq: number;
  type: string;
  actor: string;
  at: string;
  from: string | null;
  to: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

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

export interface CarrierRow {
  itemType: 'document' | 'copy' | 'media';
  itemId: string;
  label: string;
  classification: string;
  holderId: string;
  holderName: string;
  since: string;
}

export interface CabinetView {
  id: string;
  name: string;
  roomId: string;
}

export interface RoomView {
  id: string;
  name: string;
  secure: boolean;
  cabinets: CabinetView[];
}

export interface NomenclatureFileView {
  id: string;
  index: string;
  title: string;
  year: number;
  retentionYears: number | null;
  destructionEligibleFrom: string | null;
}

export interface PersonView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  nda: string | null;
  briefing: string | null;
  /** Both recorded: may receive classified documents. */
  cleared: boolean;
}

export interface MediaView {
  id: string;
  label: string;
  kind: string;
  classification: string;
  holderId: string;
  registeredAt: string;
}

export interface VerifyResult {
  ok: boolean;
  instances: number;
  events: number;
  firstBreak?: { instanceId: string; seq: number; eventId?: string; reason: string };
}

/** A JSON Schema (draft 2020-12) as `z.toJSONSchema` writes it; only what the forms read. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  title?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}
