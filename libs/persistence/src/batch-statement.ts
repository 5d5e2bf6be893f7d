/**
 * The one statement a group-commit batch's held writes take on PostgreSQL (batch-writes.ts): every kind of row the
 * engine's hot path writes has a part, and each part takes its rows as arrays, one per column (`unnest`). The text
 * never changes with the batch, so each connection parses and plans it once: a statement built for each batch, with
 * a `WITH` part per row, cost PostgreSQL ~1 ms of planning per transition (measured, `EXPLAIN (SUMMARY)`), more
 * than its execution. A part with no rows unnests empty arrays.
 *
 * A masked update sets, per row, only the columns its mask names: a projection changes some fields of a line.
 */

type ColumnType = 'text' | 'int' | 'bool';

interface Part {
  /**
   * The part's statement; `$columns` is replaced by `unnest(…) as v(…)` of its columns, `$array(c)` by the array
   * of column c. An update names its rows by key with `= any($array(key))` too: planned once for any batch, the
   * planner cannot know how many rows `unnest` gives, and without it chose to scan the whole table and hash it.
   */
  sql: string;
  columns: [name: string, type: ColumnType][];
}

const text = (...names: string[]): [string, ColumnType][] => names.map((n) => [n, 'text']);

/** Columns of a masked update: each value column followed by its mask. */
const masked = (names: readonly string[]): [string, ColumnType][] =>
  names.flatMap((n): [string, ColumnType][] => [
    [n, 'text'],
    [`set_${n}`, 'bool'],
  ]);
const setMasked = (alias: string, names: readonly string[]) =>
  names
    .map((n) => {
      const value = GROWING_COLUMNS.has(n) ? `greatest(${alias}."${n}", v."${n}")` : `v."${n}"`;
      return `"${n}" = case when v.set_${n} then ${value} else ${alias}."${n}" end`;
    })
    .join(', ');

/** The document line's columns a projection may change (projections.ts), in the order of a row's values. */
export const DOCUMENT_LINE_COLUMNS = [
  'state',
  'classification',
  'holder_id',
  'due_at',
  'location',
  'file_id',
  'marked_at',
] as const;
/**
 * Columns that keep the latest moment they were given, not the last one: a clock set back may give an event a moment
 * before its predecessor's (`marked_at`, RegisterQueries.changedAfter).
 */
export const GROWING_COLUMNS: ReadonlySet<string> = new Set(['marked_at']);
/** The open issue line's columns a projection may change. */
export const OPEN_ISSUE_LINE_COLUMNS = ['acknowledged_at', 'due_at', 'overdue_at', 'returned_at', 'condition'] as const;

