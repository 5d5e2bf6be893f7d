import type { EntityManager } from '@mikro-orm/core';
import { Actor, hasRole, RECORDS_WIDE_ROLES, Role } from '@grif/domain';
import { WorkflowRegistry } from '@grif/engine';
import { WORKFLOWS } from '@grif/workflows';
import { BreachCaseRecord, DocumentRecord, IssueRecord, WorkflowInstance } from './entities';

/** A document is out of storage, on an issue, in these states (contracts.md). */
export const DOCUMENT_OUT_STATES: readonly string[] = ['issued', 'overdue', 'escalated'];

/** Templates about one issue of a document: settled once that issue is over (returned, lost, issued anew). */
const ISSUE_TEMPLATES = new Set(['document.reminder', 'document.overdue', 'document.escalated']);

/** The end-of-day list of For Official Use items out. */
export const DIGEST_TEMPLATE = 'digest.official_use_out';

/**
 * one account active from two clients at once. About no instance: its link opens the report
 * form of a breach, filled in for that Grif account, for those who may report for anyone.
 */
export const SHARING_TEMPLATE = 'breach.sharing_suspected';
const REPORTS_FOR_ANYONE: readonly Role[] = ['security_officer', 'tech_support'];

/** The report form of a Grif account's breach, filled in. */
export const breachReportLink = (username: string) =>
  `/breaches/new?${new URLSearchParams({ system: 'grif', account: username }).toString()}`;

/** The page of an instance in the admin UI, by machine; a machine with no page gets no link. */
const PAGE_OF: Record<string, (id: string) => string> = {
  document: (id) => `/documents/${id}`,
  destruction: (id) => `/acts/${id}`,
  custody_transfer: (id) => `/acts/${id}`,
  breach_case: (id) => `/breaches/${id}`,
};

export interface NotificationFacts {
  /** What it is about is over: the document is back (or gone, or issued anew) since. */
  settled: boolean;
  /** The in-app path to open, only when this reader may open that page; else null. */
  link: string | null;
}

export interface NotificationSubject {
  id: string;
  template: string;
  data: Record<string, unknown>;
  instanceId: string | null;
  createdAt: string;
}

interface DocumentNow {
  state: string;
  holderId: string | null;
  /** When the issue still open began, if one is. */
  openIssuedAt: string | null;
}

const registry = new WorkflowRegistry(WORKFLOWS);
const str = (v: unknown) => (typeof v === 'string' && v ? v : null);

/**
 * Settled when the document is no longer out on the issue the notification was about. Older
 * notifications carry no `issuedAt`: then the issue open now is theirs only if it began before
 * the notification was made. A loss is never settled (the document stays lost); nor is a digest.
 */
export function isSettled(n: NotificationSubject, doc: DocumentNow | undefined): boolean {
  if (!ISSUE_TEMPLATES.has(n.template) || !doc) return false;
  if (!DOCUMENT_OUT_STATES.includes(doc.state) || doc.openIssuedAt === null) return true;
  const holderId = str(n.data.holderId);
  if (holderId && holderId !== doc.holderId) return true;
  const issuedAt = str(n.data.issuedAt);
  if (issuedAt) return new Date(issuedAt).getTime() !== new Date(doc.openIssuedAt).getTime();
  return doc.openIssuedAt > n.createdAt;
}

/** Settled or not, and the link a reader may follow, for each of one reader's notifications (by id). */
export async function notificationFacts(
  em: EntityManager,
  reader: Actor,
  items: NotificationSubject[],
): Promise<Map<string, NotificationFacts>> {
  const ids = [...new Set(items.map((n) => n.instanceId).filter((id): id is string => id !== null))];
  const [docs, open, instances] = ids.length
    ? await Promise.all([
        em.find(
          DocumentRecord,
          { id: { $in: ids }, schoolId: reader.schoolId },
          { fields: ['id', 'state', 'holderId'], disableIdentityMap: true },
        ),
        em.find(
          IssueRecord,
          { documentId: { $in: ids }, schoolId: reader.schoolId, returnedAt: null },
          { fields: ['documentId', 'issuedAt'], disableIdentityMap: true },
        ),
        em.find(
          WorkflowInstance,
          { id: { $in: ids }, schoolId: reader.schoolId },
          { fields: ['id', 'machineId', 'machineVersion', 'snapshot'], disableIdentityMap: true },
        ),
      ])
    : [[], [], []];
  const openSince = new Map<string, string>();
  for (const i of open)
    if (!openSince.has(i.documentId) || openSince.get(i.documentId)! < i.issuedAt)
      openSince.set(i.documentId, i.issuedAt);
  const now = new Map<string, DocumentNow>(
    docs.map((d) => [d.id, { state: d.state, holderId: d.holderId, openIssuedAt: openSince.get(d.id) ?? null }]),
  );
  const pages = new Map<string, string | null>(instances.map((i) => [i.id, pageFor(i, reader)]));
  const opened = await casesOpenedSince(em, reader, items);
  const facts = new Map<string, NotificationFacts>();
  for (const n of items) {
    const caseId = opened.get(n.id);
    if (caseId !== undefined) {
      facts.set(n.id, { settled: true, link: hasRole(reader, ...REPORTS_FOR_ANYONE) ? `/breaches/${caseId}` : null });
      continue;
    }
    const link =
      n.instanceId !== null
        ? (pages.get(n.instanceId) ?? null)
        : n.template === DIGEST_TEMPLATE && hasRole(reader, ...RECORDS_WIDE_ROLES)
          ? '/documents'
          : n.template === SHARING_TEMPLATE && str(n.data.username) && hasRole(reader, ...REPORTS_FOR_ANYONE)
            ? breachReportLink(str(n.data.username)!)
            : null;
    facts.set(n.id, { settled: n.instanceId !== null && isSettled(n, now.get(n.instanceId)), link });
  }
  return facts;
}

/**
 * a sharing signal is settled once a case was reported for that Grif account since it was raised;
 * its link then leads to that case (the first one reported since), not to a new report. By notification id.
 */
async function casesOpenedSince(
  em: EntityManager,
  reader: Actor,
  items: NotificationSubject[],
): Promise<Map<string, string>> {
  const signals = items.filter((n) => n.template === SHARING_TEMPLATE && str(n.data.username));
  if (!signals.length) return new Map();
  const cases = await em.find(
    BreachCaseRecord,
    {
      schoolId: reader.schoolId,
      system: 'grif',
      account: { $in: [...new Set(signals.map((n) => str(n.data.username)!))] },
      reportedAt: { $gte: signals.map((n) => n.createdAt).sort()[0] },
    },
    { fields: ['id', 'account', 'reportedAt'], orderBy: { reportedAt: 'asc', id: 'asc' }, disableIdentityMap: true },
  );
  const opened = new Map<string, string>();
  for (const n of signals) {
    const first = cases.find((c) => c.account === n.data.username && c.reportedAt >= n.createdAt);
    if (first) opened.set(n.id, first.id);
  }
  return opened;
}

/** The instance's page, if its machine has one and the reader may see the instance now (its `canSee`). */
function pageFor(i: Pick<WorkflowInstance, 'id' | 'machineId' | 'machineVersion' | 'snapshot'>, reader: Actor) {
  const page = PAGE_OF[i.machineId];
  if (!page) return null;
  try {
    const definition = registry.get(i.machineId, i.machineVersion);
    const context = (JSON.parse(i.snapshot) as { context?: unknown }).context;
    return definition.canSee(context, reader) ? page(i.id) : null;
  } catch {
    // A machine version this build does not know, or an unreadable snapshot: no link rather than a wrong one.
    return null;
  }
}
