import { Injectable } from '@nestjs/common';
import { Actor, GrifError, hasRole, RECORDS_WIDE_ROLES } from '@grif/domain';
import type { DocumentView, EventAccepted, HistoryItem } from '@grif/contracts';
import { InstanceView, SendResult, WorkflowEngine } from '@grif/engine';
import { DocumentContext, documentRegistration } from '@grif/workflows';
import { destructionEligibleFrom } from '../records/records-office.service';
import { RegisterQueries } from '@grif/persistence';
import type { StatusAnswer } from '../http/answer-status';
import { checkEventRequest, EventRequest } from '../http/event-request';
import { ReferenceNames } from './reference-names';
import { marksBefore } from './marks-before';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly names: ReferenceNames,
    private readonly registers: RegisterQueries,
  ) {}

  async register(actor: Actor, body: unknown, idempotencyKey?: string): Promise<StatusAnswer<SendResult>> {
    return this.engine.create('document', body, actor, { idempotencyKey, ...documentRegistration(actor.schoolId) });
  }

  async get(actor: Actor, id: string): Promise<DocumentView> {
    const view = await this.engine.view(actor, id);
    if (view.instance.machineId !== 'document') throw new GrifError('not_found', 'NOT_FOUND');
    const c = view.snapshot.context as DocumentContext;
    const r = c.registration;
    const names = await this.names.forSchool(actor.schoolId);
    const cabinet = c.cabinet ? names.cabinet(c.cabinet.id) : undefined;
    return {
      id,
      regNumber: c.regNumber,
      state: view.instance.state,
      version: view.instance.version,
      classification: c.classification,
      direction: r.direction,
      kind: r.kind,
      title: r.title,
      correspondent: r.correspondent,
      documentDate: r.documentDate,
      pages: r.pages,
      annexes: r.annexes ?? null,
      location: c.location,
      cabinetId: c.cabinet?.id ?? null,
      // The context keeps the secure flag of the moment it was stored; the names are today's.
      cabinet: c.cabinet
        ? {
            id: c.cabinet.id,
            name: cabinet?.name ?? c.location ?? '',
            roomName: cabinet?.roomName ?? '',
            secure: c.cabinet.secureRoom,
          }
        : null,
      file: c.file ? { id: c.file.id, index: c.file.index, title: c.file.title } : null,
      destructionEligibleFrom: c.file ? destructionEligibleFrom(c.file.year, c.file.retentionYears) : null,
      copyOf: c.copyOf,
      copyNumber: c.copyNumber,
      copiesMade: c.copiesMade,
      dispatched: c.dispatched,
      lost: c.lost ? { ...c.lost, reportedByName: names.person(c.lost.reportedBy) ?? c.lost.reportedBy } : null,
      holder: c.holder
        ? {
            id: c.holder.userId,
            name: names.person(c.holder.userId) ?? c.holder.userId,
            purpose: c.holder.purpose,
            issuedAt: c.holder.issuedAt,
            dueAt: c.holder.dueAt,
            acknowledgedAt: c.holder.acknowledgedAt,
          }
        : null,
      ...(await this.events(actor, view)),
    };
  }

  private async events(actor: Actor, view: InstanceView) {
    const { available, blocked } = await this.engine.eventsFor(actor, view);
    return { availableEvents: available, blockedEvents: blocked };
  }

  /** The new state and version; a replay (same key, same body) answers as the first time did. */
  async send(actor: Actor, id: string, req: EventRequest): Promise<StatusAnswer<EventAccepted>> {
    const { idempotencyKey, expectedVersion } = checkEventRequest(req);
    const out = await this.engine.send(id, req.type, req.payload, actor, {
      idempotencyKey,
      expectedVersion,
      machineIds: ['document'],
    });
    const body: EventAccepted = { state: out.body.state, version: out.body.version };
    if (req.type === 'COPY') body.copies = await this.copiesMadeBy(actor, id, out.body.version);
    return { status: out.status, body };
  }

  /**
   * The copies one COPY made (R-4.1c), read back from the history and the copy journal so a replay
   * of the same request answers the same copies: the event is the one at that version (one event
   * per version), its copies are the last `count` numbered by then.
   */
  private async copiesMadeBy(actor: Actor, id: string, version: number): Promise<EventAccepted['copies']> {
    const copyEvents = (await this.engine.history(actor, id)).filter((e) => e.type === 'COPY' && e.seq <= version);
    const last = copyEvents.at(-1);
    if (!last || last.seq !== version) return [];
    const to = copyEvents.reduce((n, e) => n + (e.payload as { count: number }).count, 0);
    const from = to - (last.payload as { count: number }).count + 1;
    const { lines } = await this.registers.copies(
      actor.schoolId,
      { originalId: id, copyNumbers: { from, to } },
      { copyNumber: 'asc' },
      {},
    );
    return lines.map((c) => ({ id: c.copyId, regNumber: c.copyRegNumber, copyNumber: c.copyNumber }));
  }

  /**
   * The history in words: every id a payload carries is named beside it. The records office reads
   * every payload whole; a holder (staff) reads the purpose of their own issue only, not of a
   * previous holder's (the purpose says what someone else worked on).
   */
  async history(actor: Actor, id: string): Promise<HistoryItem[]> {
    const rows = await this.engine.history(actor, id);
    const names = await this.names.forSchool(actor.schoolId);
    const before = marksBefore(rows);
    const wholeRecords = hasRole(actor, ...RECORDS_WIDE_ROLES);
    return rows.map((e) => {
      const payload = wholeRecords ? { shown: e.payload, withheld: [] } : withheldFor(actor, e.type, e.payload);
      return {
        seq: e.seq,
        type: e.type,
        actor: e.actorId,
        actorName: names.person(e.actorId) ?? e.actorId,
        at: e.at,
        from: e.fromState,
        to: e.toState,
        payload: payload.shown,
        names: names.within(payload.shown),
        ...(before.has(e.seq) ? { previousClassification: before.get(e.seq) } : {}),
        withheld: payload.withheld,
        prevHash: e.prevHash,
        hash: e.hash,
      };
    });
  }
}

/** What a reader outside the records office may read of one payload. */
function withheldFor(actor: Actor, type: string, payload: unknown): { shown: unknown; withheld: string[] } {
  if (type !== 'ISSUE' || !payload || typeof payload !== 'object') return { shown: payload, withheld: [] };
  const { purpose, ...rest } = payload as Record<string, unknown>;
  if (rest.holderId === actor.userId || purpose === undefined) return { shown: payload, withheld: [] };
  return { shown: rest, withheld: ['purpose'] };
}
