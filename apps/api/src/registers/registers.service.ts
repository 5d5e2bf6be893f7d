import { Injectable } from '@nestjs/common';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Actor, GrifError, hasRole, RECORDS_WIDE_ROLES } from '@grif/domain';
import type { CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import { documentListQuerySchema, listQuerySchema } from '@grif/contracts';
import { CopyRecord, DocumentRecord, IssueRecord, Media, WorkflowEvent } from '@grif/persistence';
import { PeopleDirectory } from '../records/people-directory';
import { GrifRuntime } from '@grif/runtime';
import { z } from 'zod';
import { carriersAt, CUSTODY_EVENTS, documentAsAt, foldHistory, holdingsOf, issueLineAsAt, registrationLineAsAt, type HistoryEvent } from '@grif/workflows';
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
    const asAt = foldHistory(historyEvents(await this.em().find(WorkflowEvent, { schoolId: actor.schoolId, at: { $lte: at } }, { orderBy: { instanceId: 'asc', seq: 'asc' } })));
    const rows = (await this.em().find(DocumentRecord, where, { orderBy: { regYear: 'asc', direction: 'asc', regSeq: 'asc', copyNumber: 'asc' } }))
      .map((d) => registrationLineAsAt(documentRow(d), asAt))
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
    const items: IssueRow[] = rows.map((line) => {
      const r = issueLineAsAt(line, at);
      return {
        id: r.id, documentId: r.documentId, regNumber: r.regNumber, classification: r.classification, holderId: r.holderId, holderName: names.get(r.holderId) ?? r.holderId,
        purpose: r.purpose, issuedAt: r.issuedAt, issuedBy: names.get(r.issuedBy) ?? r.issuedBy, acknowledgedAt: r.acknowledgedAt, dueAt: r.dueAt,
        returnedAt: r.returnedAt, condition: r.condition, overdueAt: r.overdueAt,
      };
    });
    return { q, page: { items, total, page: q.page, pageSize: q.pageSize } };
  }

  /** The copy journal (R-4.1c). */
  async copies(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CopyRow> }> {
    requireRole(actor, READERS);
    const q = parseBody(copyQuerySchema, query);
    const where: FilterQuery<CopyRecord> = { schoolId: actor.schoolId, ...(q.originalId ? { originalId: q.originalId } : {}), ...(q.at ? { madeAt: { $lte: new Date(q.at).toISOString() } } : {}) };
    const [rows, total] = await this.em().findAndCount(CopyRecord, where, { orderBy: orderOf(q, ['madeAt', 'originalRegNumber', 'copyNumber'], 'madeAt') as never, ...this.paging(q) });
    const names = await this.names(actor.schoolId);
    const items: CopyRow[] = rows.map((r) => ({ ...r, madeBy: names.get(r.madeBy) ?? r.madeBy }));
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
    const held = holdingsOf(historyEvents(await this.em().find(WorkflowEvent, { schoolId: actor.schoolId, at: { $lte: at }, type: { $in: [...CUSTODY_EVENTS] } }, { orderBy: { instanceId: 'asc', seq: 'asc' } })));
    const docs = await this.em().find(DocumentRecord, { schoolId: actor.schoolId, id: { $in: [...held.keys()] } });
    const media = await this.em().find(Media, { schoolId: actor.schoolId, registeredAt: { $lte: at } });
    const rows: CarrierRow[] = carriersAt(held, docs, media).map((c) => ({
      itemType: c.itemType, itemId: c.itemId, label: c.label, classification: c.classification, holderId: c.holderId, holderName: names.get(c.holderId) ?? c.holderId, since: c.since,
    }));
    const start = q.format === 'csv' ? 0 : (q.page - 1) * q.pageSize;
    return { q, page: { items: q.format === 'csv' ? rows : rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize } };
  }

  /** Who held one document at a moment, from its history (the "state at date D" view). */
  async holderAt(actor: Actor, documentId: string, atRaw: unknown) {
    requireRole(actor, READERS);
    const at = parseBody(z.iso.datetime({ offset: true }), atRaw);
    const iso = new Date(at).toISOString();
    const events = await this.em().find(WorkflowEvent, { schoolId: actor.schoolId, instanceId: documentId, at: { $lte: iso } }, { orderBy: { seq: 'asc' } });
    const h = documentAsAt(historyEvents(events), documentId);
    if (!h) throw new GrifError('not_found', 'NOT_FOUND');
    return { at: iso, ...h };
  }

  private paging(q: ListQuery) {
    return q.format === 'csv' ? {} : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
  }
}

function documentRow(d: DocumentRecord): DocumentRow {
  return {
    id: d.id, regNumber: d.regNumber, regYear: d.regYear, direction: d.direction, kind: d.kind, title: d.title, correspondent: d.correspondent,
    documentDate: d.documentDate, state: d.state, classification: d.classification, holderId: d.holderId, dueAt: d.dueAt,
    copyOf: d.copyOf, copyNumber: d.copyNumber || null, createdAt: d.createdAt,
  };
}

const historyEvents = (rows: WorkflowEvent[]): HistoryEvent[] => rows.map((e) => ({ instanceId: e.instanceId, type: e.type, payload: JSON.parse(e.payload), at: e.at, toState: e.toState }));
