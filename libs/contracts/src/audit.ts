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

/** What is wrong with the first broken link, in the auditor's words. */
export const CHAIN_BREAK_PROBLEMS = [
  'changed',
  'missing',
  'reordered',
  'deleted_instance',
  'checkpoint_edited',
] as const;

/** The first broken link: of an instance's own chain, or of the ledger of chain heads (`instanceId` "checkpoint:<seq>"). */
export const chainBreakSchema = z
  .object({
    instanceId: z.string(),
    seq: z.int(),
    eventId: z.string().optional(),
    problem: z
      .enum(CHAIN_BREAK_PROBLEMS)
      .describe(
        "changed: a link's content (or the instance's head) was edited; missing: a link is gone; reordered: links are out of their order; deleted_instance: an instance the ledger sealed is gone with its history; checkpoint_edited: a checkpoint of the ledger was edited",
      ),
    reason: z.enum(CHAIN_BREAK_REASONS).describe('The check that failed (more technical than `problem`).'),
  })
  .meta({ id: 'ChainBreak' });

/** `GET /api/audit/verify?instanceId=`: one instance of the school instead of all of them. */
export const verifyQuerySchema = z.object({
  instanceId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "One instance of the caller's school (404 when the school has, and never had, it); absent: every instance.",
    ),
});

/**
 * `GET /api/audit/verify`: every chain of the caller's school recomputed, then the ledger of heads; with
 * `instanceId`, that instance's chain, the ledger's chain and the heads the ledger sealed for that instance.
 */
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
