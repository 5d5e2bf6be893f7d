/**
 * The bodies of the Grif API as the UI uses them. Every one is generated from the server's OpenAPI
 * document (api/schema.d.ts, made by `npm run openapi:types`; a test fails when it is stale), so the
 * UI and the API cannot drift apart. The words of the API (roles, marks, states, error codes) and the
 * event JSON schemas come from @grif/contracts: one definition for the server and the UI.
 */
import type { components } from './api/schema';
import type { ApiErrorCode } from '@grif/contracts';

export {
  CHECKPOINT_SEALERS,
  CLASSIFICATIONS,
  CLEARANCE_KINDS,
  DIRECTIONS,
  DOCUMENT_KINDS,
  DOCUMENT_STATES,
  ISSUE_STATUSES,
  MEDIA_KINDS,
  RECORDS_WIDE_ROLES,
  ROLES,
  USER_EVENT_TYPES,
  documentEventJsonSchemas,
} from '@grif/contracts';
export type { ApiErrorCode, Classification, Direction, DocumentKind, DocumentState, Role } from '@grif/contracts';

type Schemas = components['schemas'];
export type CabinetItemRow = Schemas['CabinetItemRow'];
export type CabinetView = Schemas['CabinetView'];
export type CalendarChange = Schemas['CalendarChange'];
export type CalendarDay = Schemas['CalendarDay'];
export type CalendarEntry = WorkingCalendar['entries'][number];
export type CarrierRow = Schemas['CarrierRow'];
export type CheckpointAnswer = Schemas['Checkpoint'] | Schemas['CheckpointUnchanged'];
export type ClearanceView = Schemas['ClearanceView'];
export type ClearanceStatus = Schemas['ClearanceStatus'];
export type CopyRow = Schemas['CopyRow'];
export type CreateFileRequest = Schemas['CreateFileRequest'];
export type CreateRoomRequest = Schemas['CreateRoomRequest'];
export type DeadlineBoard = Schemas['DeadlineBoard'];
export type DeadlineBoardItem = Schemas['DeadlineBoardItem'];
export type DeadlineSettings = Schemas['DeadlineSettings'];
export type DeadlineSettingsBody = Schemas['DeadlineSettingsBody'];
export type DocumentRow = Schemas['DocumentRow'];
export type DocumentView = Schemas['DocumentView'];
export type DuePreview = Schemas['DuePreview'];
export type EventAccepted = Schemas['EventAccepted'];
export type HistoryItem = Schemas['HistoryItem'];
export type HolderAt = Schemas['HolderAt'];
export type IssueRow = Schemas['IssueRow'];
export type LoginResponse = Schemas['LoginResponse'];
export type LoginLogEntry = Schemas['LoginLogEntry'];
export type LoginOutcome = Schemas['LoginOutcome'];
export type Me = Schemas['Me'];
export type Install = Schemas['Install'];
export type MediaView = Schemas['MediaView'];
export type NomenclatureFileView = Schemas['NomenclatureFileView'];
export type NotificationList = Schemas['NotificationList'];
export type NotificationView = Schemas['NotificationView'];
export type PersonName = Schemas['PersonName'];
export type PersonView = Schemas['PersonView'];
export type RecordClearanceRequest = Schemas['RecordClearanceRequest'];
export type Registered = Schemas['DocumentRegistered'];
export type RegisterDocumentRequest = Schemas['RegisterDocumentRequest'];
export type RegisterMediaRequest = Schemas['RegisterMediaRequest'];
export type RevokeClearanceRequest = Schemas['RevokeClearanceRequest'];
export type RoomView = Schemas['RoomView'];
export type SchoolCalendarView = Schemas['SchoolCalendarView'];
export type SetEmailRequest = Schemas['SetEmailRequest'];
export type VerifyResult = Schemas['VerifyResult'];
export type ComplianceRow = Schemas['ComplianceRow'];
export type WorkingCalendar = Schemas['WorkingCalendar'];

/** A register page of any row type (the documented pages differ only in their rows). */
export type Page<T> = Omit<Schemas['DocumentRowPage'], 'items'> & { items: T[] };

/** A refusal from the server, or one the UI makes itself: no answer (NETWORK), a bug (CLIENT), a non-JSON answer. */
export type ErrorBody = Omit<Schemas['ErrorBody'], 'code'> & {
  code: ApiErrorCode | 'NETWORK' | 'CLIENT' | `HTTP_${number}`;
};

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

// ---- Acts (issue 8): destruction (R-4.1d) and custody transfer (R-4.2.6) ----
export const ACT_KINDS = ['destruction', 'custody_transfer'] as const satisfies readonly Schemas['ActKind'][];
export type ActKind = Schemas['ActKind'];
export type ActState = Schemas['ActState'];
export type ActRow = Schemas['ActListItem'];
export type ActView = Schemas['ActView'];
export type ActItem = ActView['items'][number];
export type ActItemKind = ActItem['itemKind'];
export type ActSigner = ActView['signers'][number];
export type ActCreated = Schemas['ActCreated'];
export type ActEventAccepted = Schemas['ActEventAccepted'];
export type CreateActRequest = Schemas['CreateActRequest'];
export type DestructionCandidate = Schemas['DestructionCandidate'];
export type ActVerification = Schemas['ActVerification'];
export type MyCertificate = Schemas['CertificateView'];
export type EnrolCertificateRequest = Schemas['EnrolCertificateRequest'];

// ---- Breach cases (issue 9): no shared logins, R-5.2.2 keep it secret, R-5.2.3 report within a working day ----
export type BreachState = Schemas['BreachState'];
export type BreachView = Schemas['BreachView'];
export type BreachRow = Schemas['BreachListItem'];
export type BreachSystem = BreachView['system'];
export type BreachSeverity = NonNullable<BreachView['triage']>['severity'];
export type BreachCause = NonNullable<BreachView['investigation']>['cause'];
export type BreachStep = NonNullable<BreachView['step']>;
export type PersonRef = BreachView['reporter'];
export type ReportBreachRequest = Schemas['ReportBreachRequest'];
export type BreachReported = Schemas['BreachReported'];
export type BreachEventAccepted = Schemas['BreachEventAccepted'];
export type AccessTrace = Schemas['AccessTrace'];

/** Every value of a union, in the order written; the Record makes the compiler check none is missing or extra. */
const valuesOf = <T extends string>(all: Record<T, true>) => Object.keys(all) as T[];
export const BREACH_SYSTEMS = valuesOf<BreachSystem>({ portal: true, grif: true });
export const BREACH_SEVERITIES = valuesOf<BreachSeverity>({ low: true, medium: true, high: true, critical: true });
export const BREACH_CAUSES = valuesOf<BreachCause>({
  shared_credentials: true,
  phishing: true,
  lost_device: true,
  weak_password: true,
  unknown: true,
});
export const BREACH_STATES = valuesOf<BreachState>({
  reported: true,
  triaged: true,
  awaiting_reset: true,
  contained: true,
  investigated: true,
  remediated: true,
  rendering: true,
  awaiting_signatures: true,
  closed: true,
});
