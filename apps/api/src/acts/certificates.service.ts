import { Inject, Injectable } from '@nestjs/common';
import { CertificateBundleError, describeCertificate, openPkcs12, PassphraseError, sealPrivateKey } from '@grif/acts';
import { CertificateView, enrolCertificateRequestSchema } from '@grif/contracts';
import { Actor, GrifError } from '@grif/domain';
import { CLOCK, Clock } from '@grif/engine';
import { ActsRepository } from '@grif/persistence';
import { parseBody } from '../http/zod-body';

/**
 * A signer enrols their PKCS#12 once: it is opened with their passphrase, the certificate kept, and the private
 * key sealed again under that same passphrase (never stored in clear), to be unsealed for one signature at a time.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly acts: ActsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async mine(actor: Actor): Promise<CertificateView> {
    const c = await this.acts.certificateOf(actor.schoolId, actor.userId);
    if (!c) return { enrolled: false };
    return {
      enrolled: true,
      subject: c.subject,
      issuer: c.issuer,
      serialNumber: c.serialNumber,
      notAfter: c.notAfter,
      sha256: c.sha256,
    };
  }

  async enrol(actor: Actor, body: unknown): Promise<CertificateView> {
    const { pkcs12, passphrase } = parseBody(enrolCertificateRequestSchema, body);
    const opened = await openPkcs12(Buffer.from(pkcs12, 'base64'), passphrase).catch((err: unknown) => {
      if (err instanceof PassphraseError) throw new GrifError('refused', 'PASSPHRASE_WRONG');
      if (err instanceof CertificateBundleError)
        throw new GrifError('refused', 'CERTIFICATE_INVALID', { fields: [{ field: 'pkcs12', message: err.message }] });
      throw err;
    });
    const d = describeCertificate(opened.certificate);
    const now = this.clock.now();
    if (d.notAfter.getTime() <= now.getTime() || d.notBefore.getTime() > now.getTime())
      throw new GrifError('refused', 'CERTIFICATE_INVALID', {
        fields: [{ field: 'pkcs12', message: `valid ${d.notBefore.toISOString()} – ${d.notAfter.toISOString()}` }],
      });
    await this.acts.enrol(
      actor.schoolId,
      actor.userId,
      {
        certificate: Buffer.from(opened.certificate),
        sealedKey: sealPrivateKey(opened.privateKeyPkcs8, passphrase),
        subject: d.subject,
        issuer: d.issuer,
        serialNumber: d.serialNumber,
        sha256: d.sha256,
        notAfter: d.notAfter.toISOString(),
      },
      now.toISOString(),
    );
    return this.mine(actor);
  }
}
