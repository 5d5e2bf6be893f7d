/**
 * Type-only view of the contracts, for the browser: nothing here pulls zod or server code
 * into the admin bundle.
 */
export type { DocumentView, HistoryItem, EventAccepted } from './documents';
export type { ErrorBody } from './errors';
export type { Me } from './auth';
export type { CabinetView, CarrierRow, CopyRow, DocumentRow, IssueRow, MediaView, NomenclatureFileView, Page, PersonView, RoomView } from './records';
