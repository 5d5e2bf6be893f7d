import { Injectable } from '@nestjs/common';
import type { BreachView, HistoryItem } from '@grif/contracts';
import { Actor, GrifError, hasRole } from '@grif/domain';
import { SendResult, WorkflowEngine } from '@grif/engine';
import { BreachesRepository, BreachQueue, PeopleRepository } from '@grif/persistence';
import { BREACH_READERS, BreachContext, breachReport } from '@grif/workflows';
import type { StatusAnswer } from '../http/answer-status';
import { checkEventRequest, EventRequest } from '../http/event-request';
import { ActSigning } from '../acts/act-signing.service';
import { ReferenceNames } from '../documents/reference-names';

const BREACH = ['breach_case'];

/** Credential-breach cases: reported by anyone for their own account, run by the officer and support. */
@Injectable()
export class BreachesService {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly breaches: BreachesRepository,
    private readonly people: PeopleRepository,
    private readonly signing: ActSigning,
    private readonly names: ReferenceNames,
  ) {}

  report(actor: Actor, body: unknown, idempotencyKey?: string): Promise<StatusAnswer<SendResult>> {
    return this.engine.create('breach_case', body, actor, { idempotencyKey, ...breachReport(actor) });
  }

  /** The desks see every case; anyone else the cases they reported or own, and nobody else's. */
  async list(actor: Actor, queue: string | undefined) {
    if (queue !== undefined && queue !== 'officer' && queue !== 'support')
      throw new GrifError('invalid', 'VALIDATION_FAILED', {
        fields: [{ field: 'queue', message: "expected 'officer' or 'support'" }],
      });
    const desk = hasRole(actor, ...BREACH_READERS);
    const rows = await this.breaches.list(actor.schoolId, {
      onlyFor: desk ? undefined : actor.userId,
      queue: queue as BreachQueue | undefined,
    });
    const names = await this.people.namesOf(actor.schoolId);
    const person = (id: string) => ({ userId: id, name: names.get(id) ?? id });
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      state: r.state,
      system: r.system,
      account: r.account,
      owner: r.ownerId ? person(r.ownerId) : null,
      reporter: person(r.reporterId),
      late: r.late,
      discoveredAt: r.discoveredAt,
      reportedAt: r.reportedAt,
      severity: r.severity,
      step: r.stepName && r.stepDueAt ? { name: r.stepName, dueAt: r.stepDueAt, escalated: r.stepEscalated } : null,
    }));
  }

  private async view(actor: Actor, id: string) {
    const view = await this.engine.view(actor, id);
    if (!BREACH.includes(view.instance.machineId)) throw new GrifError('not_found', 'NOT_FOUND');
    return view;
  }

  async get(actor: Actor, id: string): Promise<BreachView> {
    const view = await this.view(actor, id);
    const c = view.snapshot.context as BreachContext;
    const names = await this.people.namesOf(actor.schoolId);
    const person = (userId: string) => ({ userId, name: names.get(userId) ?? userId });
    const { available, blocked } = await this.engine.eventsFor(actor, view);
    const mentioned = [
      c.reporterId,
      c.ownerId,
      c.triage?.by,
      c.containment?.by,
      c.investigation?.by,
      c.remediation?.by,
      ...c.signers.map((s) => s.userId),
    ].filter((x): x is string => !!x);
    return {
      id,
      number: c.number,
      state: view.instance.state as BreachView['state'],
      version: view.instance.version,
      system: c.system,
      account: c.account,
      owner: c.ownerId ? person(c.ownerId) : null,
      reporter: person(c.reporterId),
      onBehalf: c.onBehalf,
      discoveredAt: c.discoveredAt,
      reportedAt: c.reportedAt,
      reportDueAt: c.reportDueAt,
      late: c.late,
      lateReason: c.lateReason,
      description: c.description,
      triage: c.triage,
      containment: c.containment,
      investigation: c.investigation,
      remediation: c.remediation,
      step: c.step ? { name: c.step.name, dueAt: c.step.dueAt, escalated: c.step.escalated } : null,
      signers: c.signers.map((s) => ({ ...person(s.userId), role: s.role, signedAt: s.signedAt })),
      pdfSha256: c.pdf?.sha256 ?? null,
      availableEvents: available,
      blockedEvents: blocked,
      names: Object.fromEntries(mentioned.map((m) => [m, names.get(m) ?? m])),
    };
  }

  async send(actor: Actor, id: string, req: EventRequest): Promise<StatusAnswer<{ state: string; version: number }>> {
    const { idempotencyKey, expectedVersion } = checkEventRequest(req);
    if (req.type === 'SIGN')
      return this.signing.signWithPassphrase(actor, id, req.payload, { idempotencyKey, expectedVersion });
    if (req.type === 'RENDERED' || req.type === 'STEP_OVERDUE') throw new GrifError('forbidden', 'ROLE_REQUIRED');
    const out = await this.engine.send(id, req.type, req.payload, actor, {
      idempotencyKey,
      expectedVersion,
      machineIds: BREACH,
    });
    return { status: out.status, body: { state: out.body.state, version: out.body.version } };
  }

  /** The hash-chained history, in the shape of a document's (no payload is withheld from who may see the case). */
  async history(actor: Actor, id: string): Promise<HistoryItem[]> {
    await this.view(actor, id);
    const names = await this.names.forSchool(actor.schoolId);
    return (await this.engine.history(actor, id)).map((e) => ({
      seq: e.seq,
      type: e.type,
      actor: e.actorId,
      actorName: names.person(e.actorId) ?? e.actorId,
      at: e.at,
      from: e.fromState,
      to: e.toState,
      payload: e.payload as Record<string, unknown>,
      names: names.within(e.payload as Record<string, unknown>),
      withheld: [],
      prevHash: e.prevHash,
      hash: e.hash,
    }));
  }

  /** What the breached Grif account did from a week before discovery until it was shut (or now). */
  async accessTrace(actor: Actor, id: string) {
    const c = (await this.view(actor, id)).snapshot.context as BreachContext;
    if (c.system !== 'grif' || !c.ownerId) return { sessions: [], events: [] };
    const from = new Date(new Date(c.discoveredAt).getTime() - 7 * 24 * 3600_000).toISOString();
    const to = c.containment?.at ?? new Date().toISOString();
    return this.breaches.accessTrace(actor.schoolId, c.ownerId, from, to);
  }
}
