import { SchoolsRepository, type WriteTransactions } from '@grif/persistence';
import { writeCheckpoint } from './checkpoints';
import { verifyOneInstance, verifySchool } from './chain-verifier';
import type { VerifyResult } from './verify-chain';

export interface SealedCheckpoint {
  seq: number;
  at: string;
  /** How many chain heads it sealed. */
  heads: number;
  hash: string;
}

/** The audit trail of a school, for those who check it: verify every chain, seal the heads that moved. */
export class AuditTrail {
  constructor(private readonly tx: WriteTransactions) {}

  verify(schoolId: string): Promise<VerifyResult> {
    return verifySchool(this.tx.reader(), schoolId);
  }

  /** One instance of the school; null when the school has, and never had, such an instance. */
  verifyInstance(schoolId: string, instanceId: string): Promise<VerifyResult | null> {
    return verifyOneInstance(this.tx.reader(), schoolId, instanceId);
  }

  /** null when no head moved since the last checkpoint, or another process sealed the same one first. */
  async seal(schoolId: string, at: Date): Promise<SealedCheckpoint | null> {
    const row = await writeCheckpoint(this.tx, schoolId, at);
    return row
      ? { seq: row.seq, at: row.at, heads: (JSON.parse(row.heads) as unknown[]).length, hash: row.hash }
      : null;
  }

  /** The worker's periodic seal: every school's moved heads; returns how many schools got a checkpoint. */
  async sealAll(at: Date): Promise<number> {
    let written = 0;
    for (const schoolId of await new SchoolsRepository(this.tx).ids()) if (await this.seal(schoolId, at)) written++;
    return written;
  }
}
