import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS, DOCUMENT_KINDS } from '@grif/domain';

const isoInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(64);

export const registerDocumentSchema = z.strictObject({
  direction: z.enum(DIRECTIONS),
  kind: z.enum(DOCUMENT_KINDS),
  title: text(500),
  /** From whom (incoming) or to whom (outgoing), R-4.1b. */
  correspondent: text(300),
  documentDate: z.iso.date(),
  pages: z.int().min(1).max(100000),
  annexes: z.string().trim().max(500).optional(),
  /** The nomenclature file it belongs to (retention). */
  fileId: id.optional(),
});
export type RegisterDocument = z.infer<typeof registerDocumentSchema>;

export const documentEventSchemas = {
  CLASSIFY: z.strictObject({ classification: z.enum(CLASSIFICATIONS) }),
  RECLASSIFY: z.strictObject({ classification: z.enum(CLASSIFICATIONS), reason: text(500) }),
  STORE: z.union([z.strictObject({ cabinetId: id }), z.strictObject({ location: text(200) })]),
  ASSIGN_FILE: z.strictObject({ fileId: id }),
  ISSUE: z.strictObject({
    holderId: id,
    purpose: text(500),
    dueAt: isoInstant.optional(),
    takeOutside: z.boolean().optional(),
  }),
  ACKNOWLEDGE: z.strictObject({}),
  RETURN: z.strictObject({ condition: text(500).optional() }),
  COPY: z.strictObject({ purpose: text(500), count: z.int().min(1).max(20) }),
  DISPATCH: z.strictObject({ addressee: text(300), via: z.enum(['post', 'email', 'courier', 'hand']).optional() }),
  REPORT_LOSS: z.strictObject({ circumstances: text(1000) }),
  // The ladder of an issue: each rung is a deadline's alarm, sent by the system.
  REMINDER_DUE: z.strictObject({ deadlineKey: text(100), deadlineId: id }),
  DEADLINE_PASSED: z.strictObject({ deadlineKey: text(100), deadlineId: id }),
  ESCALATION_DUE: z.strictObject({ deadlineKey: text(100), deadlineId: id }),
  // Sent by an act (workflows/destruction, workflows/custody-transfer) to the items it lists, never by a person.
  INCLUDE_IN_ACT: z.strictObject({ actId: id, actNumber: text(64) }),
  RELEASE_FROM_ACT: z.strictObject({ actId: id }),
  DESTROY: z.strictObject({ actId: id, actNumber: text(64) }),
  CUSTODY_TRANSFERRED: z.strictObject({ actId: id, actNumber: text(64), toUserId: id }),
  /** The school changed its calendar or its ladder: the running due times are set again on it. */
  DEADLINE_MOVED: z.strictObject({ reason: z.enum(['calendar', 'deadlines']) }),
} as const;

export type DocumentEventType = keyof typeof documentEventSchemas;
export type DocumentPayload<T extends DocumentEventType> = z.infer<(typeof documentEventSchemas)[T]>;
