import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { formatRegNumber, type Actor } from '@grif/domain';
import { WorkflowEngine } from '@grif/engine';
import { RecordsOfficeSetup, SchoolsRepository, WriteTransactions } from '@grif/persistence';
import { documentRegistration } from '@grif/workflows';

type Row = Record<string, unknown>;

/** The rows one issued document owns, read right after its ISSUE committed. */
export interface IssuedTemplate {
  instanceId: string;
  dueAt: string;
  regYear: number;
  regSeq: number;
  rows: { table: string; rows: Row[] }[];
}

/** Tables in insertion order (foreign keys first), each with the column naming the document. */
const OWNED = [
  { table: 'workflow_instances', by: 'id' },
  { table: 'workflow_events', by: 'instance_id' },
  { table: 'documents', by: 'id' },
  { table: 'issue_journal', by: 'document_id' },
  { table: 'deadlines', by: 'instance_id' },
  // Only the arm row: cloned undispatched, so the outbox relay arms each clone's alarm as it would after an ISSUE.
  { table: 'outbox', by: 'instance_id', where: `and kind = 'deadline.arm'` },
] as const;

/**
 * A school with a clerk, an officer, a director and a cleared teacher, and one For Official Use
 * document walked through the engine (register, CLASSIFY, STORE in a secure cabinet, ISSUE due
 * `dueInMs` ahead, R-4.2.3). Returns the rows that document owns, to be cloned.
 */
export async function issueTemplate(app: INestApplicationContext, dueInMs: number): Promise<IssuedTemplate> {
  const tx = app.get(WriteTransactions);
  const engine = app.get(WorkflowEngine);
  const at = new Date().toISOString();
  const since = `${new Date().getUTCFullYear() - 1}-09-01`;
  const person = (username: string, role: Actor['roles'][number]) => ({
    username,
    displayName: username,
    passwordHash: 'no-login',
    mustChangePassword: false,
    roles: [{ role, orderNumber: `bench-${username}`, orderDate: since }],
  });
  const { schoolId, users } = await app
    .get(SchoolsRepository)
    .found(
      'bench',
      [
        person('clerk', 'records_clerk'),
        person('security', 'security_officer'),
        person('director', 'director'),
        person('teacher', 'staff'),
      ],
      at,
    );
  await app.get(RecordsOfficeSetup).furnish(
    schoolId,
    {
      rooms: [{ name: 'archive', secure: true, cabinets: ['cabinet 1'] }],
      files: [],
      clearances: (['nda', 'briefing'] as const).map((kind) => ({
        userId: users.teacher,
        kind,
        date: since,
        recordedBy: users.security,
      })),
    },
    at,
  );
  const [cabinet] = await tx
    .reader()
    .getConnection()
    .execute<{ id: string }[]>('select id from cabinets where school_id = ?', [schoolId]);
  const clerk: Actor = { userId: users.clerk, schoolId, roles: ['records_clerk'], kind: 'user' };
  const created = await engine.create(
    'document',
    {
      direction: 'internal' as const,
      kind: 'other',
      title: 'bench',
      correspondent: 'bench',
      documentDate: at.slice(0, 10),
      pages: 1,
    },
    clerk,
    documentRegistration(schoolId),
  );
  const id = created.body.id;
  await engine.send(id, 'CLASSIFY', { classification: 'official_use' }, clerk);
  await engine.send(id, 'STORE', { cabinetId: cabinet.id }, clerk);
  // A chosen due time: the end of the working day would arm a reminder too, and after hours lies tomorrow.
  const dueAt = new Date(Date.now() + dueInMs).toISOString();
  await engine.send(id, 'ISSUE', { holderId: users.teacher, purpose: 'bench', dueAt }, clerk);
  const rows = [];
  for (const o of OWNED)
    rows.push({
      table: o.table,
      rows: await tx
        .reader()
        .getConnection()
        .execute<Row[]>(`select * from ${o.table} where ${o.by} = ? ${'where' in o ? o.where : ''}`, [id]),
    });
  const doc = rows.find((r) => r.table === 'documents')!.rows[0];
  return { instanceId: id, dueAt, regYear: Number(doc.reg_year), regSeq: Number(doc.reg_seq), rows };
}

/** Every occurrence of each key of `map` in the string replaced by its value. */
const replaceAll = (s: string, map: Map<string, string>) => {
  for (const [from, to] of map) s = s.split(from).join(to);
  return s;
};

/**
 * `due.length` copies of the template as if each had been issued through the engine: each its own
 * instance (snapshot, events, journal lines, registration number) with its own return deadline,
 * due at its time, and an undispatched arm row in the outbox. Event hashes are the template's (the
 * chains of clones do not verify; firing never reads them). Answers each clone's deadline id → due time.
 */
export async function cloneIssued(
  tx: WriteTransactions,
  t: IssuedTemplate,
  due: readonly number[],
  batch = 250,
): Promise<Map<string, number>> {
  const dueById = new Map<string, number>();
  const created = new Date().toISOString();
  for (let start = 0; start < due.length; start += batch) {
    const out = new Map<string, Row[]>(t.rows.map((r) => [r.table, []]));
    for (let i = start; i < Math.min(due.length, start + batch); i++) {
      const dueAt = new Date(due[i]).toISOString();
      const regSeq = t.regSeq + 1 + i;
      const regNumber = formatRegNumber('internal', t.regYear, regSeq);
      const ids = new Map<string, string>([[t.instanceId, randomUUID()]]);
      for (const { rows } of t.rows)
        for (const r of rows) if (!ids.has(String(r.id))) ids.set(String(r.id), randomUUID());
      ids.set(t.dueAt, dueAt);
      for (const { table, rows } of t.rows) {
        for (const r of rows) {
          const c: Row = {};
          for (const [k, v] of Object.entries(r)) c[k] = typeof v === 'string' ? replaceAll(v, ids) : v;
          if (table === 'workflow_instances') {
            const snapshot = JSON.parse(String(c.snapshot));
            Object.assign(snapshot.context, { regSeq, regNumber });
            c.snapshot = JSON.stringify(snapshot);
          }
          if (table === 'documents') Object.assign(c, { reg_seq: regSeq, reg_number: regNumber });
          if (table === 'issue_journal') c.reg_number = regNumber;
          if (table === 'outbox') Object.assign(c, { created_at: created, dispatched_at: null, delivered_at: null });
          if (table === 'deadlines' && c.event_type === 'DEADLINE_PASSED') dueById.set(String(c.id), due[i]);
          out.get(table)!.push(c);
        }
      }
    }
    await tx.run(async (em) => {
      for (const [table, rows] of out) {
        if (!rows.length) continue;
        const cols = Object.keys(rows[0]);
        const one = `(${cols.map(() => '?').join(', ')})`;
        await em.execute(
          `insert into ${table} (${cols.map((c) => `"${c}"`).join(', ')}) values ${rows.map(() => one).join(', ')}`,
          rows.flatMap((r) => cols.map((c) => r[c])),
          'run',
        );
      }
    });
  }
  return dueById;
}
