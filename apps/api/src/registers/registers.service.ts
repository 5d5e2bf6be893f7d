import { Injectable } from '@nestjs/common';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, GrifError, hasRole, isRestricted, RECORDS_WIDE_ROLES, Classification } from '@grif/domain';
import type { CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import { documentListQuerySchema, listQuerySchema } from '@grif/contracts';
import { CopyRecord, DocumentRecord, IssueRecord, Media, WorkflowEvent } from '@grif/persistence';
import { PeopleDirectory } from '../records/people-directory';
import { GrifRuntime } from '@grif/runtime';
import { z } from 'zod';
import { READERS, requireRole } from '../http/roles';
import { parseBody } from '../http/zod-body';

type ListQuery = z.infer<typeof listQuerySchema>;

const DOCUMENT_SORTS = ['regNumber', 'createdAt', 'title', 'state', 'classification', 'documentDate', 'dueAt'] as const;
const ISSUE_SORTS = ['issuedAt', 'dueAt', 'returnedAt', 'regNumber'] as const;

function orderOf(q: ListQuery, allowed: readonly string[], fallback: string): Record<string, 'asc' | 'desc'> {
  const key = q.sort && allowed.includes(q.sort) ? q.sort : fallback;
  return { [key]: q.order, ...(key === 'regNumber' ? {} : { id: 'asc' }) };
}

const issueQuerySchema = listQuerySchema.extend({ status: z.enum(['open', 'overdue', 'returned']).optional(), holderId: z.string().max(64).optional(), documentId: z.string().max(64).optional() });
const copyQuerySchema = listQuerySchema.extend({ originalId: z.string().max(64).optional() });
const carrierQuerySchema = listQuerySchema;

/** The registers the Regulation names, as read models over the same transactions. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly rt: GrifRuntime,
    private readonly people: PeopleDirectory,
  ) {}

  private em(): EntityManager {
    return this.rt.transactions.reader();
  }

  private names(schoolId: string): Promise<Map<string, string>> {
    return this.people.names(schoolId);
  }

  /** Registration journal and document lists; staff see only what is issued to them now. */
  async documents(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const q = parseBody(documentListQuerySchema, query);
    if (q.at) return this.documentsAt(actor, q, new Date(q.at).toISOString());
    const where: FilterQuery<DocumentRecord> = { schoolId: actor.schoolId };
    if (q.mine || !hasRole(actor, ...RECORDS_WIDE_ROLES)) where.holderId = actor.userId;
    else if (q.holderId) where.holderId = q.holderId;
    if (q.year) where.regYear = q.year;
    if (q.direction) where.direction = q.direction;
    if (q.state) where.state = q.state;
    if (q.classification) where.classification = q.classification;
    if (q.q) where.$or = [{ title: { $like: `%${q.q}%` } }, { regNumber: { $like: `%${q.q}%` } }, { correspondent: { $like: `%${q.q}%` } }];
    const order = q.sort === 'regNumber' ? { regYear: q.order, direction: q.order, regSeq: q.order, copyNumber: q.order } : orderOf(q, DOCUMENT_SORTS, 'createdAt');
    const [rows, total] = await this.em().findAndCount(DocumentRecord, where, { orderBy: order as never, limit: q.format === 'csv' ? undefined : q.pageSize, offset: q.format === 'csv' ? undefined : (q.page - 1) * q.pageSize });
    return { q, page: { items: rows.map(documentRow), total, page: q.page, pageSize: q.pageSize } };
  }

  /**
   * The registration journal as it stood at a moment: documents registered by then, each with
   * the state, mark and holder its history gives for that moment.
   */
  private async documentsAt(actor: Actor, q: z.infer<typeof documentListQuerySchema>, at: string): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const wide = hasRole(actor, ...RECORDS_WIDE_ROLES) && !q.mine;
    const where: FilterQuery<DocumentRecord> = { schoolId: actor.schoolId, createdAt: { $lte: at } };
    if (q.year) where.regYear = q.year;
    if (q.direction) where.direction = q.direction;
    const asAt = fold(await this.em().find(WorkflowEvent, { schoolId: actor.schoolId, at: { $lte: at } }, { orderBy: { instanceId: 'asc', seq: 'asc' } }));
    const rows = (await this.em().find(DocumentRecord, where, { orderBy: { regYear: 'asc', direction: 'asc', regSeq: 'asc', copyNumber: 'asc' } }))
      .map((d) => {
        const h = asAt.get(d.id);
        return { ...documentRow(d), state: h?.state ?? d.state, classification: h?.classification ?? null, holderId: h?.holderId ?? null, dueAt: null };
      })
      .filter((d) => (wide ? !q.holderId || d.holderId === q.holderId : d.holderId === actor.userId))
      .filter((d) => (!q.state || d.state === q.state) && (!q.classification || d.classification === q.classification))
      .filter((d) => !q.q || [d.title, d.regNumber, d.correspondent].some((v) => v.includes(q.q!)));
    const key = (q.sort && (DOCUMENT_SORTS as readonly string[]).includes(q.sort) && q.sort !== 'regNumber' ? q.sort : undefined) as keyof DocumentRow | undefined;
    if (key) rows.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
    if (q.order === 'desc') rows.reverse();
    const start = q.format === 'csv' ? 0 : (q.page - 1) * q.pageSize;
    return { q, page: { items: q.format === 'csv' ? rows : rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize } };
  }

  /** The issue journal. */
  async issues(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<IssueRow> }> {
    requireRole(actor, READERS);
    const q = parseBody(issueQuerySchema, query);
    const where: FilterQuery<IssueRecord> = { schoolId: actor.schoolId };
    if (q.holderId) where.holderId = q.holderId;
    if (q.documentId) where.documentId = q.documentId;
    // As at a moment: the lines issued by then, with what had happened to them by then.
    const at = q.at ? new Date(q.at).toISOString() : undefined;
    if (at) where.issuedAt = { $lte: at };
    const happened = at ? { $ne: null, $lte: at } : { $ne: null };
    if (q.status === 'open') where.$or = [{ returnedAt: null }, ...(at ? [{ returnedAt: { $gt: at } }] : [])];
    if (q.status === 'returned') where.returnedAt = happened;
    if (q.status === 'overdue') where.overdueAt = happened;
    const [rows, total] = await this.em().findAndCount(IssueRecord, where, { orderBy: orderOf(q, ISSUE_SORTS, 'issuedAt') as never, ...this.paging(q) });
    const names = await this.names(actor.schoolId);
    const upTo = (v: string | null) => (v && at && v > at ? null : v);
    const items: IssueRow[] = rows.map((r) => ({
      id: r.id, documentId: r.documentId, regNumber: r.regNumber, classification: r.classification, holderId: r.holderId, holderName: names.get(r.holderId) ?? r.holderId,
      purpose: r.purpose, issuedAt: r.issuedAt, issuedBy: names.get(r.issuedBy) ?? r.issuedBy, acknowledgedAt: upTo(r.acknowledgedAt), dueAt: r.dueAt,
      returnedAt: upTo(r.returnedAt), condition: upTo(r.returnedAt) ? r.condition : null, overdueAt: upTo(r.overdueAt),
    }));
    return { q, page: { items, total, page: q.page, pageSize: q.pageSize } };
  }

  /** The copy journal (R-4.1c). */
  async copies(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CopyRow> }> {
    requireRole(actor, READERS);
    const q = parseBody(copyQuerySchema, query);
    const where: FilterQuery<CopyRecord> = { schoolId: actor.schoolId, ...(q.originalId ? { originalId: q.originalId } : {}), ...(q.at ? { madeAt: { $lte: new Date(q.at).toISOString() } } : {}) };
    const [rows, total] = await this.em().findAndCount(CopyRecord, where, { orderBy: orderOf(q, ['madeAt', 'originalRegNumber', 'copyNumber'], 'madeAt') as never, ...this.paging(q) });
    const names = await this.names(actor.schoolId);
    const items: CopyRow[] = rows.map(({ schoolId: _school, ...r }) => ({ ...r, madeBy: names.get(r.madeBy) ?? r.madeBy }));
    return { q, page: { items, total, page: q.page, pageSize: q.pageSize } };
  }

  /**
   * The carriers register: who holds which classified document, copy or medium —
   * now, or at any past moment, folded from the hash-chained history itself.
   */
  async carriers(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CarrierRow> }> {
    requireRole(actor, READERS);
    const q = parseBody(carrierQuerySchema, query);
    const at = q.at ? new Date(q.at).toISOString() : this.rt.clock.now().toISOString();
    const names = await this.names(actor.schoolId);
    const held = await this.holdersAt(actor.schoolId, at);
    const docs = await this.em().find(DocumentRecord, { schoolId: actor.schoolId, id: { $in: [...held.keys()] } });
    const rows: CarrierRow[] = docs
      .map((d) => ({ d, h: held.get(d.id)! }))
      .filter(({ h }) => isRestricted(h.classification))
      .map(({ d, h }) => ({ itemType: d.copyOf ? 'copy' : 'document', itemId: d.id, label: `${d.regNumber} ${d.title}`, classification: h.classification!, holderId: h.holderId, holderName: names.get(h.holderId) ?? h.holderId, since: h.since }));
    const media = await this.em().find(Media, { schoolId: actor.schoolId, registeredAt: { $lte: at } });
    for (const m of media) rows.push({ itemType: 'media', itemId: m.id, label: m.label, classification: m.classification, holderId: m.holderId, holderName: names.get(m.holderId) ?? m.holderId, since: m.registeredAt });
    rows.sort((a, b) => a.since.localeCompare(b.since) || a.itemId.localeCompare(b.itemId));
    const start = q.format === 'csv' ? 0 : (q.page - 1) * q.pageSize;
    return { q, page: { items: q.format === 'csv' ? rows : rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize } };
  }

  /** Who held one document at a moment, from its history (the "state at date D" view). */
  async holderAt(actor: Actor, documentId: string, atRaw: unknown) {
    requireRole(actor, READERS);
    const at = parseBody(z.iso.datetime({ offset: true }), atRaw);
    const iso = new Date(at).toISOString();
    const events = await this.em().find(WorkflowEvent, { schoolId: actor.schoolId, instanceId: documentId, at: { $lte: iso } }, { orderBy: { seq: 'asc' } });
    if (!events.length) throw new GrifError('not_found', 'NOT_FOUND');
    const h = fold(events).get(documentId);
    return { at: iso, holderId: h?.holderId ?? null, state: h?.state ?? null, classification: h?.classification ?? null };
  }

  private async holdersAt(schoolId: string, at: string): Promise<Map<string, Holding>> {
    const events = await this.em().find(WorkflowEvent, { schoolId, at: { $lte: at }, type: { $in: FOLDED } }, { orderBy: { instanceId: 'asc', seq: 'asc' } });
    const all = fold(events);
    for (const [id, h] of all) if (!h.holderId) all.delete(id);
    return all as Map<string, Holding>;
  }

  private paging(q: ListQuery) {
    return q.format === 'csv' ? {} : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  }
}

