import { z } from 'zod';
import { CLASSIFICATIONS, CLEARANCE_ENTRY_KINDS, CLEARANCE_KINDS } from '@grif/domain';
import { roleSchema } from './vocabulary';

const instant = z.iso.datetime({ offset: true });
const name = z.string().trim().min(1).max(200);

/** Rooms and cabinets: a For Official Use document is kept only in a cabinet of a secure room. */
export const createRoomSchema = z.strictObject({ name, secure: z.boolean() }).meta({ id: 'CreateRoomRequest' });
export const createCabinetSchema = z.strictObject({ name }).meta({ id: 'CreateCabinetRequest' });
export const cabinetViewSchema = z
  .object({ id: z.string(), name: z.string(), roomId: z.string() })
  .meta({ id: 'CabinetView' });
export type CabinetView = z.infer<typeof cabinetViewSchema>;
export const roomViewSchema = z
  .object({ id: z.string(), name: z.string(), secure: z.boolean(), cabinets: z.array(cabinetViewSchema) })
  .meta({ id: 'RoomView' });
export type RoomView = z.infer<typeof roomViewSchema>;

/** The nomenclature of files (номенклатура дел): where a document is filed and how long it is kept. */
export const createFileSchema = z
  .strictObject({
    index: z.string().trim().min(1).max(40),
    title: z.string().trim().min(1).max(300),
    year: z.int().min(2000).max(2100),
    retentionYears: z.int().min(1).max(100).nullable().describe('null = kept permanently.'),
  })
  .meta({ id: 'CreateFileRequest' });
export const nomenclatureFileViewSchema = z
  .object({
    id: z.string(),
    index: z.string(),
    title: z.string(),
    year: z.int(),
    retentionYears: z.int().nullable(),
    destructionEligibleFrom: z.iso
      .date()
      .nullable()
      .describe(
        'The file closes at the end of its year; it may be destroyed from this day on (null = kept permanently).',
      ),
  })
  .meta({ id: 'NomenclatureFileView' });
export type NomenclatureFileView = z.infer<typeof nomenclatureFileViewSchema>;

/**
 * non-disclosure obligation and security briefing, recorded by the information-security officer;
 * a revocation (a new entry with its reason) ends what was recorded before it. `clearanceAt` in libs/domain
 * is the one rule that reads them.
 */
export { CLEARANCE_KINDS, CLEARANCE_ENTRY_KINDS } from '@grif/domain';
export const recordClearanceSchema = z
  .strictObject({ kind: z.enum(CLEARANCE_KINDS), date: z.iso.date(), note: z.string().trim().max(500).optional() })
  .meta({ id: 'RecordClearanceRequest' });
export const revokeClearanceSchema = z
  .strictObject({
    date: z.iso
      .date()
      .optional()
      .describe('The school calendar day the revocation takes effect: today (the default) or later, never earlier.'),
    reason: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'RevokeClearanceRequest' });
export type RevokeClearanceRequest = z.infer<typeof revokeClearanceSchema>;
export const clearanceViewSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    kind: z.enum(CLEARANCE_ENTRY_KINDS),
    date: z.iso.date().describe('The school calendar day it takes effect.'),
    note: z.string().nullable().describe('A note; for a revocation, its reason.'),
    recordedByName: z.string().describe('Who recorded it, by name.'),
    recordedAt: instant,
  })
  .meta({ id: 'ClearanceView' });
export type ClearanceView = z.infer<typeof clearanceViewSchema>;

export const clearanceStatusSchema = z
  .object({
    cleared: z.boolean(),
    since: z.iso.date().nullable().describe('Cleared: the day it took effect.'),
    until: z.iso.date().nullable().describe('Cleared: a recorded revocation ends it on this later day.'),
    from: z.iso.date().nullable().describe('Not cleared: entries already recorded clear the person from this day.'),
    revoked: z
      .object({ date: z.iso.date(), reason: z.string().nullable() })
      .nullable()
      .describe('Not cleared because this revocation ended the clearance.'),
  })
  .meta({ id: 'ClearanceStatus', description: 'R-2.5 judged by `clearanceAt` (libs/domain) at `asOf`.' });
export type ClearanceStatus = z.infer<typeof clearanceStatusSchema>;

export const personNameSchema = z
  .object({ id: z.string(), username: z.string(), displayName: z.string() })
  .meta({ id: 'PersonName' });
export const personViewSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    nda: z.iso.date().nullable().describe('The non-disclosure obligation in force now (not one dated ahead).'),
    briefing: z.iso.date().nullable().describe('The security briefing in force now (not one dated ahead).'),
    cleared: z.boolean().describe('May receive classified documents now (R-2.5): the same as clearance.cleared.'),
    clearance: clearanceStatusSchema,
    asOf: instant.describe('The moment the clearance was judged at (the server clock).'),
    clearances: z.array(clearanceViewSchema).describe('Every entry, in the order they take effect.'),
    email: z.string().nullable().describe('Where notifications are also e-mailed (when SMTP is configured).'),
  })
  .meta({ id: 'PersonView' });
export type PersonView = z.infer<typeof personViewSchema>;

/** `PUT /api/people/:id/email`: the address notifications are also e-mailed to; null stops the e-mails. */
export const setEmailSchema = z.strictObject({ email: z.email().max(254).nullable() }).meta({ id: 'SetEmailRequest' });
export type SetEmailRequest = z.infer<typeof setEmailSchema>;

/** Removable media registered as carriers of confidential information. */
export const MEDIA_KINDS = ['usb', 'disk', 'card', 'paper', 'other'] as const;
export const registerMediaSchema = z
  .strictObject({
    label: z.string().trim().min(1).max(200),
    kind: z.enum(MEDIA_KINDS),
    classification: z.enum(CLASSIFICATIONS),
    holderId: z.string().min(1).max(64),
  })
  .meta({ id: 'RegisterMediaRequest' });
export const mediaViewSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    kind: z.string(),
    classification: z.string(),
    holderId: z.string(),
    registeredAt: instant,
  })
  .meta({ id: 'MediaView' });
export type MediaView = z.infer<typeof mediaViewSchema>;
