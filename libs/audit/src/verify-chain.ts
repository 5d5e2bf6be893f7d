import { eventHash, GENESIS_HASH, type EventRow } from '@grif/engine';

export interface ChainHead {
  instanceId: string;
  lastSeq: number;
  headHash: string;
}

/**
 * What is wrong with the broken link, in the auditor's words: an event's content changed, an event missing,
 * events out of their order, a whole instance deleted, a checkpoint of the ledger edited.
 */
export type BreakProblem = 'changed' | 'missing' | 'reordered' | 'deleted_instance' | 'checkpoint_edited';

export interface ChainBreak {
  instanceId: string;
  seq: number;
  eventId?: string;
  problem: BreakProblem;
  /** The check that failed (more technical than `problem`). */
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
  const instanceId = head.instanceId;
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of events) {
    if (e.seq !== expectedSeq) return { instanceId, seq: expectedSeq, problem: 'missing', reason: 'sequence_gap' };
    if (e.prevHash !== prev)
      return { instanceId, seq: e.seq, eventId: e.id, problem: unlinked(events, e, prev), reason: 'broken_link' };
    if (eventHash(e.prevHash, e) !== e.hash)
      return { instanceId, seq: e.seq, eventId: e.id, problem: 'changed', reason: 'hash_mismatch' };
    prev = e.hash;
    expectedSeq++;
  }
  if (expectedSeq - 1 !== head.lastSeq || prev !== head.headHash) {
    // Fewer links than the head counts: the tail was cut off; otherwise the head or the tail was rewritten.
    const problem = expectedSeq - 1 < head.lastSeq ? 'missing' : 'changed';
    return { instanceId, seq: expectedSeq - 1, problem, reason: 'head_mismatch' };
  }
  return undefined;
}

/**
 * Why a link does not follow the one before it: the link that should be here is elsewhere in the history
 * (reordered); or this link is intact and follows a link no longer there (missing); or it was edited (changed).
 */
function unlinked(events: EventRow[], e: EventRow, prev: string): BreakProblem {
  if (events.some((other) => other !== e && other.prevHash === prev)) return 'reordered';
  return eventHash(e.prevHash, e) === e.hash ? 'missing' : 'changed';
}
