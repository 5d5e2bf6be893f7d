import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { Actor, GrifError, hasRole, RECORDS_WIDE_ROLES } from '@grif/domain';
import type { CabinetItemRow, CarrierRow, CopyRow, DocumentRow, IssueRow, Page } from '@grif/contracts';
import {
  cabinetQuerySchema,
  carrierQuerySchema,
  copyQuerySchema,
  documentListQuerySchema,
  issueQuerySchema,
  registrationQuerySchema,
} from '@grif/contracts';
import { CLOCK, type Clock, WorkflowEngine } from '@grif/engine';
import {
  journalOrder,
  MediaRepository,
  Order,
  Paging,
  PeopleRepository,
  RegisterQueries,
  RegisterSnapshots,
  StorageRepository,
} from '@grif/persistence';
import {
  cabinetContentsAt,
  type Carrier,
  carriersAt,
  CARRIER_RULE,
  CUSTODY_EVENTS,
  isCarrier,
  documentAsAt,
  foldHistory,
  issueLineAsAt,
  registrationLineAsAt,
  type RegistrationLine,
} from '@grif/workflows';
import { parseBody } from '../http/zod-body';

/**
 * How many documents whose mark or keeping changed after the moment a carriers' page folds one by one; past it
 * (a moment long ago, a mass reclassification since) the whole fold from the snapshots is the cheaper.
 */
const FOLDED_CARRIERS_AT_MOST = 500;

/** Any register's query; `format` csv or pdf asks for every row. */
type ListQuery = z.infer<typeof carrierQuerySchema>;
type DocumentQuery = z.infer<typeof registrationQuerySchema>;
const whole = (q: ListQuery) => q.format !== 'json';

const DOCUMENT_SORTS = ['regNumber', 'createdAt', 'title', 'state', 'classification', 'documentDate', 'dueAt'] as const;
const ISSUE_SORTS = ['issuedAt', 'dueAt', 'returnedAt', 'regNumber'] as const;

/** The chosen column (or the fallback) then the id, so equal keys page stably; a journal number is unique by itself. */
function orderOf<T>(q: ListQuery, allowed: readonly string[], fallback: string): Order<T> {
  const key = q.sort && allowed.includes(q.sort) ? q.sort : fallback;
  // The id runs the same way as the key, so one index (key, id) serves both directions (issue 12).
  return { [key]: q.order, ...(key === 'regNumber' ? {} : { id: q.order }) } as Order<T>;
}

/** A cabinet's name, its room's, and whether the room is secure. */
interface CabinetName {
  cabinetName: string;
  roomName: string;
  secureRoom: boolean;
}

/** The rows of the page asked for. */
const pageWindow = (q: ListQuery): Required<Paging> => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
const paging = (q: ListQuery): Paging => (whole(q) ? {} : pageWindow(q));
/** A page of rows already in memory; a CSV or PDF export takes them all. */
const pageOf = <T>(q: ListQuery, rows: T[]): Page<T> => {
  const start = whole(q) ? 0 : (q.page - 1) * q.pageSize;
  return {
    items: whole(q) ? rows : rows.slice(start, start + q.pageSize),
    total: rows.length,
    page: q.page,
    pageSize: q.pageSize,
  };
};
/**
 * Rows folded in memory, sorted by the column asked for when it is one of `allowed`; a registration
 * number sorts in journal order (year, direction, number, copy: `journalRank`), not as text.
 */
