import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { verifyPdfSignatures } from '@grif/acts';
import type { ActView } from '@grif/contracts';
import { Actor, GrifError, hasRole, type Role } from '@grif/domain';
import { CLOCK, Clock, InstanceView, SendResult, WorkflowEngine } from '@grif/engine';
import { ActsRepository, PeopleRepository } from '@grif/persistence';
import {
  ACT_READER_ROLES,
  ActContextBase,
  BREACH_READERS,
  custodyTransferDraft,
  destructionDraft,
} from '@grif/workflows';
import { DateTime } from 'luxon';
import type { StatusAnswer } from '../http/answer-status';
import { checkEventRequest, EventRequest } from '../http/event-request';
import { ActSigning } from './act-signing.service';
import { ACT_MACHINES } from './act-machines';
import { ActRenderer } from '@grif/worker';

type AnyActContext = ActContextBase & {
  order?: { number: string; date: string };
  outgoingClerkId?: string;
  incomingClerkId?: string;
};

/**
 * Who reads every act of a kind, as the workflows' canSee say (anyone else: the acts naming them). The commission
 * signs destruction acts (R-4.1d), not acceptance-transfer acts; a breach report is the breach desks'.
 */
const READ_WHOLE_BY: Record<ActView['kind'], readonly Role[]> = {
  destruction: [...ACT_READER_ROLES, 'commission_member'],
  custody_transfer: ACT_READER_ROLES,
  breach_report: BREACH_READERS,
};

@Injectable()
export class ActsService {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly acts: ActsRepository,
    private readonly people: PeopleRepository,
    private readonly signing: ActSigning,
    private readonly renderer: ActRenderer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** R-4.1d: what may be destroyed today, originals with their copies beside them. */
  async candidates(actor: Actor) {
    const day = DateTime.fromJSDate(this.clock.now(), { zone: 'Asia/Bishkek' }).toISODate()!;
    const rows = await this.acts.destructionCandidates(actor.schoolId, day);
    const listed = new Set(rows.map((r) => r.documentId));
    return rows
      .filter((r) => !r.copyOfId || !listed.has(r.copyOfId))
      .map((r) => ({
        documentId: r.documentId,
        regNumber: r.regNumber,
        title: r.title,
        fileIndex: r.fileIndex,
        eligibleSince: r.eligibleSince,
        copies: rows
          .filter((c) => c.copyOfId === r.documentId)
          .map((c) => ({ documentId: c.documentId, regNumber: c.regNumber })),
      }));
  }

  async create(actor: Actor, body: unknown, idempotencyKey?: string): Promise<StatusAnswer<SendResult>> {
    const kind = (body as { kind?: unknown } | null)?.kind;
    if (kind === 'destruction')
      return this.engine.create('destruction', body, actor, {
        idempotencyKey,
        ...destructionDraft(actor.schoolId, actor.userId),
      });
    if (kind === 'custody_transfer')
      return this.engine.create('custody_transfer', body, actor, {
        idempotencyKey,
        ...custodyTransferDraft(actor.schoolId, actor.userId),
      });
    throw new GrifError('invalid', 'VALIDATION_FAILED', {
      fields: [{ field: 'kind', message: "expected 'destruction' or 'custody_transfer'" }],
    });
  }

