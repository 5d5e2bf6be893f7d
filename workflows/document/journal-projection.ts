import type { DocumentContext } from './machine';
import { CARRIER_EVENTS } from './register-fold';

/** A line of the registration journal (the document lists read it), as the projection writes it. */
export interface RegistrationLine {
  id: string;
  schoolId: string;
  regYear: number;
  direction: string;
  regSeq: number;
  regNumber: string;
  kind: string;
  title: string;
  correspondent: string;
  documentDate: string;
  state: string;
  createdAt: string;
  classification: string | null;
  holderId: string | null;
  dueAt: string | null;
  location: string | null;
  fileId: string | null;
  copyOf: string | null;
  /** 0 for an original. */
  copyNumber: number;
}

/**
 * What every later event may change on a registration line. `markedAt`: the moment of an event that may have made the
 * document a carrier or ended it (`CARRIER_EVENTS`); the line keeps the latest such moment, so a register as at
 * an earlier moment finds the documents whose line no longer tells what they were then.
 */
export type RegistrationChanges = Pick<
  RegistrationLine,
  'state' | 'classification' | 'holderId' | 'dueAt' | 'location' | 'fileId'
> & { markedAt?: string };

/** A line of the issue journal when the document is issued; the store gives it its id. */
export interface IssueLine {
  schoolId: string;
  documentId: string;
  regNumber: string;
  classification: string | null;
  holderId: string;
  purpose: string;
  issuedAt: string;
  issuedBy: string;
  dueAt: string | null;
}

/** How the open issue line of a document is completed: signed for, overdue, returned or lost. */
export type OpenIssueChanges = Partial<{
  acknowledgedAt: string;
  dueAt: string | null;
  overdueAt: string;
  returnedAt: string | null;
  condition: string | null;
}>;

/**
 * A line of the copy journal (R-4.1c). Its purpose is the COPY event's, which is recorded on the
 * original, not on the copy: the store reads it from the original's history (committed just before).
 */
export interface CopyLine {
  schoolId: string;
  originalId: string;
  originalRegNumber: string;
  copyId: string;
  copyNumber: number;
  madeBy: string;
  madeAt: string;
  classification: string | null;
}

/** One write to the journals, in the order the store must apply them. */
export type JournalWrite =
  | { kind: 'registration.insert'; line: RegistrationLine }
  | { kind: 'registration.update'; documentId: string; changes: RegistrationChanges }
  | { kind: 'copy.insert'; line: CopyLine }
  | { kind: 'issue.insert'; line: IssueLine }
  | { kind: 'issue.completeOpen'; documentId: string; changes: OpenIssueChanges };

/** The instance as committed by the transition being projected. */
export interface ProjectedInstance {
  id: string;
  schoolId: string;
  state: string;
}

/** The event as committed (CREATE's payload is the machine input). */
export interface ProjectedDocumentEvent {
  type: string;
  payload: unknown;
  actorId: string;
  at: string;
}

/**
 * The journal rows one committed document event asks for: the registration line follows the
 * snapshot; the issue journal gets a line per issue, completed as it goes.
 */
export function journalWrites(
  instance: ProjectedInstance,
  c: DocumentContext,
  e: ProjectedDocumentEvent,
): JournalWrite[] {
  const changes: RegistrationChanges = {
    state: instance.state,
    classification: c.classification,
    holderId: c.holder?.userId ?? null,
    dueAt: c.holder?.dueAt ?? null,
    location: c.location,
    fileId: c.file?.id ?? null,
  };
  if (e.type === 'CREATE') return registration(instance, c, e, changes);
  // the carriers register as at a moment reads this instead of the events (RegisterQueries.changedAfter).
  if (CARRIER_EVENTS.includes(e.type)) changes.markedAt = e.at;
  const issue = issueJournal(instance, c, e);
  return [{ kind: 'registration.update', documentId: instance.id, changes }, ...(issue ? [issue] : [])];
}

function registration(
  instance: ProjectedInstance,
  c: DocumentContext,
  e: ProjectedDocumentEvent,
  changes: RegistrationChanges,
): JournalWrite[] {
  const r = c.registration;
  const line: RegistrationLine = {
    id: instance.id,
    schoolId: instance.schoolId,
    regYear: c.regYear,
    direction: r.direction,
    regSeq: c.regSeq,
    regNumber: c.regNumber,
    kind: r.kind,
    title: r.title,
    correspondent: r.correspondent,
    documentDate: r.documentDate,
    createdAt: e.at,
    ...changes,
    copyOf: c.copyOf?.id ?? null,
    copyNumber: c.copyNumber ?? 0,
  };
  const writes: JournalWrite[] = [{ kind: 'registration.insert', line }];
  if (c.copyOf && c.copyNumber) {
    writes.push({
      kind: 'copy.insert',
      line: {
        schoolId: instance.schoolId,
        originalId: c.copyOf.id,
        originalRegNumber: c.copyOf.regNumber,
        copyId: instance.id,
        copyNumber: c.copyNumber,
        madeBy: e.actorId,
        madeAt: e.at,
        classification: c.classification,
      },
    });
  }
  return writes;
}

/** one journal line per issue, completed as the holder signs and the clerk takes it back. */
function issueJournal(instance: ProjectedInstance, c: DocumentContext, e: ProjectedDocumentEvent): JournalWrite | null {
  const open = (changes: OpenIssueChanges): JournalWrite => ({
    kind: 'issue.completeOpen',
    documentId: instance.id,
    changes,
  });
  switch (e.type) {
    case 'ISSUE': {
      const h = c.holder!;
      const p = e.payload as { purpose: string };
      return {
        kind: 'issue.insert',
        line: {
          schoolId: instance.schoolId,
          documentId: instance.id,
          regNumber: c.regNumber,
          classification: c.classification,
          holderId: h.userId,
          purpose: p.purpose,
          issuedAt: e.at,
          issuedBy: e.actorId,
          dueAt: h.dueAt,
        },
      };
    }
    case 'ACKNOWLEDGE':
      return open({ acknowledgedAt: e.at });
    case 'DEADLINE_PASSED':
      return open({ overdueAt: e.at });
    case 'DEADLINE_MOVED':
      return open({ dueAt: c.holder?.dueAt ?? null });
    case 'RETURN':
      return open({ returnedAt: e.at, condition: (e.payload as { condition?: string }).condition ?? null });
    case 'REPORT_LOSS':
      return open({ returnedAt: null, condition: `lost: ${(e.payload as { circumstances: string }).circumstances}` });
    default:
      return null;
  }
}