function sortedBy<T extends { itemId: string }>(
  q: ListQuery,
  rows: T[],
  allowed: readonly (keyof T & string)[],
  journalRank: ReadonlyMap<string, number>,
): T[] {
  const key = allowed.find((k) => k === q.sort);
  const text = (v: unknown) => (v == null ? '' : String(v));
  const rank = (r: T) => journalRank.get(r.itemId) ?? Number.MAX_SAFE_INTEGER;
  if (key === 'regNumber') rows.sort((a, b) => rank(a) - rank(b));
  else if (key) rows.sort((a, b) => text(a[key]).localeCompare(text(b[key]), 'ru', { numeric: true }));
  return q.order === 'desc' ? rows.reverse() : rows;
}
const journalRankOf = (docs: readonly { id: string }[]) => new Map(docs.map((d, i) => [d.id, i]));
const isoOf = (at: string) => new Date(at).toISOString();
/** The school calendar day of an instant: appointments run by Bishkek dates. */
const bishkekDay = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Bishkek' }).toISODate()!;

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
    private readonly snapshots: RegisterSnapshots,
    private readonly media: MediaRepository,
    private readonly people: PeopleRepository,
    private readonly storage: StorageRepository,
    private readonly engine: WorkflowEngine,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Registration journal and document lists; staff see only what is issued to them now. The document
   * list takes json or csv; the journal (`registrationQuerySchema`) a pdf too.
   */
  async documents(
    actor: Actor,
    query: unknown,
    schema: typeof documentListQuerySchema | typeof registrationQuerySchema = documentListQuerySchema,
  ): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const q = parseBody(schema as z.ZodType<DocumentQuery>, query);
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
    q: DocumentQuery,
    at: string,
  ): Promise<{ q: ListQuery; page: Page<DocumentRow> }> {
    const wide = hasRole(actor, ...RECORDS_WIDE_ROLES) && !q.mine;
    const key = (
      q.sort && (DOCUMENT_SORTS as readonly string[]).includes(q.sort) && q.sort !== 'regNumber' ? q.sort : undefined
    ) as keyof DocumentRow | undefined;
    if (wide && !whole(q) && !key && !q.holderId && !q.state && !q.classification && !q.q)
      return { q, page: await this.documentsPageAt(actor.schoolId, q, at) };
    // From the latest register snapshot before `at` and the events after it, not from the first event (issue 12).
    const asAt = await this.snapshots.asAt(actor.schoolId, at, 'all');
    const rows = (await this.registers.registeredBy(actor.schoolId, at, { regYear: q.year, direction: q.direction }))
      .map((d) => registrationLineAsAt(documentRow(d), asAt))
      .filter((d) => (wide ? !q.holderId || d.holderId === q.holderId : d.holderId === actor.userId))
      .filter((d) => (!q.state || d.state === q.state) && (!q.classification || d.classification === q.classification))
      .filter((d) => !q.q || [d.title, d.regNumber, d.correspondent].some((v) => v.includes(q.q!)));
    if (key) rows.sort((a, b) => String(a[key] ?? '').localeCompare(String(b[key] ?? '')));
    if (q.order === 'desc') rows.reverse();
    return { q, page: pageOf(q, rows) };
  }

  /**
   * A page of the journal as at a moment when nothing filters or sorts by what the history says: the page is
   * the journal's own, and only its lines' histories are folded (issue 12: a school's whole fold was most of
   * the request). Each line's fold is its own events', so the answer is the whole fold's.
   */
  private async documentsPageAt(schoolId: string, q: DocumentQuery, at: string): Promise<Page<DocumentRow>> {
    const f = { regYear: q.year, direction: q.direction };
    const { lines, total } = await this.registers.registeredByPage(schoolId, at, f, q.order, pageWindow(q));
    const ids = lines.map((d) => d.id);
    const history = foldHistory(await this.registers.historiesUpTo(schoolId, ids, at));
    const items = lines.map((d) => registrationLineAsAt(documentRow(d), history));
    return { items, total, page: q.page, pageSize: q.pageSize };
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
      { originalId: q.originalId, originalRegNumber: q.of || undefined, madeUpTo: q.at ? isoOf(q.at) : undefined },
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
   * The carriers register, now or at any past moment, folded from the hash-chained history:
   * every document and copy under a restricted mark still in the school's keeping, and every
   * registered medium, each with its custodian and place (docs/carriers.md).
   */
  async carriers(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CarrierRow> }> {
    const q = parseBody(carrierQuerySchema, query);
    const at = q.at ? isoOf(q.at) : this.clock.now().toISOString();
    const inOrder = !whole(q) && q.order === 'asc' && (!q.sort || q.sort === 'regNumber');
    // Reads that do not depend on each other, side by side (PostgreSQL answers each on a connection of its own).
    const [names, cabinets, appointed, media, paged] = await Promise.all([
      this.people.namesOf(actor.schoolId),
      this.cabinetNames(actor.schoolId),
      // what is not out with someone is in the custody of the records clerk in office.
      this.registers.appointedOn(actor.schoolId, 'records_clerk', bishkekDay(at)),
      this.media.registeredBy(actor.schoolId, at),
      inOrder ? this.carrierDocumentsPageAt(actor.schoolId, at, q) : null,
    ]);
    const nameOf = (id: string | null) => (id ? (names.get(id) ?? id) : null);
    const clerk = appointed[0] ?? null;
    const toRow = (c: Carrier): CarrierRow => {
      const custodianId = c.holderId ?? clerk;
      const cab = c.place.kind === 'cabinet' || c.place.kind === 'issued' ? c.homeCabinetId : null;
      const named = cab ? cabinets.get(cab) : undefined;
      return {
        itemType: c.itemType,
        itemId: c.itemId,
        regNumber: c.regNumber,
        label: c.label,
        classification: c.classification,
        state: c.state,
        custodianId,
        custodianName: nameOf(custodianId),
        holderId: c.holderId,
        holderName: nameOf(c.holderId),
        placeKind: c.place.kind,
        location: c.place.kind === 'location' ? c.place.text : null,
        cabinetId: cab,
        cabinetName: named?.cabinetName ?? null,
        roomName: named?.roomName ?? null,
        secureRoom: named?.secureRoom ?? null,
        since: c.since,
      };
    };
    if (paged) {
      // The media come after the documents: this page's share of them.
      const fromMedia = Math.max(0, pageWindow(q).offset - paged.total);
      const held = carriersAt(new Map(), [], media).slice(fromMedia, fromMedia + q.pageSize - paged.documents.length);
      const items = [...paged.documents, ...held].map(toRow);
      return { q, page: { items, total: paged.total + media.length, page: q.page, pageSize: q.pageSize } };
    }
    const history = await this.snapshots.asAt(actor.schoolId, at, 'custody');
    const docs = await this.registers.registeredBy(actor.schoolId, at, {});
    const rows = carriersAt(history, docs, media).map(toRow);
    const sortable = ['regNumber', 'itemType', 'classification', 'custodianName', 'placeKind', 'since'] as const;
    return { q, page: pageOf(q, sortedBy(q, rows, sortable, journalRankOf(docs))) };
  }

  /**
   * The documents of a page of the carriers as at a moment, in the register's own order (the journal's; the media
   * come after them), and how many documents there are in all, reading only that page's lines (issue 12: the
   * school's whole fold was most of the request). Whether a document was a carrier then is what its line says now,
   * unless its mark or keeping changed after the moment: those few are folded. Null when too many did: the whole
   * fold answers.
   */
  private async carrierDocumentsPageAt(
    schoolId: string,
    at: string,
    q: ListQuery,
  ): Promise<{ documents: Carrier[]; total: number } | null> {
    // One view of the database: a mark given after the moment and committed between two reads would be in a line
    // without its document among those folded.
    return this.registers.inOneSnapshot(async (reads) => {
      const changed = await reads.changedAfter(schoolId, at, FOLDED_CARRIERS_AT_MOST);
      if (!changed) return null;
      const foldedChanged = foldHistory(await reads.historiesUpTo(schoolId, changed, at, CUSTODY_EVENTS));
      const folded = new Map(changed.map((id) => [id, isCarrier(foldedChanged.get(id))]));
      const carriers = { ...CARRIER_RULE, folded };
      const { lines, total } = await reads.registeredByPage(schoolId, at, {}, 'asc', pageWindow(q), carriers);
      // The lines already folded are not read again.
      const rest = lines.map((d) => d.id).filter((id) => !folded.has(id));
      const history = foldHistory(await reads.historiesUpTo(schoolId, rest, at, CUSTODY_EVENTS), foldedChanged);
      return { documents: carriersAt(history, lines, []), total };
    });
  }

  /**
   * What each cabinet holds (or one, with `cabinetId`), every mark included: the documents and
   * copies whose place is that cabinet, lying there or out with a holder; now or at a past moment.
   */
  async cabinets(actor: Actor, query: unknown): Promise<{ q: ListQuery; page: Page<CabinetItemRow> }> {
    const q = parseBody(cabinetQuerySchema, query);
    const at = q.at ? isoOf(q.at) : this.clock.now().toISOString();
    const cabinets = await this.cabinetNames(actor.schoolId);
    if (q.cabinetId && !cabinets.has(q.cabinetId)) throw new GrifError('not_found', 'NOT_FOUND');
    const names = await this.people.namesOf(actor.schoolId);
    const history = await this.snapshots.asAt(actor.schoolId, at, 'custody');
    const docs = await this.registers.registeredBy(actor.schoolId, at, {});
    const rows: CabinetItemRow[] = cabinetContentsAt(history, docs)
      .filter((c) => !q.cabinetId || c.cabinetId === q.cabinetId)
      .flatMap((c) => {
        const named = cabinets.get(c.cabinetId);
        if (!named) return [];
        return [
          {
            cabinetId: c.cabinetId,
            ...named,
            itemType: c.itemType,
            itemId: c.itemId,
            regNumber: c.regNumber,
            label: c.label,
            classification: c.classification,
            state: c.state,
            present: c.present,
            holderId: c.holderId,
            holderName: c.holderId ? (names.get(c.holderId) ?? c.holderId) : null,
            since: c.since,
          },
        ];
      });
    // By room, then cabinet, then journal number (the fold's order; the sort is stable), unless sorted otherwise.
    rows.sort((a, b) => a.roomName.localeCompare(b.roomName) || a.cabinetName.localeCompare(b.cabinetName));
    const sortable = ['regNumber', 'classification', 'state', 'present', 'holderName', 'since'] as const;
    return { q, page: pageOf(q, sortedBy(q, rows, sortable, journalRankOf(docs))) };
  }

  private async cabinetNames(schoolId: string): Promise<Map<string, CabinetName>> {
    const out = new Map<string, CabinetName>();
    for (const room of await this.storage.rooms(schoolId))
      for (const c of room.cabinets)
        out.set(c.id, { cabinetName: c.name, roomName: room.name, secureRoom: room.secure });
    return out;
  }

  /** Who held one document at a moment, from its history (the "state at date D" view). */
  async holderAt(actor: Actor, documentId: string, atRaw: unknown) {
    const iso = isoOf(parseBody(z.iso.datetime({ offset: true }), atRaw));
    // a document's route answers for documents only: a breach case's id must not give its state away.
    const { instance } = await this.engine.view(actor, documentId);
    if (instance.machineId !== 'document') throw new GrifError('not_found', 'NOT_FOUND');
    const h = documentAsAt(await this.registers.historiesUpTo(actor.schoolId, [documentId], iso), documentId);
    if (!h) throw new GrifError('not_found', 'NOT_FOUND');
    return { at: iso, ...h };
  }
}
