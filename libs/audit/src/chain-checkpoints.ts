import { School, WriteTransactions } from '@grif/persistence';
import { writeCheckpoint } from './checkpoints';

/** The sealer of the ledgers of chain heads, for the worker's periodic job and the auditor's "seal now". */
export class ChainCheckpoints {
  constructor(private readonly tx: WriteTransactions) {}

  /** Appends to every school's ledger what moved since its last checkpoint; returns how many schools got one. */
  async sealAll(at: Date): Promise<number> {
    const schools = await this.tx.reader().find(School, {}, { fields: ['id'] });
    let written = 0;
    for (const s of schools) if (await writeCheckpoint(this.tx, s.id, at)) written++;
    return written;
  }
}