export const PARTS = {
  events: {
    sql: `insert into workflow_events (id, school_id, instance_id, seq, type, payload, actor_id, actor_roles, at,
      from_state, to_state, prev_hash, hash) select * from $columns`,
    columns: [
      ...text('id', 'school_id', 'instance_id'),
      ['seq', 'int'],
      ...text('type', 'payload', 'actor_id', 'actor_roles', 'at', 'from_state', 'to_state', 'prev_hash', 'hash'),
    ],
  },
  answers: {
    sql: `insert into idempotency_records (school_id, actor_id, "key", fingerprint, status_code, response, created_at)
      select * from $columns`,
    columns: [
      ...text('school_id', 'actor_id', 'key', 'fingerprint'),
      ['status_code', 'int'],
      ...text('response', 'created_at'),
    ],
  },
  /** The version-checked moves: each row that moved answers 1, and the batch counts them. */
  moves: {
    sql: `update workflow_instances i set state = v.state, snapshot = v.snapshot, version = v.version,
      last_seq = v.last_seq, head_hash = v.head_hash, updated_at = v.updated_at
      from $columns where i.id = any($array(id)) and i.id = v.id and i.version = v.expected returning 1`,
    columns: [
      ...text('state', 'snapshot'),
      ['version', 'int'],
      ['last_seq', 'int'],
      ...text('head_hash', 'updated_at', 'id'),
      ['expected', 'int'],
    ],
  },
  documentLines: {
    sql: `update documents d set ${setMasked('d', DOCUMENT_LINE_COLUMNS)} from $columns
      where d.id = any($array(id)) and d.id = v.id`,
    columns: [...masked(DOCUMENT_LINE_COLUMNS), ...text('id')],
  },
  issues: {
    sql: `insert into issue_journal (id, school_id, document_id, reg_number, classification, holder_id, purpose,
      issued_at, issued_by, due_at) select * from $columns`,
    columns: text(
      'id',
      'school_id',
      'document_id',
      'reg_number',
      'classification',
      'holder_id',
      'purpose',
      'issued_at',
      'issued_by',
      'due_at',
    ),
  },
  openIssues: {
    sql: `update issue_journal j set ${setMasked('j', OPEN_ISSUE_LINE_COLUMNS)} from $columns
      where j.document_id = any($array(document_id)) and j.document_id = v.document_id and j.returned_at is null`,
    columns: [...masked(OPEN_ISSUE_LINE_COLUMNS), ...text('document_id')],
  },
  outbox: {
    sql: `insert into outbox (id, school_id, instance_id, kind, payload, created_at, dispatched_at, delivered_at,
      attempts) select v.*, null, null, 0 from $columns`,
    columns: text('id', 'school_id', 'instance_id', 'kind', 'payload', 'created_at'),
  },
  deadlines: {
    sql: `insert into deadlines (id, school_id, instance_id, "key", event_type, due_at, rule, status, created_at,
      settled_at) select v.id, v.school_id, v.instance_id, v."key", v.event_type, v.due_at, v.rule, 'pending',
      v.created_at, null from $columns`,
    columns: text('id', 'school_id', 'instance_id', 'key', 'event_type', 'due_at', 'rule', 'created_at'),
  },
  /**
   * Deadlines cancelled, fired or found stale. `coalesce`: the pending-status index matched the guard and was
   * scanned whole instead of the primary key.
   */
  settledDeadlines: {
    sql: `update deadlines d set status = v.status, settled_at = v.at from $columns
      where d.id = any($array(id)) and d.id = v.id and coalesce(d.status, '') = 'pending'`,
    columns: text('status', 'at', 'id'),
  },
} satisfies Record<string, Part>;

export type PartName = keyof typeof PARTS;

const NAMES = Object.keys(PARTS) as PartName[];

/** The statement's text, its parameters numbered part by part, column by column. */
const TEXT = (() => {
  let n = 0;
  const ctes = NAMES.map((name) => {
    const { sql, columns } = PARTS[name] as Part;
    const arrays = columns.map(([, type]) => `$${++n}::${type}[]`);
    const as = columns.map(([column]) => `"${column}"`).join(', ');
    const arrayOf = (column: string) => arrays[columns.findIndex(([c]) => c === column)];
    const statement = sql
      .replace('$columns', `unnest(${arrays.join(', ')}) as v(${as})`)
      .replace(/\$array\((\w+)\)/g, (_, column: string) => arrayOf(column));
    return `${name} as (${statement})`;
  });
  // The statement fails as a whole when a move found its instance moved by another writer (grif_moved, migration
  // BatchMovesChecked20261210): alone outside a transaction, it then writes nothing.
  return `with ${ctes.join(', ')} select grif_moved((select count(*) from moves), $${++n}::int) as moved`;
})();

/** Rows for the parts of one batch statement, in their columns' order. */
export type PartRows = Partial<Record<PartName, unknown[][]>>;

/**
 * The statement and its parameters: each part's columns as arrays, then how many moves must change their row.
 * It fails (LOST_RACE_SQLSTATE) when fewer did.
 */
export function batchStatement(rows: PartRows, moves: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  for (const name of NAMES) {
    const width = (PARTS[name] as Part).columns.length;
    const partRows = rows[name] ?? [];
    for (let c = 0; c < width; c++) values.push(partRows.map((r) => r[c] ?? null));
  }
  values.push(moves);
  return { text: TEXT, values };
}
