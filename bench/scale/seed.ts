import { Client } from 'pg';
import { CARRIER_EVENTS } from '@grif/workflows';
import { STAFF_PER_SCHOOL, type SchoolCast } from './district';
import type { Template } from './templates';
import { withoutIndexes } from './bulk-load';

export interface SeedSize {
  docs: number;
  events: number;
}

/** The working tables the generator joins; unlogged and dropped at the end. */
const WORK_TABLES = [
  'scale_schools',
  'scale_people',
  'scale_tmpl',
  'scale_tmpl_events',
  'scale_tmpl_steps',
  'scale_tmpl_issues',
  'scale_docs',
];

/** An instant as the engine stores it: `Date.toISOString()`, 24 characters, UTC. */
const ISO = (ts: string) => `to_char((${ts}) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** A fake hash of 64 hex digits (the chains of generated documents do not verify: docs/performance-scale.md). */
const HASH = (id: string, seq: string) => `md5(${id} || ':' || ${seq}) || md5(${seq} || ':' || ${id})`;
/** When the k-th event of document d happened: one every 26 hours after its registration. */
const EVENT_TS = (k: string) => `d.created + (${k} - 1) * interval '26 hours'`;

async function insertRows(c: Client, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const cols = Object.keys(chunk[0]);
    const values = chunk.map((_, r) => `(${cols.map((_, j) => `$${r * cols.length + j + 1}`).join(', ')})`);
    await c.query(
      `insert into ${table} (${cols.join(', ')}) values ${values.join(', ')}`,
      chunk.flatMap((row) => cols.map((k) => row[k])),
    );
  }
}

/** The schools, their people and the templates, as tables the generating statements join. */
async function workTables(c: Client, schools: SchoolCast[], templates: Template[]): Promise<void> {
  await c.query(`
    create unlogged table scale_schools (s int primary key, school_id text, clerk_id text, cabinet_id text);
    create unlogged table scale_people (s int, k int, user_id text, primary key (s, k));
    create unlogged table scale_tmpl (t int primary key, id text, school_id text, clerk_id text, holder_id text,
      cabinet_id text, reg_number text, title text, correspondent text, classification text, machine_version int);
    create unlogged table scale_tmpl_events (t int, k int, type text, payload text, by text, actor_roles text,
      from_state text, to_state text, prev_hash text, primary key (t, k));
    create unlogged table scale_tmpl_steps (t int, n int, state text, snapshot text, version int, classification text,
      holder boolean, due_k int, location text, primary key (t, n));
    create unlogged table scale_tmpl_issues (t int, n int, issue_k int, ack_k int, return_k int, has_due boolean,
      purpose text, condition text);`);
  await insertRows(
    c,
    'scale_schools',
    schools.map((s) => ({ s: s.index, school_id: s.schoolId, clerk_id: s.clerk, cabinet_id: s.cabinetId })),
  );
  await insertRows(
    c,
    'scale_people',
    schools.flatMap((s) => s.staff.map((user_id, k) => ({ s: s.index, k, user_id }))),
  );
  const first = schools[0];
  await insertRows(
    c,
    'scale_tmpl',
    templates.map((t) => ({
      t: t.index,
      id: t.id,
      school_id: first.schoolId,
      clerk_id: first.clerk,
      holder_id: first.staff[0],
      cabinet_id: first.cabinetId,
      reg_number: t.regNumber,
      title: t.title,
      correspondent: t.correspondent,
      classification: t.classification,
      machine_version: t.machineVersion,
    })),
  );
  await insertRows(
    c,
    'scale_tmpl_events',
    templates.flatMap((t) =>
      t.events.map((e) => ({
        t: t.index,
        k: e.seq,
        type: e.type,
        payload: e.payload,
        by: e.by,
        actor_roles: e.actorRoles,
        from_state: e.fromState,
        to_state: e.toState,
        prev_hash: e.prevHash,
      })),
    ),
  );
  await insertRows(
    c,
    'scale_tmpl_steps',
    templates.flatMap((t) =>
      t.steps.map((s) => ({
        t: t.index,
        n: s.seq,
        state: s.state,
        snapshot: s.snapshot,
        version: s.version,
        classification: s.classification,
        holder: s.holder,
        due_k: s.dueSeq,
        location: s.location,
      })),
    ),
  );
  await insertRows(
    c,
    'scale_tmpl_issues',
    templates.flatMap((t) =>
      t.steps.flatMap((s) =>
        s.issues.map((l) => ({
          t: t.index,
          n: s.seq,
          issue_k: l.issueSeq,
          ack_k: l.ackSeq,
          return_k: l.returnSeq,
          has_due: l.hasDue,
          purpose: l.purpose,
          condition: l.condition,
        })),
      ),
    ),
  );
}

/**
 * One row per generated document: its school, template (mark), number of events, registration data. Spread over
 * the schools round-robin and over 2019-01 … 2026-10 in registration order; `n` is uniform on 1 … 2·avg − 1.
 */
async function plannedDocuments(c: Client, size: SeedSize, schools: number, maxEvents: number): Promise<void> {
  const perSchool = Math.ceil(size.docs / schools);
  const spread = 2 * Math.round(size.events / size.docs) - 1;
  if (spread > maxEvents) throw new Error(`templates have ${maxEvents} events; ${spread} needed`);
  await c.query(`
    create unlogged table scale_docs as
    with g as (
      select g, g % ${schools} as s, g / ${schools} as i
      from generate_series(0::bigint, ${size.docs - 1}) g
    ), p as (
      select g.*,
        timestamptz '2019-01-09 03:00:00+00'
          + (i::float8 / ${perSchool}) * interval '2830 days' + ((g * 7919) % 30000) * interval '1 second' as created,
        case when (g * 2654435761) % 100 < 55 then 0 when (g * 2654435761) % 100 < 80 then 1
             when (g * 2654435761) % 100 < 93 then 2 else 3 end as t,
        1 + (g * 48271) % ${spread} as n,
        (array['incoming','outgoing','internal'])[1 + (g * 40507) % 3] as direction,
        (array['letter','order','instruction','other'])[1 + (g * 69069) % 4] as kind,
        (array['Приказ','Письмо','Справка','Акт','Отчёт','Протокол','Буйрук','Кат'])[1 + g % 8] || ' о '
          || (array['приёме учащихся','аттестации учителей','ремонте спортзала','питании','олимпиаде','каникулах',
                    'медосмотре','бюджете','кадрах','безопасности','экзаменах','выпускном'])[1 + (g / 8) % 12]
          || ' № ' || i as title,
        (array['Билим берүү министрлиги','Райондук билим берүү бөлүмү','Мэрия','Прокуратура','Ата-энелер комитети',
               'Саламаттык сактоо борбору','Салык кызматы'])[1 + (g * 31) % 7] || ' ' || (g % 97) as correspondent
      from g
    )
    select p.*, gen_random_uuid()::text as id,
      extract(year from created at time zone 'Asia/Bishkek')::int as reg_year,
      row_number() over (partition by s, extract(year from created at time zone 'Asia/Bishkek'), direction order by i)::int
        as reg_seq,
      (p.g / ${schools}) % ${STAFF_PER_SCHOOL} as holder_k
    from p`);
  await c.query(`
    alter table scale_docs add column reg_number text;
    -- After the numbers the school has given already (the templates'), as documentRegistration would.
    update scale_docs d set reg_seq = d.reg_seq + jc.last_seq
      from scale_schools sc, journal_counters jc
      where sc.s = d.s and jc.school_id = sc.school_id and jc.year = d.reg_year and jc.direction = d.direction;
    update scale_docs set reg_number =
      (case direction when 'incoming' then 'К' when 'outgoing' then 'Ч' else 'И' end)
      || '-' || lpad(reg_seq::text, 4, '0') || '/' || reg_year;
    create index on scale_docs (t, n)`);
}

/** The generating statements: every table the list screens read, as the engine and its projection write them. */
const GENERATE = {
  workflow_instances: `
    insert into workflow_instances
      (id, school_id, machine_id, machine_version, parent_id, state, snapshot, version, last_seq, head_hash, created_at, updated_at)
    select d.id, sc.school_id, 'document', tm.machine_version, null, st.state,
      replace(replace(replace(replace(replace(replace(replace(st.snapshot,
        tm.id, d.id), tm.school_id, sc.school_id), tm.clerk_id, sc.clerk_id), tm.holder_id, h.user_id),
        tm.cabinet_id, sc.cabinet_id), tm.reg_number, d.reg_number), tm.title, d.title),
      st.version, d.n, ${HASH('d.id', 'd.n::text')}, ${ISO('d.created')}, ${ISO(EVENT_TS('d.n'))}
    from scale_docs d
      join scale_tmpl tm on tm.t = d.t
      join scale_tmpl_steps st on st.t = d.t and st.n = d.n
      join scale_schools sc on sc.s = d.s
      join scale_people h on h.s = d.s and h.k = d.holder_k`,
  documents: `
    insert into documents (id, school_id, reg_year, direction, reg_seq, reg_number, kind, title, correspondent,
      document_date, location, file_id, copy_of, copy_number, state, classification, holder_id, due_at, created_at,
      marked_at)
    select d.id, sc.school_id, d.reg_year, d.direction, d.reg_seq, d.reg_number, d.kind, d.title, d.correspondent,
      to_char(d.created at time zone 'Asia/Bishkek' - interval '2 days', 'YYYY-MM-DD'), st.location, null, null, 0,
      st.state, st.classification, case when st.holder then h.user_id end,
      case when st.due_k is not null then ${ISO(`${EVENT_TS('st.due_k')} + interval '8 hours'`)} end,
      ${ISO('d.created')},
      -- As the projection stamps it: the latest of its events that may change whether it is a carrier.
      (select ${ISO(EVENT_TS('max(e.k)'))} from scale_tmpl_events e
        where e.t = d.t and e.k <= d.n and e.type in (${CARRIER_EVENTS.map((t) => `'${t}'`).join(', ')}))
    from scale_docs d
      join scale_tmpl_steps st on st.t = d.t and st.n = d.n
      join scale_schools sc on sc.s = d.s
      join scale_people h on h.s = d.s and h.k = d.holder_k`,
  workflow_events: `
    insert into workflow_events
      (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles, at, from_state, to_state, prev_hash, hash)
    select gen_random_uuid()::text, sc.school_id, d.id, e.k, e.type,
      case e.type
        when 'CREATE' then (e.payload::jsonb || jsonb_build_object('direction', d.direction, 'kind', d.kind,
          'title', d.title, 'correspondent', d.correspondent, 'regNumber', d.reg_number, 'regYear', d.reg_year,
          'regSeq', d.reg_seq))::text
        else replace(replace(e.payload, tm.holder_id, h.user_id), tm.cabinet_id, sc.cabinet_id)
      end,
      case e.by when 'holder' then h.user_id else sc.clerk_id end, e.actor_roles,
      ${ISO(EVENT_TS('e.k'))}, e.from_state, e.to_state,
      case when e.k = 1 then e.prev_hash else ${HASH('d.id', '(e.k - 1)::text')} end, ${HASH('d.id', 'e.k::text')}
    from scale_docs d
      join scale_tmpl tm on tm.t = d.t
      join scale_tmpl_events e on e.t = d.t and e.k <= d.n
      join scale_schools sc on sc.s = d.s
      join scale_people h on h.s = d.s and h.k = d.holder_k`,
  issue_journal: `
    insert into issue_journal (id, school_id, document_id, reg_number, classification, holder_id, purpose, issued_at,
      issued_by, due_at, acknowledged_at, returned_at, condition, overdue_at)
    select gen_random_uuid()::text, sc.school_id, d.id, d.reg_number, tm.classification, h.user_id, l.purpose,
      ${ISO(EVENT_TS('l.issue_k'))}, sc.clerk_id,
      case when l.has_due then ${ISO(`${EVENT_TS('l.issue_k')} + interval '8 hours'`)} end,
      case when l.ack_k is not null then ${ISO(EVENT_TS('l.ack_k'))} end,
      case when l.return_k is not null then ${ISO(EVENT_TS('l.return_k'))} end,
      l.condition, null
    from scale_docs d
      join scale_tmpl tm on tm.t = d.t
      join scale_tmpl_issues l on l.t = d.t and l.n = d.n
      join scale_schools sc on sc.s = d.s
      join scale_people h on h.s = d.s and h.k = d.holder_k`,
  journal_counters: `
    insert into journal_counters (school_id, year, direction, last_seq)
    select sc.school_id, d.reg_year, d.direction, max(d.reg_seq)
    from scale_docs d join scale_schools sc on sc.s = d.s
    group by sc.school_id, d.reg_year, d.direction
    on conflict (school_id, year, direction) do update set last_seq = greatest(journal_counters.last_seq, excluded.last_seq)`,
};

export interface SeedReport {
  seconds: number;
  steps: { label: string; seconds: number; rows: number }[];
}

/**
 * Fills the district's database server-side: each table in one `INSERT … SELECT` over generate_series and the
 * templates, with the big tables' indexes and constraints dropped during the load and built again afterwards
 * (bulk-load.ts), then VACUUM ANALYZE, as autovacuum would leave a database that has lived that long.
 */
export async function seedDistrict(
  url: string,
  size: SeedSize,
  schools: SchoolCast[],
  templates: Template[],
  log: (line: string) => void,
): Promise<SeedReport> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const started = Date.now();
  const steps: SeedReport['steps'] = [];
  const step = async (label: string, work: () => Promise<number>) => {
    const t0 = Date.now();
    const rows = await work();
    const seconds = (Date.now() - t0) / 1000;
    steps.push({ label, seconds, rows });
    log(`seed: ${label.padEnd(28)} ${String(rows).padStart(9)} rows ${seconds.toFixed(1).padStart(7)} s`);
  };
  try {
    await c.query(`set work_mem = '256MB'; set maintenance_work_mem = '512MB'; set synchronous_commit = off`);
    await workTables(c, schools, templates);
    const maxEvents = Math.min(...templates.map((t) => t.events.length));
    await step('plan', async () => {
      await plannedDocuments(c, size, schools.length, maxEvents);
      return size.docs;
    });
    const tables = ['workflow_instances', 'documents', 'workflow_events', 'issue_journal'];
    await withoutIndexes(c, tables, log, async () => {
      for (const table of [...tables, 'journal_counters'] as (keyof typeof GENERATE)[])
        await step(table, async () => (await c.query(GENERATE[table])).rowCount ?? 0);
    });
    await step('vacuum analyze', async () => {
      for (const t of tables) await c.query(`vacuum analyze ${t}`);
      return 0;
    });
    for (const t of WORK_TABLES) await c.query(`drop table if exists ${t}`);
  } finally {
    await c.end();
  }
  return { seconds: (Date.now() - started) / 1000, steps };
}
