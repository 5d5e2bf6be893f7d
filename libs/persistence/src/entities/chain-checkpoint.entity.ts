import { EntitySchema } from '@mikro-orm/core';

/**
 * A link of a school's ledger of chain heads: the heads that moved since the previous
 * checkpoint, chained by hash. Folding them gives every instance's last known head, so an
 * instance deleted with all its events is still missed by the verifier.
 */
export class ChainCheckpoint {
  constructor(
    public id: string,
    public schoolId: string,
    public seq: number,
    public at: string,
    /** JSON [[instanceId, lastSeq, headHash], ...] of the heads that changed. */
    public heads: string,
    public prevHash: string,
    public hash: string,
  ) {}
}

export const ChainCheckpointSchema = new EntitySchema<ChainCheckpoint>({
  class: ChainCheckpoint,
  tableName: 'chain_checkpoints',
  uniques: [{ properties: ['schoolId', 'seq'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    seq: { type: 'integer' },
    at: { type: 'string', length: 24 },
    heads: { type: 'text' },
    prevHash: { type: 'string', length: 64 },
    hash: { type: 'string', length: 64 },
  },
});
