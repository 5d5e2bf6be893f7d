/**
 * Bodies of the Grif HTTP API (docs/api.md): the types come from libs/contracts (type-only
 * imports, erased from the bundle), so the UI and the API cannot drift apart.
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

export type {
  CabinetView, CarrierRow, CopyRow, DocumentRow, DocumentView, ErrorBody, EventAccepted, HistoryItem, IssueRow, MediaView,
  Me, NomenclatureFileView, Page, PersonView, RoomView,
} from '../../../libs/contracts/src/types';
import type { Me } from '../../../libs/contracts/src/types';
import type { RegisterDocument } from '../../../workflows/document/events';

export type Holder = NonNullable<import('../../../libs/contracts/src/types').DocumentView['holder']>;
export type RegisterDocumentRequest = RegisterDocument;

export interface LoginResponse {
  token: string;
  user: Me;
  expiresAt: string;
}

export interface Registered {
  id: string;
  regNumber: string;
  state: string;
  version: number;
}

/** `GET /api/documents/:id/holder-at?at=<ISO>`: one document as its history leaves it at that moment. */
export interface HolderAt {
  at: string;
  holderId: string | null;
  state: string | null;
  classification: Classification | null;
}

export interface VerifyResult {
  ok: boolean;
  instances: number;
  events: number;
  checkpoints: number;
  firstBreak?: { instanceId: string; seq: number; eventId?: string; reason: string };
}

export type CheckpointAnswer = { seq: number; at: string; heads: number; hash: string } | { unchanged: true };

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

/** One notification addressed to the caller (`GET /api/notifications`). */
export interface NotificationView {
  id: string;
  /** 'document.overdue' ({ regNumber, dueAt }), 'document.lost' ({ regNumber, circumstances }), or one the UI does not know yet. */
  template: 'document.overdue' | 'document.lost' | (string & {});
  data: Record<string, unknown>;
  instanceId: string;
  createdAt: string;
  readAt: string | null;
}

/** The caller's notifications, newest first, and how many are unread. */
export interface NotificationList {
  items: NotificationView[];
  unread: number;
}
