import type { INestApplicationContext } from '@nestjs/common';
import type { Actor, Classification, Direction } from '@grif/domain';
import { WorkflowEngine } from '@grif/engine';
import { WriteTransactions } from '@grif/persistence';
import { documentRegistration } from '@grif/workflows';
import type { SchoolCast } from './district';

type Row = Record<string, any>;

/** One event of a template's history, as the engine wrote it. */
export interface TemplateEvent {
  seq: number;
  type: string;
  payload: string;
  /** Who sent it: the clerk, or the holder (ACKNOWLEDGE). */
  by: 'clerk' | 'holder';
  actorRoles: string;
  fromState: string | null;
  toState: string;
  prevHash: string;
}

/** An issue-journal line as it stood after some step, its instants named by the seq of the event that set them. */
export interface TemplateIssue {
  issueSeq: number;
  ackSeq: number | null;
  returnSeq: number | null;
  hasDue: boolean;
  purpose: string;
  condition: string | null;
}

/** Everything a document owned right after its `seq`-th event. */
export interface TemplateStep {
  seq: number;
  state: string;
  snapshot: string;
  version: number;
  classification: string | null;
  holder: boolean;
  /** The seq of the ISSUE whose due time the document carries, when it carries one. */
  dueSeq: number | null;
  location: string | null;
  issues: TemplateIssue[];
}

export interface Template {
  index: number;
  classification: Classification;
  id: string;
  regNumber: string;
  title: string;
  correspondent: string;
  machineVersion: number;
  events: TemplateEvent[];
  steps: TemplateStep[];
}

/** The marks a district's documents carry, one template each. */
export const TEMPLATE_MARKS: readonly Classification[] = ['open', 'official_use', 'personal_data', 'confidential'];

/**
 * Real documents made through the engine in the first school, one per mark: register, CLASSIFY, STORE in the
 * secure cabinet, then ISSUE → ACKNOWLEDGE → RETURN rounds until the history has `length` events.
 * After every step the rows the document owns are read back, so a generated document with n events is the
 * template as it stood after its n-th step.
 */
export async function walkTemplates(
  app: INestApplicationContext,
  school: SchoolCast,
  length: number,
): Promise<Template[]> {
  const engine = app.get(WorkflowEngine);
  const sql = (q: string, p: unknown[]): Promise<Row[]> =>
    app.get(WriteTransactions).reader().getConnection().execute<Row[]>(q, p);
  const clerk: Actor = { userId: school.clerk, schoolId: school.schoolId, roles: ['records_clerk'], kind: 'user' };
  const holder: Actor = { userId: school.staff[0], schoolId: school.schoolId, roles: ['staff'], kind: 'user' };
  const out: Template[] = [];
  for (const [index, classification] of TEMPLATE_MARKS.entries()) {
    const direction: Direction = 'incoming';
    const title = `template ${classification}`;
    const correspondent = `template correspondent ${index}`;
    const created = await engine.create(
      'document',
      { direction, kind: 'letter', title, correspondent, documentDate: '2026-11-02', pages: 3 },
      clerk,
      documentRegistration(school.schoolId),
    );
    if (created.status !== 201) throw new Error(`register: ${created.status} ${JSON.stringify(created.body)}`);
    const id: string = created.body.id;
    const steps: TemplateStep[] = [];
    const capture = async (seq: number) => {
      const [inst] = await sql('select * from workflow_instances where id = ?', [id]);
      const [doc] = await sql('select * from documents where id = ?', [id]);
      const events = await sql('select seq, at, type from workflow_events where instance_id = ? order by seq', [id]);
      const seqAt = (at: string | null) => (at ? (events.find((e) => e.at === at)?.seq ?? null) : null);
      const lastIssue = [...events].reverse().find((e) => e.type === 'ISSUE');
      const issues = await sql('select * from issue_journal where document_id = ? order by issued_at', [id]);
      steps.push({
        seq,
        state: inst.state,
        snapshot: inst.snapshot,
        version: Number(inst.version),
        classification: doc.classification,
        holder: doc.holder_id != null,
        dueSeq: doc.due_at ? (lastIssue?.seq ?? null) : null,
        location: doc.location,
        issues: issues.map((l) => ({
          issueSeq: seqAt(l.issued_at)!,
          ackSeq: seqAt(l.acknowledged_at),
          returnSeq: seqAt(l.returned_at),
          hasDue: l.due_at != null,
          purpose: l.purpose,
          condition: l.condition,
        })),
      });
    };
    await capture(1);
    const plan: [string, object, Actor][] = [
      ['CLASSIFY', { classification }, clerk],
      ['STORE', { cabinetId: school.cabinetId }, clerk],
    ];
    for (let round = 0; plan.length < length - 1; round++)
      plan.push(
        ['ISSUE', { holderId: holder.userId, purpose: `иш ${round + 1}` }, clerk],
        ['ACKNOWLEDGE', {}, holder],
        ['RETURN', { condition: 'бүтүн' }, clerk],
      );
    for (const [type, payload, actor] of plan.slice(0, length - 1)) {
      const r = await engine.send(id, type, payload, actor);
      if (r.status !== 200)
        throw new Error(`template ${classification} ${type}: ${r.status} ${JSON.stringify(r.body)}`);
      await capture(steps.length + 1);
    }
    const events = await sql('select * from workflow_events where instance_id = ? order by seq', [id]);
    const [inst] = await sql('select machine_version from workflow_instances where id = ?', [id]);
    const [doc] = await sql('select reg_number from documents where id = ?', [id]);
    out.push({
      index,
      classification,
      id,
      regNumber: doc.reg_number,
      title,
      correspondent,
      machineVersion: Number(inst.machine_version),
      events: events.map((e) => ({
        seq: Number(e.seq),
        type: e.type,
        payload: e.payload,
        by: e.actor_id === holder.userId ? 'holder' : 'clerk',
        actorRoles: e.actor_roles,
        fromState: e.from_state,
        toState: e.to_state,
        prevHash: e.prev_hash,
      })),
      steps,
    });
  }
  return out;
}
