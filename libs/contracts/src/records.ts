import { z } from 'zod';
import { CLASSIFICATIONS } from '@grif/domain';
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

/** non-disclosure obligation and security briefing, recorded by the information-security officer. */
export const CLEARANCE_KINDS = ['nda', 'briefing'] as const;
export const recordClearanceSchema = z
  .strictObject({ kind: z.enum(CLEARANCE_KINDS), date: z.iso.date(), note: z.string().trim().max(500).optional() })
  .meta({ id: 'RecordClearanceRequest' });
export const clearanceViewSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    kind: z.enum(CLEARANCE_KINDS),
    date: z.iso.date(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ClearanceView' });
export type ClearanceView = z.infer<typeof clearanceViewSchema>;

export const personViewSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    nda: z.iso.date().nullable(),
    briefing: z.iso.date().nullable(),
    cleared: z.boolean().describe('Both recorded: may receive classified documents.'),
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
