import type { EntityManager } from '@mikro-orm/core';
import { ChainCheckpoint, toEventRow, WorkflowEvent, WorkflowInstance } from '@grif/persistence';
import { fold, verifyCheckpoints } from './checkpoints';
import { verifyInstanceChain, VerifyResult } from './verify-chain';

/** A payload edited into invalid JSON must still be reported as a broken link, not crash the check. */
function readable(row: WorkflowEvent) {
  try {
    return toEventRow(row);
  } catch {
    return { ...toEventRow({ ...row, payload: 'null' } as WorkflowEvent), payload: { unreadable: row.payload } };
  }
}

type Head = Pick<WorkflowInstance, 'id' | 'lastSeq' | 'headHash'>;

/** Verifies the given instances' chains in order, then the ledger of heads (only `onlyInstanceId`'s when given). */
async function verifyChains(
  em: EntityManager,
  schoolId: string,
  instances: Head[],
  onlyInstanceId?: string,
): Promise<VerifyResult> {
  let events = 0;
  for (const inst of instances) {
    const rows = await em.find(
      WorkflowEvent,
      { schoolId, instanceId: inst.id },
      { orderBy: { seq: 'asc' }, disableIdentityMap: true },
    );
    events += rows.length;
    const firstBreak = verifyInstanceChain(rows.map(readable), {
      instanceId: inst.id,
      lastSeq: inst.lastSeq,
      headHash: inst.headHash,
    });
    if (firstBreak) return { ok: false, instances: instances.length, events, checkpoints: 0, firstBreak };
  }
  const ledger = await verifyCheckpoints(em, schoolId, onlyInstanceId);
  return {
    ok: !ledger.firstBreak,
    instances: instances.length,
    events,
    checkpoints: ledger.checkpoints,
    ...(ledger.firstBreak ? { firstBreak: ledger.firstBreak } : {}),
  };
}

const HEAD_FIELDS = ['id', 'lastSeq', 'headHash', 'createdAt'] as const;

/** Verifies every chain of a school, an instance at a time, then the ledger of heads; reports the first broken link. */
export async function verifySchool(em: EntityManager, schoolId: string): Promise<VerifyResult> {
  const instances = await em.find(
    WorkflowInstance,
    { schoolId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, disableIdentityMap: true, fields: [...HEAD_FIELDS] },
  );
  return verifyChains(em, schoolId, instances);
}

/**
 * Verifies one instance of the school: its chain, the ledger's chain, and the heads the ledger sealed for it.
 * null when the school never had it; an instance deleted since the ledger sealed its head is still found (and named).
 */
export async function verifyOneInstance(
  em: EntityManager,
  schoolId: string,
  instanceId: string,
): Promise<VerifyResult | null> {
  const inst = await em.findOne(
    WorkflowInstance,
    { id: instanceId, schoolId },
    { disableIdentityMap: true, fields: [...HEAD_FIELDS] },
  );
  if (inst) return verifyChains(em, schoolId, [inst], instanceId);
  const ledger = await em.find(ChainCheckpoint, { schoolId }, { orderBy: { seq: 'asc' }, disableIdentityMap: true });
  if (!fold(ledger).has(instanceId)) return null;
  return verifyChains(em, schoolId, [], instanceId);
}
