import { eventHash, GENESIS_HASH, type EventRow } from '@grif/engine';

export interface ChainHead {
  instanceId: string;
  lastSeq: number;
  headHash: string;
}

export interface ChainBreak {
  instanceId: string;
  seq: number;
  eventId?: string;
  reason:
    | 'hash_mismatch'
    | 'broken_link'
    | 'sequence_gap'
    | 'head_mismatch'
    | 'instance_missing'
    | 'checkpoint_mismatch'
    | 'checkpoint_chain';
}

export interface VerifyResult {
  ok: boolean;
  instances: number;
  events: number;
  /** Links of the ledger of chain heads that were checked. */
  checkpoints: number;
  firstBreak?: ChainBreak;
}

/**
 * Walks one instance's chain: each link's hash must be recomputable from its own
 * fields and the previous link, seqs must run 1..n, and the last link must be the
 * head the instance row holds (so a deleted tail is caught too).
 */
export function verifyInstanceChain(events: EventRow[], head: ChainHead): ChainBreak | undefined {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { instanceId: head.instanceId, seq: expectedSeq, reason: 'sequence_gap' };
    if (e.prevHash !== prev) return { instanceId: head.instanceId, seq: e.seq, eventId: e.id, reason: 'broken_link' };
    if (eventHash(e.prevHash, e) !== e.hash)
      return { instanceId: head.instanceId, seq: e.seq, eventId: e.id, reason: 'hash_mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  if (expectedSeq - 1 !== head.lastSeq || prev !== head.headHash) {
    return { instanceId: head.instanceId, seq: expectedSeq - 1, reason: 'head_mismatch' };
  }
  return undefined;
}
