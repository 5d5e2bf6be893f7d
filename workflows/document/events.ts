import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS, DOCUMENT_KINDS } from '@grif/domain';

const isoInstant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const registerDocumentSchema = z.strictObject({
  direction: z.enum(DIRECTIONS),
  kind: z.enum(DOCUMENT_KINDS),
  title: text(500),
  correspondent: text(300),
  documentDate: z.iso.date(),
  pages: z.int().min(1).max(100000),
});
export type RegisterDocument = z.infer<typeof registerDocumentSchema>;

export const documentEventSchemas = {
  CLASSIFY: z.strictObject({ classification: z.enum(CLASSIFICATIONS) }),
  STORE: z.strictObject({ location: text(200) }),
  ISSUE: z.strictObject({ holderId: text(64), purpose: text(500), dueAt: isoInstant.optional() }),
  ACKNOWLEDGE: z.strictObject({}),
  RETURN: z.strictObject({ condition: text(500).optional() }),
  DEADLINE_PASSED: z.strictObject({ deadlineKey: text(100), deadlineId: text(64) }),
} as const;

export type DocumentEventType = keyof typeof documentEventSchemas;
export type DocumentPayload<T extends DocumentEventType> = z.infer<(typeof documentEventSchemas)[T]>;
