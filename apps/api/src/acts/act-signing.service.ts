import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  describeCertificate,
  embedSignature,
  PassphraseError,
  prepareSignature,
  signPdf,
  unsealPrivateKey,
  verifyPdfSignatures,
  type SignatureInfo,
} from '@grif/acts';
import { completeSignatureRequestSchema, prepareSignatureRequestSchema, signPassphraseSchema } from '@grif/contracts';
import { Actor, GrifError, ruleText } from '@grif/domain';
import { CLOCK, Clock, InstanceView, WorkflowEngine } from '@grif/engine';
import { ActsRepository, PeopleRepository, SchoolsRepository } from '@grif/persistence';
import type { ActContextBase } from '@grif/workflows';
import type { StatusAnswer } from '../http/answer-status';
import { parseBody } from '../http/zod-body';
import { ACT_MACHINES } from './act-machines';

type Accepted = StatusAnswer<{ state: string; version: number; pdfSha256?: string }>;
/** A repeated request answers the stored state and version (the hash is in the act). */
const replayed = (r: { status: number; body: { state: string; version: number } }): Accepted => ({
  status: r.status,
  body: { state: r.body.state, version: r.body.version },
});
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * A signature is made in the signer's own request (design: "Acts and signatures"): the key is unsealed with the
 * passphrase they typed, the CMS is made over the current revision, and the new revision is stored with the SIGN
 * event that names its hash, in one transaction. The passphrase never leaves this request.
 */
