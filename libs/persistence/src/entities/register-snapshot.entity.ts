import { EntitySchema } from '@mikro-orm/core';

/**
 * A school's history folded up to a moment (the registers' "as at" views, issue 12): every instance's state,
 * mark, holder and place after all its events with `at` ≤ `takenAt`. An "as at" view folds on from the latest
 * snapshot at or before its moment instead of from the first event. `kind`: `all` folds every event (the
 * registration journal), `custody` only the custody events (the carriers register, the cabinets' contents).
 * A read model only, rebuilt from the history at will: the history stays the truth.
 */
export class RegisterSnapshot {
  constructor(
    public id: string,
    public schoolId: string,
    public kind: string,
    public takenAt: string,
    /** JSON [[instanceId, lastSeq, state, holderId, classification, since, cabinetId, location], ...]. */
    public states: string,
    /** How many events the fold has read, all told (an instance folded again counts again): for a reader, not a check. */
    public eventCount: number,
    public createdAt: string,
  ) {}
}

export const RegisterSnapshotSchema = new EntitySchema<RegisterSnapshot>({
  class: RegisterSnapshot,
  tableName: 'register_snapshots',
  uniques: [{ properties: ['schoolId', 'kind', 'takenAt'] }],
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    schoolId: { type: 'string', length: 36 },
    kind: { type: 'string', length: 12 },
    takenAt: { type: 'string', length: 24 },
    states: { type: 'text' },
    eventCount: { type: 'integer' },
    createdAt: { type: 'string', length: 24 },
  },
});
