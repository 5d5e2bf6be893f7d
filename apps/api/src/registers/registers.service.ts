import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { Actor, GrifError, hasRole, RECORDS_WIDE_ROLES } from '@grif/domain';
import type { CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import { documentListQuerySchema, listQuerySchema } from '@grif/contracts';
import { CLOCK, type Clock } from '@grif/engine';
import { journalOrder, MediaRepository, Order, Paging, PeopleRepository, RegisterQueries } from '@grif/persistence';
import {
  carriersAt,
  CUSTODY_EVENTS,
  documentAsAt,
  foldHistory,
  holdingsOf,
  issueLineAsAt,
  registrationLineAsAt,
  type RegistrationLine,
} from '@grif/workflows';
import { parseBody } from '../http/zod-body';

type ListQuery = z.infer<typeof listQuerySchema>;

const DOCUMENT_SORTS = ['regNumber', 'createdAt', 'title', 'state', 'classification', 'documentDate', 'dueAt'] as const;
const ISSUE_SORTS = ['issuedAt', 'dueAt', 'returnedAt', 'regNumber'] as const;

/** The chosen column (or the fallback) then the id, so equal keys page stably; a journal number is unique by itself. */
function orderOf<T>(q: ListQuery, allowed: readonly string[], fallback: string): Order<T> {
  const key = q.sort && allowed.includes(q.sort) ? q.sort : fallback;
  return { [key]: q.order, ...(key === 'regNumber' ? {} : { id: 'asc' }) } as Order<T>;
}

const issueQuerySchema = listQuerySchema.extend({
  status: z.enum(['open', 'overdue', 'returned']).optional(),
  holderId: z.string().max(64).optional(),
  documentId: z.string().max(64).optional(),
});
const copyQuerySchema = listQuerySchema.extend({ originalId: z.string().max(64).optional() });
const carrierQuerySchema = listQuerySchema;

const paging = (q: ListQuery): Paging =>
  q.format === 'csv' ? {} : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
/** A page of rows already in memory; a CSV export takes them all. */
const pageOf = <T>(q: ListQuery, rows: T[]): Page<T> => {
  const start = q.format === 'csv' ? 0 : (q.page - 1) * q.pageSize;
  return {
    items: q.format === 'csv' ? rows : rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
};
const isoOf = (at: string) => new Date(at).toISOString();

function documentRow(d: RegistrationLine): DocumentRow {
  return {
    id: d.id,
    regNumber: d.regNumber,
    regYear: d.regYear,
    direction: d.direction,
    kind: d.kind,
    title: d.title,
    correspondent: d.correspondent,
    documentDate: d.documentDate,
    state: d.state,
    classification: d.classification,
    holderId: d.holderId,
    dueAt: d.dueAt,
    copyOf: d.copyOf,
    copyNumber: d.copyNumber || null,
    createdAt: d.createdAt,
  };
}

/** The registers the Regulation names, as read models over the same transactions. */
@Injectable()
export class RegistersService {
  constructor(
    private readonly registers: RegisterQueries,
    private readonly media: MediaRepository,
    private readonly people: PeopleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Registration journal and document lists; staff see only what is issued to them now. */
  async documents(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const q = parseBody(documentListQuerySchema, query);
    if (q.at) return this.documentsAt(actor, q, isoOf(q.at));
    const holderId = q.mine || !hasRole(actor, ...RECORDS_WIDE_ROLES) ? actor.userId : q.holderId;
    const order =
      q.sort === 'regNumber' ? journalOrder(q.order) : orderOf<RegistrationLine>(q, DOCUMENT_SORTS, 'createdAt');
    const { lines, total } = await this.registers.documents(
      actor.schoolId,
      {
        holderId,
        regYear: q.year,
        direction: q.direction,
        state: q.state,
        classification: q.classification,
        text: q.q,
      },
      order,
      paging(q),
    );
    return { q, page: { items: lines.map(documentRow), total, page: q.page, pageSize: q.pageSize } };
  }

  /**
   * The registration journal as it stood at a moment: documents registered by then, each with
   * the state, mark and holder its history gives for that moment.
   */
  private async documentsAt(
    actor: Actor,
    q: z.infer<typeof documentListQuerySchema>,
    at: string,
  ): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const wide = hasRole(actor, ...RECORDS_WIDE_ROLES) && !q.mine;
    const asAt = foldHistory(await this.registers.historyUpTo(actor.schoolId, at));
    const rows = (await this.registers.registeredBy(actor.schoolId, at, { regYear: q.year, direction: q.direction }))
      .map((d) => registrationLineAsAt(documentRow(d), asAt))
      .filter((d) => (wide ? !q.holderId || d.holderId === q.holderId : d.holderId === actor.userId))
      .filter((d) => (!q.state || d.state === q.state) && (!q.classification || d.classification === q.classification))
      .filter((d) => !q.q || [d.title, d.regNumber, d.correspondent].some((v) => v.includes(q.q!)));
    const key = (
      q.sort && (DOCUMENT_SORTS as readonly string[]).includes(q.sort) && q.sort !== 'regNumber' ? q.sort : undefined
    ) as keyof DocumentRow | undefined;
    if (key) rows.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
    if (q.order === 'desc') rows.reverse();
    return { q, page: pageOf(q, rows) };
  }

  /** The issue journal; as at a moment, the lines issued by then, with what had happened to them by then. */
  async issues(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<IssueRow> }> {
    const q = parseBody(issueQuerySchema, query);
    const at = q.at ? isoOf(q.at) : undefined;
    const { lines, total } = await this.registers.issues(
      actor.schoolId,
      { holderId: q.holderId, documentId: q.documentId, status: q.status, at },
      orderOf(q, ISSUE_SORTS, 'issuedAt'),
      paging(q),
    );
    const names = await this.people.namesOf(actor.schoolId);
    const items: IssueRow[] = lines.map((line) => {
      const r = issueLineAsAt(line, at);
      return {
        id: r.id,
        documentId: r.documentId,
        regNumber: r.regNumber,
        classification: r.classification,
        holderId: r.holderId,
        holderName: names.get(r.holderId) ?? r.holderId,
        purpose: r.purpose,
        issuedAt: r.issuedAt,
        issuedBy: names.get(r.issuedBy) ?? r.issuedBy,
        acknowledgedAt: r.acknowledgedAt,
        dueAt: r.dueAt,
        returnedAt: r.returnedAt,
        condition: r.condition,
        overdueAt: r.overdueAt,
      };
    });
    return { q, page: { items, total, page: q.page, pageSize: q.pageSize } };
  }

  /** The copy journal (R-4.1c). */
  async copies(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CopyRow> }> {
    const q = parseBody(copyQuerySchema, query);
    const { lines, total } = await this.registers.copies(
      actor.schoolId,
      { originalId: q.originalId, madeUpTo: q.at ? isoOf(q.at) : undefined },
      orderOf(q, ['madeAt', 'originalRegNumber', 'copyNumber'], 'madeAt'),
      paging(q),
    );
    const names = await this.people.namesOf(actor.schoolId);
    const items: CopyRow[] = lines.map(({ schoolId: _school, ...r }) => ({
      ...r,
      madeBy: names.get(r.madeBy) ?? r.madeBy,
    }));
    return { q, page: { items, total, page: q.page, pageSize: q.pageSize } };
  }

  /**
   * The carriers register: who holds which classified document, copy or medium —
   * now, or at any past moment, folded from the hash-chained history itself.
   */
  async carriers(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CarrierRow> }> {
    const q = parseBody(carrierQuerySchema, query);
    const at = q.at ? isoOf(q.at) : this.clock.now().toISOString();
    const names = await this.people.namesOf(actor.schoolId);
    const held = holdingsOf(await this.registers.historyUpTo(actor.schoolId, at, CUSTODY_EVENTS));
    const docs = await this.registers.documentsByIds(actor.schoolId, [...held.keys()]);
    const media = await this.media.registeredBy(actor.schoolId, at);
    const rows: CarrierRow[] = carriersAt(held, docs, media).map((c) => ({
      itemType: c.itemType,
      itemId: c.itemId,
      label: c.label,
      classification: c.classification,
      holderId: c.holderId,
      holderName: names.get(c.holderId) ?? c.holderId,
      since: c.since,
    }));
    return { q, page: pageOf(q, rows) };
  }

  /** Who held one document at a moment, from its history (the "state at date D" view). */
  async holderAt(actor: Actor, documentId: string, atRaw: unknown) {
    const iso = isoOf(parseBody(z.iso.datetime({ offset: true }), atRaw));
    const h = documentAsAt(await this.registers.instanceHistoryUpTo(actor.schoolId, documentId, iso), documentId);
    if (!h) throw new GrifError('not_found', 'NOT_FOUND');
    return { at: iso, ...h };
  }
}
