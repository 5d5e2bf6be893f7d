import type { InstanceRow, StepReads, StoredResponse } from '@grif/engine';
import type { Fact } from '@grif/workflows';
import { personFact, type PersonRow } from './lookups';
import type { DatabaseKind } from './orm-config';
import { placeholders, type RawSql } from './raw-sql';
import { parsedSnapshot } from './snapshot-texts';

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
  snapshot: parsedSnapshot(i.id, i.snapshot),
  version: Number(i.version),
  lastSeq: Number(i.last_seq),
  headHash: i.head_hash,
});

export const toStoredResponse = (r: ResponseRecord): StoredResponse => ({
  fingerprint: r.fingerprint,
  statusCode: Number(r.status_code),
  body: JSON.parse(r.response),
});

/** A record of one school by its id (an instance, a person): what the read ahead keeps it under. */
export const inSchool = (schoolId: string, id: string) => `${schoolId}\u0000${id}`;
export const answerKey = (schoolId: string, actorId: string, key: string) => `${schoolId}\u0000${actorId}\u0000${key}`;

export interface StepsRead {
  instances: Map<string, InstanceRow | null>;
  /** The people the steps name, by inSchool (null: none such). */
  people?: Map<string, Fact | null>;
  answers: Map<string, StoredResponse | null>;
  /** Each school's settings rows (none: the defaults apply). */
  settings: Map<string, { name: string; value: string }[]>;
}

/**
 * PostgreSQL, for the rest of the batch's transaction: its fixed statements (the batch statement, batch-statement.ts)
 * are planned once. Left to itself PostgreSQL planned the batch statement again on every execution (a plan for the
 * arrays at hand looks cheaper than one for any arrays): ~0.8 ms of its CPU each time, measured with `EXPLAIN
 * (SUMMARY)`, more than the execution.
 */
const GENERIC_PLANS = ` cross join (select set_config('plan_cache_mode', 'force_generic_plan', true)) generic_plans`;

/**
 * What a batch's steps read first, found in one statement: each step's instance (or null), its stored answer
 * (or null), and its school's settings, which every step reads.
 */
export async function readSteps(sql: RawSql, kind: DatabaseKind, reads: StepReads[]): Promise<StepsRead> {
  const pg = kind === 'postgresql';
  const instanceColumns = INSTANCE_COLUMNS.split(', ')
    .map((c) => `i.${c}`)
    .join(', ');
  // PostgreSQL takes the steps as arrays: one text, planned once whatever the batch's size. Planned once, it cannot
  // know how many rows `unnest` gives, and as plain joins it hashed whole tables: `lateral … limit 1` makes it look
  // up each step's rows by index. SQLite (no LATERAL) joins by index as it is.
  const join = (table: string, alias: string, columns: string, on: string) =>
    pg
      ? `left join lateral (select ${columns} from ${table} ${alias} where ${on} limit 1) ${alias} on true`
      : `left join ${table} ${alias} on ${on}`;
  // The row of a step comes back with what it asked for, so the answer needs no order; a school's settings
  // (up to three rows) repeat it.
  const rows = await sql.rows<
    { w_school: string; w_actor: string; w_key: string | null; w_instance: string } & Partial<ResponseRecord> &
      Partial<InstanceRecord> & { setting: string | null; setting_value: string | null }
  >(
    `with wanted (w_school, w_actor, w_key, w_instance) as (${
      pg
        ? 'select * from unnest(?::text[], ?::text[], ?::text[], ?::text[])'
        : `values ${placeholders(reads.length, 4)}`
    })
     select w.w_school, w.w_actor, w.w_key, w.w_instance, r.fingerprint, r.status_code, r.response,
       s.name as setting, s.value as setting_value, ${pg ? 'i.*' : instanceColumns}
     from wanted w${pg ? GENERIC_PLANS : ''}
       ${join(
         'idempotency_records',
         'r',
         'r.fingerprint, r.status_code, r.response',
         'r.school_id = w.w_school and r.actor_id = w.w_actor and r."key" = w.w_key',
       )}
       ${join('workflow_instances', 'i', instanceColumns, 'i.id = w.w_instance')}
       left join school_settings s on s.school_id = w.w_school`,
    pg
      ? [
          reads.map((r) => r.schoolId),
          reads.map((r) => r.actorId),
          reads.map((r) => r.key ?? null),
          reads.map((r) => r.instanceId),
        ]
      : reads.flatMap((r) => [r.schoolId, r.actorId, r.key ?? null, r.instanceId]),
  );
  const found: StepsRead = { instances: new Map(), answers: new Map(), settings: new Map() };
  for (const r of rows) {
    // A left join's missing row is a row of nulls.
    const instance = inSchool(r.w_school, r.w_instance);
    if (!found.instances.has(instance))
      // By its id alone (the primary key, whatever the planner guesses): another school's is none of this one's.
      found.instances.set(
        instance,
        r.id != null && r.school_id === r.w_school ? toInstanceRow(r as InstanceRecord) : null,
      );
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

/**
 * The people the batch's steps name (StepReads.people), each with their clearances, in one statement: a person an
 * ISSUE names was a round trip in the middle of the batch. Null for one the school has not (or has disabled), as
 * the lookup finds.
 */
export async function readPeople(
  sql: RawSql,
  kind: DatabaseKind,
  reads: StepReads[],
): Promise<Map<string, Fact | null>> {
  const wanted = new Map<string, [schoolId: string, id: string]>();
  for (const r of reads) for (const id of r.people ?? []) wanted.set(inSchool(r.schoolId, id), [r.schoolId, id]);
  const found = new Map<string, Fact | null>();
  if (!wanted.size) return found;
  const pairs = [...wanted.values()];
  const pg = kind === 'postgresql';
  // As in readSteps: on PostgreSQL the steps come as arrays, and `lateral` looks each person up by index.
  const person = 'u.id = w.w_id and u.school_id = w.w_school and u.disabled = ?';
  const rows = await sql.rows<PersonRow & { w_school: string; w_id: string }>(
    `with wanted (w_school, w_id) as (${
      pg ? 'select * from unnest(?::text[], ?::text[])' : `values ${placeholders(pairs.length, 2)}`
    })
     select w.w_school, w.w_id, u.display_name, c.kind, c.date, c.seq, c.note
     from wanted w
       ${
         pg
           ? `join lateral (select u.id, u.school_id, u.display_name from users u where ${person} limit 1) u on true`
           : `join users u on ${person}`
       }
       left join clearances c on c.school_id = u.school_id and c.user_id = u.id
     order by w.w_school, w.w_id, c.date asc, c.seq asc`,
    pg ? [pairs.map(([school]) => school), pairs.map(([, id]) => id), false] : [...pairs.flat(), false],
  );
  const byPerson = new Map<string, PersonRow[]>();
  for (const r of rows) {
    const key = inSchool(r.w_school, r.w_id);
    let list = byPerson.get(key);
    if (!list) byPerson.set(key, (list = []));
    list.push(r);
  }
  for (const [key, [, id]] of wanted) found.set(key, personFact(id, byPerson.get(key) ?? []));
  return found;
}
