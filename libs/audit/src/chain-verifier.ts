import type { EntityManager } from '@mikro-orm/core';
import { toEventRow, WorkflowEvent, WorkflowInstance } from '@grif/persistence';
import { verifyCheckpoints } from './checkpoints';
import { verifyInstanceChain, VerifyResult } from './verify-chain';

/** A payload edited into invalid JSON must still be reported as a broken link, not crash the check. */
function readable(row: WorkflowEvent) {
  try {
    return toEventRow(row);
  } catch {
    return { ...toEventRow({ ...row, payload: 'null' } as WorkflowEvent), payload: { unreadable: row.payload } };
  }
}

/** Verifies every chain of a school, an instance at a time, then the ledger of heads; reports the first broken link. */
export async function verifySchool(em: EntityManager, schoolId: string): Promise<VerifyResult> {
  const instances = await em.find(
    WorkflowInstance,
    { schoolId },
    {
      orderBy: { createdAt: 'asc', id: 'asc' },
      disableIdentityMap: true,
      fields: ['id', 'lastSeq', 'headHash', 'createdAt'],
    },
  );
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
  const ledger = await verifyCheckpoints(em, schoolId);
  return {
    ok: !ledger.firstBreak,
    instances: instances.length,
    events,
    checkpoints: ledger.checkpoints,
    ...(ledger.firstBreak ? { firstBreak: ledger.firstBreak } : {}),
  };
}