  /**
   * the list shows what the act's own page shows (each workflow's canSee): every act of a kind the
   * caller's role reads whole, and of the other kinds only those that name them.
   */
  async list(actor: Actor, awaitingMe: boolean) {
    const wholeKinds = Object.entries(READ_WHOLE_BY).flatMap(([kind, roles]) =>
      hasRole(actor, ...roles) ? [kind] : [],
    );
    const rows = await this.acts.list(actor.schoolId, {
      onlyFor: wholeKinds.length === Object.keys(READ_WHOLE_BY).length ? undefined : actor.userId,
      wholeKinds,
      awaiting: awaitingMe ? actor.userId : undefined,
    });
    const names = await this.people.namesOf(actor.schoolId);
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind as ActView['kind'],
      number: r.number,
      state: r.state as ActView['state'],
      version: r.version,
      createdAt: r.createdAt,
      itemCount: r.itemCount,
      awaitingMe: r.awaitingIds.includes(actor.userId),
      nextSigner: r.awaitingIds[0] ? { userId: r.awaitingIds[0], name: names.get(r.awaitingIds[0]) ?? '' } : null,
      awaiting: r.awaitingIds.map((userId) => ({ userId, name: names.get(userId) ?? '' })),
    }));
  }

  async view(actor: Actor, id: string): Promise<InstanceView> {
    const view = await this.engine.view(actor, id);
    if (!ACT_MACHINES.includes(view.instance.machineId)) throw new GrifError('not_found', 'NOT_FOUND');
    return view;
  }

  async get(actor: Actor, id: string): Promise<ActView> {
    const view = await this.view(actor, id);
    const c = view.snapshot.context as AnyActContext;
    const names = await this.people.namesOf(actor.schoolId);
    const person = (userId: string | undefined) => (userId ? { userId, name: names.get(userId) ?? userId } : null);
    const { available, blocked } = await this.engine.eventsFor(actor, view);
    return {
      id,
      kind: c.kind,
      number: c.number,
      state: view.instance.state as ActView['state'],
      version: view.instance.version,
      createdAt: c.createdAt,
      createdBy: person(c.createdBy)!,
      items: c.items.map((i) => ({ ...i })),
      signers: c.signers.map((s) => ({
        userId: s.userId,
        name: names.get(s.userId) ?? s.name,
        role: s.role,
        signedAt: s.signedAt,
        turn: s.turn,
      })),
      availableEvents: available.filter((t) => t !== 'RENDERED'),
      blockedEvents: blocked,
      pdfSha256: c.pdf?.sha256 ?? null,
      completedAt: c.completedAt,
      rejected: c.rejected ? { ...c.rejected, byName: names.get(c.rejected.by) ?? c.rejected.by } : null,
      order: c.order ?? null,
      outgoingClerk: person(c.outgoingClerkId),
      incomingClerk: person(c.incomingClerkId),
    };
  }

  async send(actor: Actor, id: string, req: EventRequest): Promise<StatusAnswer<{ state: string; version: number }>> {
    const { idempotencyKey, expectedVersion } = checkEventRequest(req);
    if (req.type === 'SIGN')
      return this.signing.signWithPassphrase(actor, id, req.payload, { idempotencyKey, expectedVersion });
    if (req.type === 'RENDERED') throw new GrifError('forbidden', 'ROLE_REQUIRED'); // only the rendering job sends it
    const out = await this.engine.send(id, req.type, req.payload, actor, {
      idempotencyKey,
      expectedVersion,
      machineIds: ACT_MACHINES,
    });
    return { status: out.status, body: { state: out.body.state, version: out.body.version } };
  }

  /** The latest revision: the rendering, or the PDF with every signature made so far. */
  async pdf(actor: Actor, id: string): Promise<{ pdf: Buffer; number: string }> {
    const view = await this.view(actor, id);
    const latest = await this.acts.latestRevision(actor.schoolId, id);
    if (!latest) throw new GrifError('not_found', 'NOT_FOUND');
    return { pdf: Buffer.from(latest.pdf), number: (view.snapshot.context as AnyActContext).number };
  }

  /** A paper copy to file: the act drawn again with each signature's time and the signed PDF's hash (not signed). */
  async printout(actor: Actor, id: string, lang: string | undefined): Promise<{ pdf: Uint8Array; number: string }> {
    const view = await this.view(actor, id);
    const c = view.snapshot.context as AnyActContext;
    if (!c.pdf) throw new GrifError('not_found', 'NOT_FOUND');
    const language = lang === 'ru' ? 'ru' : 'ky';
    return { pdf: await this.renderer.render(actor.schoolId, c, language, true), number: c.number };
  }

  /** Every signature checked in the stored PDF, and the PDF checked against the hash the history names. */
  async verify(actor: Actor, id: string) {
    const view = await this.view(actor, id);
    const c = view.snapshot.context as AnyActContext;
    const latest = await this.acts.latestRevision(actor.schoolId, id);
    if (!latest) return { ok: false, hashMatches: false, signatures: [] };
    const pdf = Buffer.from(latest.pdf);
    const hashMatches = createHash('sha256').update(pdf).digest('hex') === c.pdf?.sha256;
    const signatures = (await verifyPdfSignatures(pdf)).map((s) => ({
      signer: s.signer,
      signedAt: s.signedAt,
      valid: s.valid,
      coversWholeDocument: s.coversWholeDocument,
    }));
    const made = c.signers.filter((s) => s.signedAt).length;
    const ok =
      hashMatches &&
      signatures.length === made &&
      signatures.every((s) => s.valid) &&
      (signatures.length === 0 || signatures[signatures.length - 1].coversWholeDocument);
    return { ok, hashMatches, signatures };
  }
}
