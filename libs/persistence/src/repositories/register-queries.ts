import { IsolationLevel, raw, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/knex';
import type { Role } from '@grif/domain';
import { type CopyLine, type HistoryEvent, type IssueLine, type RegistrationLine } from '@grif/workflows';
import { Appointment, CopyRecord, DocumentRecord, IssueRecord, WorkflowEvent } from '../entities';
import type { WriteTransactions } from '../write-transactions';
import { inList, RawSql } from '../raw-sql';

export type SortDirection = 'asc' | 'desc';
/** Column → direction, in order of precedence. */
export type Order<T> = Partial<Record<keyof T & string, SortDirection>>;
/** No limit: the whole register (a CSV export). */
export interface Paging {
  limit?: number;
  offset?: number;
}

export type IssueEntry = IssueLine & {
  id: string;
  acknowledgedAt: string | null;
  returnedAt: string | null;
  condition: string | null;
  overdueAt: string | null;
};
export type CopyEntry = CopyLine & { id: string; purpose: string; copyRegNumber: string };

/** Filters of the document lists; `text` is looked for in the title, the number and the correspondent. */
export interface DocumentFilter {
  holderId?: string;
  regYear?: number;
  direction?: string;
  state?: string;
  classification?: string;
  text?: string;
}

/** Filters of the copy journal: by the original (its id or its registration number), by the copies' numbers, up to a moment. */
export interface CopyFilter {
  originalId?: string;
  originalRegNumber?: string;
  copyNumbers?: { from: number; to: number };
  madeUpTo?: string;
}

/** Filters of the issue journal; with `at`, the lines issued by then, judged by what had happened to them by then. */
export interface IssueFilter {
  holderId?: string;
  documentId?: string;
  status?: 'open' | 'overdue' | 'returned';
  at?: string;
}

/** The journal order: year, direction, number, copy number. */
export const journalOrder = (d: SortDirection): Order<RegistrationLine> => ({
  regYear: d,
  direction: d,
  regSeq: d,
  copyNumber: d,
});

const registrationLine = (d: DocumentRecord): RegistrationLine => ({
  id: d.id,
  schoolId: d.schoolId,
  regYear: d.regYear,
  direction: d.direction,
  regSeq: d.regSeq,
  regNumber: d.regNumber,
  kind: d.kind,
  title: d.title,
  correspondent: d.correspondent,
  documentDate: d.documentDate,
  state: d.state,
  createdAt: d.createdAt,
  classification: d.classification,
  holderId: d.holderId,
  dueAt: d.dueAt,
  location: d.location,
  fileId: d.fileId,
  copyOf: d.copyOf,
  copyNumber: d.copyNumber,
});

/** A registration line's columns, as `documents` names them. */
const REGISTRATION_COLUMNS = `id, school_id, reg_year, direction, reg_seq, reg_number, kind, title, correspondent,
  document_date, "state", created_at, classification, holder_id, due_at, location, file_id, copy_of, copy_number`;
interface RegistrationRow {
  id: string;
  school_id: string;
  reg_year: number;
  direction: string;
  reg_seq: number;
  reg_number: string;
  kind: string;
  title: string;
  correspondent: string;
  document_date: string;
  state: string;
  created_at: string;
  classification: string | null;
  holder_id: string | null;
  due_at: string | null;
  location: string | null;
  file_id: string | null;
  copy_of: string | null;
  copy_number: number;
}
const registrationLineOf = (r: RegistrationRow): RegistrationLine => ({
  id: r.id,
  schoolId: r.school_id,
  regYear: Number(r.reg_year),
  direction: r.direction,
  regSeq: Number(r.reg_seq),
  regNumber: r.reg_number,
  kind: r.kind,
  title: r.title,
  correspondent: r.correspondent,
  documentDate: r.document_date,
  state: r.state,
  createdAt: r.created_at,
  classification: r.classification,
  holderId: r.holder_id,
  dueAt: r.due_at,
  location: r.location,
  fileId: r.file_id,
  copyOf: r.copy_of,
  copyNumber: Number(r.copy_number),
});

const historyEvent = (e: WorkflowEvent): HistoryEvent => ({
  instanceId: e.instanceId,
  type: e.type,
  payload: JSON.parse(e.payload),
  at: e.at,
  toState: e.toState,
});

/** An event of `workflow_events` as plain SQL reads it. */
export interface HistoryRow {
  instance_id: string;
  type: string;
  payload: string;
  at: string;
  to_state: string;
}
export const historyEventOf = (e: HistoryRow): HistoryEvent => ({
  instanceId: e.instance_id,
  type: e.type,
  payload: JSON.parse(e.payload),
  at: e.at,
  toState: e.to_state,
});

/**
 * Which documents were carriers (R-3) at a moment. Those whose mark or keeping has not changed since, by their
 * line's own columns: a mark among `restrictedMarks`, a state not among `goneStates` (`CARRIER_RULE`, the rule
 * `isCarrier` applies to a fold). The others by their fold: `folded`, each one's id and whether it was a carrier.
 */
export interface CarrierLines {
  restrictedMarks: readonly string[];
  goneStates: readonly string[];
  folded: ReadonlyMap<string, boolean>;
}

/** `like`'s wildcards and its escape character (`\`, named in each `escape` clause) as plain characters. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The documents registered by a moment, of a year and direction if given, only carriers if asked. */
function registeredWhere(
  schoolId: string,
  at: string,
  f: Pick<DocumentFilter, 'regYear' | 'direction'>,
  carriers?: CarrierLines,
): { where: string; params: unknown[] } {
  const where = [`school_id = ? and created_at <= ?`];
  const params: unknown[] = [schoolId, at];
  if (f.regYear) {
    where.push('reg_year = ?');
    params.push(f.regYear);
  }
  if (f.direction) {
    where.push('direction = ?');
    params.push(f.direction);
  }
  if (carriers) {
    const folded = [...carriers.folded.keys()];
    const members = folded.filter((id) => carriers.folded.get(id));
    const unchanged = `classification in ${inList(carriers.restrictedMarks.length)} and "state" not in ${inList(carriers.goneStates.length)}`;
    where.push(
      `((${folded.length ? `id not in ${inList(folded.length)} and ` : ''}${unchanged})${members.length ? ` or id in ${inList(members.length)}` : ''})`,
    );
    params.push(...folded, ...carriers.restrictedMarks, ...carriers.goneStates, ...members);
  }
  return { where: where.join(' and '), params };
}
/** `journalOrder` in SQL: a line's place in the journal is unique, so a page of it is stable. */
const journalOrderSql = (d: SortDirection) => `reg_year ${d}, direction ${d}, reg_seq ${d}, copy_number ${d}`;

/** The registers the Regulation names (R-3, R-4.1): the journals as projected, and the history they are folded from. */
export class RegisterQueries {
  /** `snapshot`: the transaction whose one view of the database every plain-SQL read below sees. */
  constructor(
    private readonly tx: WriteTransactions,
    private readonly snapshot?: EntityManager,
  ) {}

  /**
   * `work` reading one unchanging view of the database (a read-only REPEATABLE READ transaction on PostgreSQL; a
   * SQLite transaction is one already): for answers put together from several reads that must agree.
   */
  async inOneSnapshot<T>(work: (reads: RegisterQueries) => Promise<T>): Promise<T> {
    const options =
      this.tx.kind === 'postgresql' ? { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true } : {};
    return (this.tx.reader() as EntityManager).transactional((em) => work(new RegisterQueries(this.tx, em)), options);
  }

  async documents(
    schoolId: string,
    f: DocumentFilter,
    order: Order<RegistrationLine>,
    paging: Paging,
  ): Promise<{ lines: RegistrationLine[]; total: number }> {
    const where: FilterQuery<DocumentRecord> = { schoolId };
    if (f.holderId) where.holderId = f.holderId;
    if (f.regYear) where.regYear = f.regYear;
    if (f.direction) where.direction = f.direction;
    if (f.state) where.state = f.state;
    if (f.classification) where.classification = f.classification;
    if (f.text) {
      // What the person typed, found as typed: a `%` or `_` in it is that character, not a wildcard.
      const like = `%${escapeLike(f.text)}%`;
      where.$or = ['title', 'reg_number', 'correspondent'].map((column) => ({
        [raw((alias) => `${alias}.${column} like ? escape '\\'`, [like])]: [],
      }));
    }
    const [rows, total] = await this.tx
      .reader()
      .findAndCount(DocumentRecord, where, { orderBy: order as never, ...paging });
    return { lines: rows.map(registrationLine), total };
  }

  /**
   * Every document registered by that moment, in journal order. Plain SQL, no entities: an "as at" register
   * reads the whole school (20,000 lines at bench:scale), and the ORM's hydration of as many entities was most of
   * its time.
   */
  async registeredBy(
    schoolId: string,
    at: string,
    f: Pick<DocumentFilter, 'regYear' | 'direction'>,
  ): Promise<RegistrationLine[]> {
    const { where, params } = registeredWhere(schoolId, at, f);
    const rows = await this.sql().rows<RegistrationRow>(
      `select ${REGISTRATION_COLUMNS} from documents where ${where} order by ${journalOrderSql('asc')}`,
      params,
    );
    return rows.map(registrationLineOf);
  }

  /**
   * One page of the documents registered by that moment, in journal order (or its reverse), and how many there
   * are in all: an "as at" journal whose filters and order need nothing from the history reads only its page.
   */
  async registeredByPage(
    schoolId: string,
    at: string,
    f: Pick<DocumentFilter, 'regYear' | 'direction'>,
    order: SortDirection,
    paging: Required<Paging>,
    carriers?: CarrierLines,
  ): Promise<{ lines: RegistrationLine[]; total: number }> {
    const { where, params } = registeredWhere(schoolId, at, f, carriers);
    const sql = this.sql();
    // A carriers' page names the documents folded: as many placeholders as there are, not a named statement.
    const oneOff = Boolean(carriers?.folded.size);
    const [{ n }] = await sql.rows<{ n: number }>(`select count(*) as n from documents where ${where}`, params, {
      oneOff,
    });
    const rows = await sql.rows<RegistrationRow>(
      `select ${REGISTRATION_COLUMNS} from documents where ${where} order by ${journalOrderSql(order)} limit ? offset ?`,
      [...params, paging.limit, paging.offset],
      { oneOff },
    );
    return { lines: rows.map(registrationLineOf), total: Number(n) };
  }

  /**
   * The documents registered by `at` whose mark or keeping changed after it (an event of `CARRIER_EVENTS` later than
   * `at`: their line's `marked_at`, the latest such moment), at most `limit` of them (more: null): the few a register
   * as at that moment cannot take from their lines.
   */
  async changedAfter(schoolId: string, at: string, limit: number): Promise<string[] | null> {
    const rows = await this.sql().rows<{ id: string }>(
      `select id from documents where school_id = ? and created_at <= ? and marked_at > ? limit ?`,
      [schoolId, at, at, limit + 1],
    );
    return rows.length > limit ? null : rows.map((r) => r.id);
  }

  private sql(): RawSql {
    return new RawSql(this.snapshot ?? (this.tx.reader() as EntityManager));
  }

  async documentsByIds(schoolId: string, ids: string[]): Promise<RegistrationLine[]> {
    return (await this.tx.reader().find(DocumentRecord, { schoolId, id: { $in: ids } })).map(registrationLine);
  }

  /** The issue journal (R-4.2.1). */
  async issues(
    schoolId: string,
    f: IssueFilter,
    order: Order<IssueEntry>,
    paging: Paging,
  ): Promise<{ lines: IssueEntry[]; total: number }> {
    const where: FilterQuery<IssueRecord> = { schoolId };
    if (f.holderId) where.holderId = f.holderId;
    if (f.documentId) where.documentId = f.documentId;
    const at = f.at;
    if (at) where.issuedAt = { $lte: at };
    const happened = at ? { $ne: null, $lte: at } : { $ne: null };
    if (f.status === 'open') where.$or = [{ returnedAt: null }, ...(at ? [{ returnedAt: { $gt: at } }] : [])];
    if (f.status === 'returned') where.returnedAt = happened;
    if (f.status === 'overdue') where.overdueAt = happened;
    const [rows, total] = await this.tx
      .reader()
      .findAndCount(IssueRecord, where, { orderBy: order as never, ...paging });
    return {
      lines: rows.map((r) => ({
        id: r.id,
        schoolId: r.schoolId,
        documentId: r.documentId,
        regNumber: r.regNumber,
        classification: r.classification,
        holderId: r.holderId,
        purpose: r.purpose,
        issuedAt: r.issuedAt,
        issuedBy: r.issuedBy,
        dueAt: r.dueAt,
        acknowledgedAt: r.acknowledgedAt,
        returnedAt: r.returnedAt,
        condition: r.condition,
        overdueAt: r.overdueAt,
      })),
      total,
    };
  }

  /** The copy journal (R-4.1c); with `madeUpTo`, only the copies made by that moment. */
  async copies(
    schoolId: string,
    f: CopyFilter,
    order: Order<CopyEntry>,
    paging: Paging,
  ): Promise<{ lines: CopyEntry[]; total: number }> {
    const where: FilterQuery<CopyRecord> = {
      schoolId,
      ...(f.originalId ? { originalId: f.originalId } : {}),
      ...(f.originalRegNumber ? { originalRegNumber: f.originalRegNumber } : {}),
      ...(f.copyNumbers ? { copyNumber: { $gte: f.copyNumbers.from, $lte: f.copyNumbers.to } } : {}),
      ...(f.madeUpTo ? { madeAt: { $lte: f.madeUpTo } } : {}),
    };
    const em = this.tx.reader();
    const [rows, total] = await em.findAndCount(CopyRecord, where, { orderBy: order as never, ...paging });
    const copies = rows.length
      ? await em.find(DocumentRecord, { schoolId, id: { $in: rows.map((r) => r.copyId) } }, { fields: ['regNumber'] })
      : [];
    const regNumbers = new Map(copies.map((d) => [d.id, d.regNumber]));
    return {
      lines: rows.map((r) => ({
        id: r.id,
        schoolId: r.schoolId,
        originalId: r.originalId,
        originalRegNumber: r.originalRegNumber,
        copyId: r.copyId,
        copyNumber: r.copyNumber,
        copyRegNumber: regNumbers.get(r.copyId) ?? '',
        purpose: r.purpose,
        madeBy: r.madeBy,
        madeAt: r.madeAt,
        classification: r.classification,
      })),
      total,
    };
  }

  /**
   * Who held a role by appointment on that school calendar day (R-2.3), the latest appointed first:
   * the records clerk in office answers for what lies in storage (R-4.2.6).
   */
  async appointedOn(schoolId: string, role: Role, day: string): Promise<string[]> {
    const rows = await this.tx
      .reader()
      .find(
        Appointment,
        { schoolId, role, validFrom: { $lte: day }, $or: [{ validUntil: null }, { validUntil: { $gte: day } }] },
        { orderBy: { validFrom: 'desc', createdAt: 'desc' } },
      );
    return [...new Set(rows.map((a) => a.userId))];
  }

  /** The school's history up to a moment, in instance and sequence order; only events of these types, if given. */
  async historyUpTo(schoolId: string, at: string, types?: readonly string[]): Promise<HistoryEvent[]> {
    const where: FilterQuery<WorkflowEvent> = {
      schoolId,
      at: { $lte: at },
      ...(types ? { type: { $in: [...types] } } : {}),
    };
    return (await this.tx.reader().find(WorkflowEvent, where, { orderBy: { instanceId: 'asc', seq: 'asc' } })).map(
      historyEvent,
    );
  }

  /** These instances' histories up to a moment, in instance and sequence order. Plain SQL, as `registeredBy`. */
  async historiesUpTo(
    schoolId: string,
    instanceIds: readonly string[],
    at: string,
    types?: readonly string[],
  ): Promise<HistoryEvent[]> {
    if (!instanceIds.length) return [];
    // By the instances alone, the school and the moment checked here: given `school_id` and `at` too, PostgreSQL
    // intersected the instances' index with the school's events up to the moment (76,000 entries at bench:scale's
    // district, 50 ms cold) for a page's 500 events (10 ms).
    const all = await this.sql().rows<HistoryRow & { school_id: string }>(
      `select school_id, instance_id, type, payload, at, to_state from workflow_events
       where instance_id in ${inList(instanceIds.length)} ${types ? `and type in ${inList(types.length)}` : ''}
       order by instance_id, seq`,
      [...instanceIds, ...(types ?? [])],
      // As many placeholders as the page has lines: not kept as a named statement.
      { oneOff: true },
    );
    return all.filter((e) => e.school_id === schoolId && e.at <= at).map(historyEventOf);
  }
}
