import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { destructionEligibleSince } from '@grif/domain';
import type { DocumentContext } from '@grif/workflows';
import {
  ActRecord,
  ActRevision,
  DocumentRecord,
  NomenclatureFile,
  SignerCertificate,
  SigningSession,
  WorkflowInstance,
} from '../entities';
import type { WriteTransactions } from '../write-transactions';

export interface ActListRow {
  id: string;
  kind: string;
  number: string;
  state: string;
  version: number;
  itemCount: number;
  createdAt: string;
  awaitingIds: string[];
}

export interface CandidateRow {
  documentId: string;
  regNumber: string;
  title: string;
  copyOfId: string | null;
  fileIndex: string;
  eligibleSince: string;
}

export interface EnrolledCertificate {
  certificate: Buffer;
  sealedKey: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  sha256: string;
  notAfter: string;
}

const ids = (list: string) => list.split(',').filter(Boolean);

/** Acts' query model, their PDF revisions, the signers' certificates and the two-step signing sessions. */
export class ActsRepository {
  constructor(private readonly tx: WriteTransactions) {}

  private get em(): EntityManager {
    return this.tx.reader() as EntityManager;
  }

  /**
   * Newest first; `onlyFor` limits to acts naming that person, except the `wholeKinds`, listed whole;
   * `awaiting` to those waiting for their signature.
   */
  async list(
    schoolId: string,
    o: { onlyFor?: string; wholeKinds?: readonly string[]; awaiting?: string },
  ): Promise<ActListRow[]> {
    const where: Record<string, unknown> = { schoolId };
    if (o.onlyFor) {
      const naming = { participantIds: { $like: `%,${o.onlyFor},%` } };
      where.$or = o.wholeKinds?.length ? [naming, { kind: { $in: [...o.wholeKinds] } }] : [naming];
    }
    if (o.awaiting) where.awaitingIds = { $like: `%,${o.awaiting},%` };
    const rows = await this.em.find(ActRecord, where, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 500 });
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      number: r.number,
      state: r.state,
      version: r.version,
      itemCount: r.itemCount,
      createdAt: r.createdAt,
      awaitingIds: ids(r.awaitingIds),
    }));
  }

  async latestRevision(schoolId: string, actId: string): Promise<ActRevision | null> {
    const [r] = await this.em.find(
      ActRevision,
      { schoolId, actId },
      { orderBy: { revision: 'desc' }, limit: 1, disableIdentityMap: true },
    );
    return r ?? null;
  }

  /** R-4.1d: documents in storage whose file's retention has run out on `day`, not held by a draft act. */
  async destructionCandidates(schoolId: string, day: string): Promise<CandidateRow[]> {
    const docs = await this.em.find(DocumentRecord, { schoolId, state: 'in_storage', fileId: { $ne: null } });
    const files = new Map(
      (await this.em.find(NomenclatureFile, { schoolId, retentionYears: { $ne: null } })).map((f) => [f.id, f]),
    );
    const eligible = docs
      .map((d) => {
        const f = files.get(d.fileId!);
        return { d, f: f!, since: f ? destructionEligibleSince(f) : null };
      })
      .filter(({ since }) => since != null && since <= day);
    const snapshots = await this.em.find(
      WorkflowInstance,
      { id: { $in: eligible.map((x) => x.d.id) } },
      { fields: ['id', 'snapshot'], disableIdentityMap: true },
    );
    const inAct = new Set(
      snapshots.filter((s) => (JSON.parse(s.snapshot) as { context: DocumentContext }).context.inAct).map((s) => s.id),
    );
    return eligible
      .filter(({ d }) => !inAct.has(d.id))
      .map(({ d, f, since }) => ({
        documentId: d.id,
        regNumber: d.regNumber,
        title: d.title,
        copyOfId: d.copyOf,
        fileIndex: f.index,
        eligibleSince: since!,
      }))
      .sort((a, b) => a.regNumber.localeCompare(b.regNumber));
  }

  async certificateOf(schoolId: string, userId: string): Promise<EnrolledCertificate | null> {
    return this.em.findOne(SignerCertificate, { schoolId, userId }, { disableIdentityMap: true });
  }

  /** A new enrolment replaces the old one (a renewed certificate). */
  async enrol(schoolId: string, userId: string, c: EnrolledCertificate, at: string): Promise<void> {
    await this.tx.run(async (em) => {
      await em.nativeDelete(SignerCertificate, { schoolId, userId });
      await em.insert(
        SignerCertificate,
        new SignerCertificate(
          randomUUID(),
          schoolId,
          userId,
          c.certificate,
          c.sealedKey,
          c.subject,
          c.issuer,
          c.serialNumber,
          c.sha256,
          c.notAfter,
          at,
        ),
      );
    });
  }

  async openSession(s: Omit<SigningSession, 'id'>): Promise<string> {
    const id = randomUUID();
    await this.tx.run((em) =>
      em.insert(
        SigningSession,
        new SigningSession(id, s.schoolId, s.actId, s.userId, s.actVersion, s.certificate, s.prepared, s.createdAt),
      ),
    );
    return id;
  }

  async session(schoolId: string, actId: string, userId: string, id: string): Promise<SigningSession | null> {
    return this.em.findOne(SigningSession, { id, schoolId, actId, userId }, { disableIdentityMap: true });
  }

  async closeSession(id: string): Promise<void> {
    await this.tx.run((em) => em.nativeDelete(SigningSession, { id }));
  }
}
