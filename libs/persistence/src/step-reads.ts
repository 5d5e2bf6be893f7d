import type { InstanceRow, StepReads, StoredResponse } from '@grif/engine';
import type { DatabaseKind } from './orm-config';
import { placeholders, type RawSql } from './raw-sql';

export interface InstanceRecord {
  id: string;
  school_id: string;
  machine_id: string;
  machine_version: number;
  state: string;
  snapshot: string;
  version: number;
  last_seq: number;
  head_hash: string;
}

export interface ResponseRecord {
  fingerprint: string;
  status_code: number;
  response: string;
}

export const INSTANCE_COLUMNS =
  'id, school_id, machine_id, machine_version, state, snapshot, version, last_seq, head_hash';

export const toInstanceRow = (i: InstanceRecord): InstanceRow => ({
  id: i.id,
  schoolId: i.school_id,
  machineId: i.machine_id,
  machineVersion: Number(i.machine_version),
  state: i.state,
  snapshot: JSON.parse(i.snapshot),
  version: Number(i.version),
  lastSeq: Number(i.last_seq),
  headHash: i.head_hash,
});

export const toStoredResponse = (r: ResponseRecord): StoredResponse => ({
  fingerprint: r.fingerprint,
  statusCode: Number(r.status_code),
  body: JSON.parse(r.response),
});

export const instanceKey = (schoolId: string, id: string) => `${schoolId}\u0000${id}`;
export const answerKey = (schoolId: string, actorId: string, key: string) => `${schoolId}\u0000${actorId}\u0000${key}`;

export interface StepsRead {
  instances: Map<string, InstanceRow | null>;
  answers: Map<string, StoredResponse | null>;
  /** Each school's settings rows (none: the defaults apply). */
  settings: Map<string, { name: string; value: string }[]>;
}

/**
 * What a batch's steps read first, found in one statement: each step's instance (or null), its stored answer
 * (or null), and its school's settings, which every step reads.
 */
export async function readSteps(sql: RawSql, kind: DatabaseKind, reads: StepReads[]): Promise<StepsRead> {
  // PostgreSQL takes the steps as arrays: one text, planned once, whatever the batch's size.
  const wanted =
    kind === 'postgresql'
      ? 'select * from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as w (w_school, w_actor, w_key, w_instance)'
      : `values ${placeholders(reads.length, 4)}`;
  const values =
    kind === 'postgresql'
      ? [
          reads.map((r) => r.schoolId),
          reads.map((r) => r.actorId),
          reads.map((r) => r.key ?? null),
          reads.map((r) => r.instanceId),
        ]
      : reads.flatMap((r) => [r.schoolId, r.actorId, r.key ?? null, r.instanceId]);
  // The row of a step comes back with what it asked for, so the answer needs no order; a school's settings
  // (up to three rows) repeat it.
  const rows = await sql.rows<
    { w_school: string; w_actor: string; w_key: string | null; w_instance: string } & Partial<ResponseRecord> &
      Partial<InstanceRecord> & { setting: string | null; setting_value: string | null }
  >(
    `with wanted (w_school, w_actor, w_key, w_instance) as (${wanted})
     select w.w_school, w.w_actor, w.w_key, w.w_instance, r.fingerprint, r.status_code, r.response,
       s.name as setting, s.value as setting_value, ${INSTANCE_COLUMNS.split(', ')
         .map((c) => `i.${c}`)
         .join(', ')}
     from wanted w
       left join idempotency_records r on r.school_id = w.w_school and r.actor_id = w.w_actor and r."key" = w.w_key
       left join workflow_instances i on i.id = w.w_instance and i.school_id = w.w_school
       left join school_settings s on s.school_id = w.w_school`,
    values,
  );
  const found: StepsRead = { instances: new Map(), answers: new Map(), settings: new Map() };
  for (const r of rows) {
    // A left join's missing row is a row of nulls.
    const instance = instanceKey(r.w_school, r.w_instance);
    if (!found.instances.has(instance))
      found.instances.set(instance, r.id != null ? toInstanceRow(r as InstanceRecord) : null);
    if (r.w_key != null && !found.answers.has(answerKey(r.w_school, r.w_actor, r.w_key)))
      found.answers.set(
        answerKey(r.w_school, r.w_actor, r.w_key),
        r.fingerprint != null ? toStoredResponse(r as ResponseRecord) : null,
      );
    let settings = found.settings.get(r.w_school);
    if (!settings) found.settings.set(r.w_school, (settings = []));
    if (r.setting != null && !settings.some((s) => s.name === r.setting))
      settings.push({ name: r.setting, value: r.setting_value! });
  }
  return found;
}