interface Holding {
  holderId: string;
  classification: Classification | null;
  since: string;
}

const FOLDED = ['CREATE', 'CLASSIFY', 'RECLASSIFY', 'ISSUE', 'RETURN', 'REPORT_LOSS', 'DISPATCH'];

interface AsAt {
  state: string;
  holderId: string | null;
  classification: Classification | null;
  since: string;
}

function documentRow(d: DocumentRecord): DocumentRow {
  return {
    id: d.id, regNumber: d.regNumber, regYear: d.regYear, direction: d.direction, kind: d.kind, title: d.title, correspondent: d.correspondent,
    documentDate: d.documentDate, state: d.state, classification: d.classification, holderId: d.holderId, dueAt: d.dueAt,
    copyOf: d.copyOf, copyNumber: d.copyNumber || null, createdAt: d.createdAt,
  };
}

/** Replays the history: the state each event left, the mark, and custody (ISSUE hands over; RETURN, loss and dispatch end it). */
function fold(events: WorkflowEvent[]): Map<string, AsAt> {
  const state = new Map<string, AsAt>();
  for (const e of events) {
    const cur = state.get(e.instanceId) ?? { state: e.toState, holderId: null, classification: null, since: e.at };
    cur.state = e.toState;
    const p = JSON.parse(e.payload) as { classification?: Classification; holderId?: string; copy?: { classification: Classification | null } };
    if (e.type === 'CREATE') cur.classification = p.copy?.classification ?? null;
    if (e.type === 'CLASSIFY' || e.type === 'RECLASSIFY') cur.classification = p.classification ?? null;
    if (e.type === 'ISSUE') Object.assign(cur, { holderId: p.holderId, since: e.at });
    if (e.type === 'RETURN' || e.type === 'REPORT_LOSS' || e.type === 'DISPATCH') Object.assign(cur, { holderId: null, since: e.at });
    state.set(e.instanceId, cur);
  }
  return state;
}
