import { z } from 'zod';

const text = (max: number) => z.string().trim().min(1).max(max);
const id = text(64);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/**
 * The events of both acts as the engine stores them. SIGN's payload is what the signature made (never the
 * passphrase: the API unlocks the key in the signer's request and sends this); RENDERED comes from the job.
 */
export const actEventSchemas = {
  SUBMIT: z.strictObject({}),
  WITHDRAW_ITEM: z.strictObject({ documentId: id }),
  MARK: z.strictObject({ documentId: id, present: z.boolean() }),
  RENDERED: z.strictObject({ revision: z.int().min(1), sha256 }),
  SIGN: z.strictObject({ revision: z.int().min(2), sha256, certificateSha256: sha256 }),
  REJECT: z.strictObject({ reason: text(1000) }),
} as const;

export type ActEventType = keyof typeof actEventSchemas;
export type ActEventPayload<T extends ActEventType> = z.infer<(typeof actEventSchemas)[T]>;

/** `POST /api/acts` for a destruction act (R-4.1d): the clerk lists documents (and their copies). */
export const createDestructionSchema = z.strictObject({
  kind: z.literal('destruction'),
  documentIds: z
    .array(id)
    .min(1)
    .max(1000)
    .refine((ids) => new Set(ids).size === ids.length, 'each document once'),
});

/** `POST /api/acts` for an acceptance-transfer act: the director names the incoming clerk and the order. */
export const createCustodyTransferSchema = z.strictObject({
  kind: z.literal('custody_transfer'),
  incomingClerkId: id,
  order: z.strictObject({ number: text(100), date: z.iso.date() }),
});
