import { createHash, randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { GENESIS_HASH } from '@grif/engine';
import { ChainCheckpoint, WorkflowEvent, WorkflowInstance, WriteTransactions } from '@grif/persistence';
import type { ChainBreak } from './verify-chain';

/** [instanceId, lastSeq, headHash] */
export type Head = [string, number, string];

export function checkpointHash(
  prevHash: string,
  c: { schoolId: string; seq: number; at: string; heads: Head[] },
): string {
  const body = canonicalize({ schoolId: c.schoolId, seq: c.seq, at: c.at, heads: c.heads }) ?? '';
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Every instance's last checkpointed head, folded from the ledger in order. */
export function fold(checkpoints: ChainCheckpoint[]): Map<string, Head> {
  const heads = new Map<string, Head>();
  for (const c of checkpoints) for (const h of JSON.parse(c.heads) as Head[]) heads.set(h[0], h);
  return heads;
}

/**
 * Appends a checkpoint with the heads that moved since the last one; none moved → nothing.
 * Several workers may try at once: the (school, seq) key lets one win.
 */
export async function writeCheckpoint(
  tx: WriteTransactions,
  schoolId: string,
  at: Date,
): Promise<ChainCheckpoint | null> {
  return sealOnce(tx, schoolId, at).catch((err: unknown) => {
    if (err instanceof UniqueConstraintViolationException) return null; // another worker sealed this seq first
    throw err;
  });
}

async function sealOnce(tx: WriteTransactions, schoolId: string, at: Date): Promise<ChainCheckpoint | null> {
  return tx.run(async (em) => {
    const ledger = await em.find(ChainCheckpoint, { schoolId }, { orderBy: { seq: 'asc' } });
    const known = fold(ledger);
    const instances = await em.find(
      WorkflowInstance,
      { schoolId },
      { fields: ['id', 'lastSeq', 'headHash'], orderBy: { id: 'asc' } },
    );
    const moved: Head[] = instances
      .filter((i) => known.get(i.id)?.[1] !== i.lastSeq || known.get(i.id)?.[2] !== i.headHash)
      .map((i) => [i.id, i.lastSeq, i.headHash]);
    if (!moved.length) return null;
    const last = ledger[ledger.length - 1];
    const c = { schoolId, seq: (last?.seq ?? 0) + 1, at: at.toISOString(), heads: moved };
    const row = new ChainCheckpoint(
      randomUUID(),
      schoolId,
      c.seq,
      c.at,
      JSON.stringify(moved),
      last?.hash ?? GENESIS_HASH,
      checkpointHash(last?.hash ?? GENESIS_HASH, c),
    );
    await em.insert(ChainCheckpoint, row);
    return row;
  });
}

/**
 * The ledger must be an unbroken chain, and every head it ever recorded must still be in
 * its instance's history: a deleted instance, or a rewritten past, is named here.
 */
export async function verifyCheckpoints(
  em: EntityManager,
  schoolId: string,
  /** Check the heads of this instance only (the ledger's own chain is always checked whole). */
  onlyInstanceId?: string,
): Promise<{ checkpoints: number; firstBreak?: ChainBreak }> {
  const ledger = await em.find(ChainCheckpoint, { schoolId }, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
  let prev = GENESIS_HASH;
  for (const [i, c] of ledger.entries()) {
    const heads = JSON.parse(c.heads) as Head[];
    if (
      c.seq !== i + 1 ||
      c.prevHash !== prev ||
      checkpointHash(prev, { schoolId, seq: c.seq, at: c.at, heads }) !== c.hash
    ) {
      return {
        checkpoints: ledger.length,
        firstBreak: {
          instanceId: `checkpoint:${c.seq}`,
          seq: c.seq,
          eventId: c.id,
          problem: 'checkpoint_edited',
          reason: 'checkpoint_chain',
        },
      };
    }
    prev = c.hash;
  }
  for (const [instanceId, seq, hash] of fold(ledger).values()) {
    if (onlyInstanceId !== undefined && instanceId !== onlyInstanceId) continue;
    const instance = await em.findOne(
      WorkflowInstance,
      { id: instanceId, schoolId },
      { fields: ['id'], disableIdentityMap: true },
    );
    if (!instance)
      return {
        checkpoints: ledger.length,
        firstBreak: { instanceId, seq, problem: 'deleted_instance', reason: 'instance_missing' },
      };
    const event = await em.findOne(
      WorkflowEvent,
      { instanceId, seq },
      { fields: ['id', 'hash'], disableIdentityMap: true },
    );
    if (event?.hash !== hash)
      return {
        checkpoints: ledger.length,
        // The sealed link is gone, or the history was rewritten with hashes recomputed to match.
        firstBreak: {
          instanceId,
          seq,
          eventId: event?.id,
          problem: event ? 'changed' : 'missing',
          reason: 'checkpoint_mismatch',
        },
      };
  }
  return { checkpoints: ledger.length };
}
