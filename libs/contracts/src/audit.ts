import { z } from 'zod';

export const CHAIN_BREAK_REASONS = [
  'hash_mismatch',
  'broken_link',
  'sequence_gap',
  'head_mismatch',
  'instance_missing',
  'checkpoint_mismatch',
  'checkpoint_chain',
] as const;

/** The first broken link: of an instance's own chain, or of the ledger of chain heads (`instanceId` "checkpoint:<seq>"). */
export const chainBreakSchema = z
  .object({ instanceId: z.string(), seq: z.int(), eventId: z.string().optional(), reason: z.enum(CHAIN_BREAK_REASONS) })
  .meta({ id: 'ChainBreak' });

/** `GET /api/audit/verify`: every chain of the caller's school recomputed, then the ledger of heads. */
export const verifyResultSchema = z
  .object({
    ok: z.boolean(),
    instances: z.int().min(0),
    events: z.int().min(0),
    checkpoints: z.int().min(0).describe('Links of the ledger of chain heads that were checked.'),
    firstBreak: chainBreakSchema.optional(),
  })
  .meta({ id: 'VerifyResult' });
export type VerifyResult = z.infer<typeof verifyResultSchema>;

/** `POST /api/audit/checkpoints` → 201: the heads that moved, sealed into the school's chained ledger. */
export const checkpointSchema = z
  .object({
    seq: z.int().min(1),
    at: z.iso.datetime({ offset: true }),
    heads: z.int().min(1).describe('How many chain heads this checkpoint seals.'),
    hash: z.string(),
  })
  .meta({ id: 'Checkpoint' });
/** → 200: no head moved since the last checkpoint, nothing was written. */
export const checkpointUnchangedSchema = z.object({ unchanged: z.literal(true) }).meta({ id: 'CheckpointUnchanged' });
export type CheckpointAnswer = z.infer<typeof checkpointSchema> | z.infer<typeof checkpointUnchangedSchema>;
