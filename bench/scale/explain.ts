import { Client } from 'pg';

/**
 * The SQL of the slowest list queries as the repositories send it, timed by the server itself (EXPLAIN ANALYZE
 * execution time, median of 5 after a warm-up run), so the figure does not move with the load of a shared machine
 * as the HTTP round trip does. `before`: inside a transaction that drops the scale indexes and builds the two they
 * replaced again, rolled back afterwards (DDL is transactional in PostgreSQL), i.e. the schema before issue 12.
 * Run: node dist/bench/scale/explain.js <database url> [before]
 */
const NEW_INDEXES = [
  'documents_school_created_marked_idx',
  'documents_school_state_created_idx',
  'documents_school_holder_created_idx',
  'documents_school_mark_year_idx',
  'issue_journal_school_issued_idx',
  'issue_journal_school_holder_issued_idx',
  'issue_journal_school_open_idx',
  'workflow_events_school_at_seq_idx',
  'workflow_events_school_type_at_idx',
  'workflow_events_school_actor_at_idx',
  'documents_school_title_trgm_idx',
  'documents_school_reg_number_trgm_idx',
  'documents_school_correspondent_trgm_idx',
];
const OLD_INDEXES = [
  'create index workflow_events_school_id_at_index on workflow_events (school_id, at)',
  'create index documents_school_id_holder_id_index on documents (school_id, holder_id)',
];

const like = (t: string) => `(title like '%${t}%' or reg_number like '%${t}%' or correspondent like '%${t}%')`;

function queries(s: string, holder: string): [string, string][] {
  const doc = `select * from documents where school_id = '${s}'`;
  const iss = `select * from issue_journal where school_id = '${s}'`;
  const ev = `select instance_id, seq, type, at, actor_id from workflow_events where school_id = '${s}'`;
  const evc = `select count(*) from workflow_events where school_id = '${s}'`;
  return [
    ['documents: newest, page', `${doc} order by created_at desc, id desc limit 50`],
    ['documents: newest, count', `select count(*) from documents where school_id = '${s}'`],
    ['documents: page 100', `${doc} order by created_at desc, id desc limit 50 offset 4950`],
    ['documents: state, page', `${doc} and state = 'issued' order by created_at desc, id desc limit 50`],
    ['documents: state, count', `select count(*) from documents where school_id = '${s}' and state = 'issued'`],
    ['documents: holder, page', `${doc} and holder_id = '${holder}' order by created_at desc, id desc limit 50`],
    ['documents: search word, page', `${doc} and ${like('бюджете')} order by created_at desc, id desc limit 50`],
    ['documents: search word, count', `select count(*) from documents where school_id = '${s}' and ${like('бюджете')}`],
    [
      'documents: search no match, count',
      `select count(*) from documents where school_id = '${s}' and ${like('жок-7')}`,
    ],
    ['issue journal: newest, page', `${iss} order by issued_at desc, id desc limit 50`],
    ['issue journal: open, page', `${iss} and returned_at is null order by issued_at desc, id desc limit 50`],
    ['issue journal: holder, page', `${iss} and holder_id = '${holder}' order by issued_at desc, id desc limit 50`],
    ['audit events: newest, page', `${ev} order by at desc, seq desc limit 50`],
    ['audit events: newest, count', evc],
    ['audit events: type, page', `${ev} and type = 'RETURN' order by at desc, seq desc limit 50`],
    ['audit events: type, count', `${evc} and type = 'RETURN'`],
    ['audit events: actor, page', `${ev} and actor_id = '${holder}' order by at desc, seq desc limit 50`],
    [
      'audit events: month, page',
      `${ev} and at >= '2023-03-01' and at < '2023-04-01' order by at desc, seq desc limit 50`,
    ],
  ];
}

async function timed(c: Client, sql: string): Promise<number> {
  const r = await c.query(`explain (analyze, format json) ${sql}`);
  return r.rows[0]['QUERY PLAN'][0]['Execution Time'] as number;
}

async function main(): Promise<void> {
  const [url, mode] = process.argv.slice(2);
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ school_id: string; holder_id: string }>(
      `select school_id, holder_id from documents where holder_id is not null order by id limit 1`,
    );
    const [{ school_id: s, holder_id: holder }] = rows;
    if (mode === 'before') {
      await c.query('begin');
      for (const i of NEW_INDEXES) await c.query(`drop index ${i}`);
      for (const sql of OLD_INDEXES) await c.query(sql);
    }
    for (const [name, sql] of queries(s, holder)) {
      await timed(c, sql);
      const t: number[] = [];
      for (let i = 0; i < 5; i++) t.push(await timed(c, sql));
      t.sort((a, b) => a - b);
      console.log(`${(mode ?? 'after').padEnd(7)} ${name.padEnd(34)} ${t[2].toFixed(2).padStart(9)} ms`);
    }
  } finally {
    if (mode === 'before') await c.query('rollback');
    await c.end();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
