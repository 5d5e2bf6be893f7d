import { createDemoCa, issueDemoSigner } from './demo-ca';
import { createPkcs12 } from './pkcs12';

export interface DemoSigningBundle {
  caCertificate: Uint8Array;
  /** By the person's key: the PKCS#12 (key, certificate, CA) under the passphrase, and the certificate alone. */
  signers: Record<string, { pkcs12: Uint8Array; certificate: Uint8Array }>;
}

/**
 * A demo CA and one PKCS#12 per person (RSA 2048, certificate valid three years from `now`), all under the same
 * passphrase. Demo only: no reader trusts the CA.
 */
export async function createDemoSigningBundle(
  people: { key: string; name: string }[],
  o: { organization: string; now: Date; passphrase: string },
): Promise<DemoSigningBundle> {
  const ca = await createDemoCa({ name: 'Grif демо күбөлүк борбору', organization: o.organization, now: o.now });
  const signers: DemoSigningBundle['signers'] = {};
  for (const [i, person] of people.entries()) {
    const signer = await issueDemoSigner(ca, {
      name: person.name,
      organization: o.organization,
      now: o.now,
      serialNumber: i + 1,
    });
    const pkcs12 = await createPkcs12({
      certificate: signer.certificate,
      chain: [ca.certificate],
      privateKey: signer.privateKey,
      passphrase: o.passphrase,
      friendlyName: person.name,
    });
    signers[person.key] = { pkcs12, certificate: signer.certificate };
  }
  return { caCertificate: ca.certificate, signers };
}