@Injectable()
export class ActSigning {
  constructor(
    private readonly engine: WorkflowEngine,
    private readonly acts: ActsRepository,
    private readonly people: PeopleRepository,
    private readonly schools: SchoolsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async signWithPassphrase(
    actor: Actor,
    id: string,
    payload: Record<string, unknown>,
    o: { idempotencyKey: string; expectedVersion?: number },
  ): Promise<Accepted> {
    const replay = await this.engine.storedAnswer(actor, o.idempotencyKey);
    if (replay) return replayed(replay);
    const { passphrase } = parseBody(signPassphraseSchema, payload);
    const { view, latest } = await this.signable(actor, id, o.expectedVersion);
    const enrolled = await this.acts.certificateOf(actor.schoolId, actor.userId);
    if (!enrolled) throw new GrifError('refused', 'CERTIFICATE_MISSING');
    const key = await unsealPrivateKey(enrolled.sealedKey, passphrase).catch((err: unknown) => {
      throw err instanceof PassphraseError ? new GrifError('refused', 'PASSPHRASE_WRONG') : err;
    });
    const info = await this.signatureInfo(actor, view, enrolled.certificate);
    const signedPdf = await signPdf(latest.pdf, info, key);
    return this.commit(actor, id, view, latest.revision, signedPdf, enrolled.certificate, o);
  }

  /** Step one of the two-step route: the bytes a token must sign; the prepared revision waits in a session. */
  async prepare(actor: Actor, id: string, body: unknown) {
    const req = parseBody(prepareSignatureRequestSchema, body ?? {});
    const { view, latest } = await this.signable(actor, id);
    const certificate = req.certificate
      ? Buffer.from(req.certificate, 'base64')
      : (await this.acts.certificateOf(actor.schoolId, actor.userId))?.certificate;
    if (!certificate) throw new GrifError('refused', 'CERTIFICATE_MISSING');
    try {
      describeCertificate(certificate);
    } catch {
      throw new GrifError('refused', 'CERTIFICATE_INVALID', {
        fields: [{ field: 'certificate', message: 'not X.509 DER' }],
      });
    }
    const prepared = prepareSignature(latest.pdf, await this.signatureInfo(actor, view, certificate));
    const sessionId = await this.acts.openSession({
      schoolId: actor.schoolId,
      actId: id,
      userId: actor.userId,
      actVersion: view.instance.version,
      certificate: Buffer.from(certificate),
      prepared: prepared.pdf,
      createdAt: this.clock.now().toISOString(),
    });
    return {
      sessionId,
      dataToSign: Buffer.from(prepared.dataToSign).toString('base64'),
      algorithm: 'SHA-256' as const,
    };
  }

  /** Step two: the signature value from the token goes into the prepared revision, which must then verify. */
  async complete(
    actor: Actor,
    id: string,
    sessionId: string,
    body: unknown,
    idempotencyKey?: string,
  ): Promise<Accepted> {
    const key = idempotencyKey ?? `signing-${sessionId}`;
    const replay = await this.engine.storedAnswer(actor, key);
    if (replay) return replayed(replay);
    const { signatureValue } = parseBody(completeSignatureRequestSchema, body);
    const session = await this.acts.session(actor.schoolId, id, actor.userId, sessionId);
    if (!session) throw new GrifError('not_found', 'NOT_FOUND');
    const { view, latest } = await this.signable(actor, id, session.actVersion);
    let signedPdf: Buffer;
    try {
      signedPdf = embedSignature(session.prepared, session.certificate, Buffer.from(signatureValue, 'base64'));
    } catch {
      throw new GrifError('refused', 'SIGNATURE_INVALID');
    }
    const checks = await verifyPdfSignatures(signedPdf);
    if (!checks.at(-1)?.valid) throw new GrifError('refused', 'SIGNATURE_INVALID');
    const out = await this.commit(actor, id, view, latest.revision, signedPdf, session.certificate, {
      idempotencyKey: key,
      expectedVersion: session.actVersion,
    });
    await this.acts.closeSession(sessionId);
    return out;
  }

  /** The act may take this person's signature now, and its latest revision is what they sign. */
  private async signable(actor: Actor, id: string, expectedVersion?: number) {
    const view = await this.engine.view(actor, id);
    if (!ACT_MACHINES.includes(view.instance.machineId)) throw new GrifError('not_found', 'NOT_FOUND');
    if (expectedVersion != null && expectedVersion !== view.instance.version)
      throw new GrifError('conflict', 'STALE_VERSION');
    await this.engine.assertMay(actor, view, 'SIGN');
    const latest = await this.acts.latestRevision(actor.schoolId, id);
    if (!latest) throw new GrifError('conflict', 'EVENT_NOT_ACCEPTED');
    return { view, latest: { revision: latest.revision, pdf: Buffer.from(latest.pdf) } };
  }

  private async signatureInfo(actor: Actor, view: InstanceView, certificate: Uint8Array): Promise<SignatureInfo> {
    const c = view.snapshot.context as ActContextBase;
    const rule = ({ destruction: 'R-4.1d', custody_transfer: 'R-4.2.6', breach_report: 'R-5.2.3' } as const)[c.kind];
    return {
      certificate,
      name: (await this.people.nameOf(actor.schoolId, actor.userId)) ?? actor.userId,
      reason: `${c.number}: ${rule} ${ruleText(rule, 'ky')}`.slice(0, 300),
      location: (await this.schools.nameOf(actor.schoolId)) ?? '',
      signedAt: this.clock.now(),
    };
  }

  private async commit(
    actor: Actor,
    id: string,
    view: InstanceView,
    baseRevision: number,
    signedPdf: Buffer,
    certificate: Uint8Array,
    o: { idempotencyKey: string; expectedVersion?: number },
  ): Promise<Accepted> {
    const revision = baseRevision + 1;
    const hash = sha256(signedPdf);
    const out = await this.engine.send(
      id,
      'SIGN',
      { revision, sha256: hash, certificateSha256: sha256(certificate) },
      actor,
      {
        idempotencyKey: o.idempotencyKey,
        expectedVersion: o.expectedVersion ?? view.instance.version,
        machineIds: ACT_MACHINES,
        alsoWrite: (tx, at) =>
          tx.saveActRevision({
            id: randomUUID(),
            schoolId: actor.schoolId,
            actId: id,
            revision,
            sha256: hash,
            pdf: signedPdf,
            createdBy: actor.userId,
            createdAt: at,
          }),
      },
    );
    return { status: out.status, body: { state: out.body.state, version: out.body.version, pdfSha256: hash } };
  }
}
