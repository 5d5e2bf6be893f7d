import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import { loadX509 } from '../lazy-libraries';

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC = { name: 'ECDSA', namedCurve: 'P-256' };
const YEAR_MS = 365 * 24 * 3600 * 1000;

export interface DemoCa {
  certificate: Uint8Array;
  name: string;
  keys: webcrypto.CryptoKeyPair;
}

export interface DemoSigner {
  /** DER of the signer's certificate. */
  certificate: Uint8Array;
  privateKey: webcrypto.CryptoKey;
  name: string;
}

// A name given as JSON is stored as UTF8String, so Kyrgyz letters stay intact in the certificate.
const distinguishedName = (commonName: string, org: string): X509.JsonName => [
  { CN: [commonName] },
  { O: [org] },
  { C: ['KG'] },
];

const serial = (n: number) => n.toString(16).padStart(2, '0');

/** A self-signed demo CA. Demo only: the issuer is not trusted by any reader, which pdfsig reports apart from validity. */
export async function createDemoCa(opts: { name: string; organization: string; now: Date }): Promise<DemoCa> {
  const x509 = loadX509();
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: new x509.Name(distinguishedName(opts.name, opts.organization)),
    notBefore: opts.now,
    notAfter: new Date(opts.now.getTime() + 10 * YEAR_MS),
    keys: keys as CryptoKeyPair,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    ],
  });
  return { certificate: new Uint8Array(cert.rawData), name: opts.name, keys };
}

/** A signer certificate issued by the demo CA to a person (named in Kyrgyz), for document signing. */
export async function issueDemoSigner(
  ca: DemoCa,
  opts: { name: string; organization: string; now: Date; serialNumber: number; keyAlgorithm?: 'RSA' | 'ECDSA' },
): Promise<DemoSigner> {
  const x509 = loadX509();
  const algorithm = opts.keyAlgorithm === 'ECDSA' ? EC : RSA;
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
  const caCert = new x509.X509Certificate(ca.certificate.slice().buffer as ArrayBuffer);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(opts.serialNumber + 1),
    subject: new x509.Name(distinguishedName(opts.name, opts.organization)),
    issuer: caCert.subjectName,
    notBefore: opts.now,
    notAfter: new Date(opts.now.getTime() + 3 * YEAR_MS),
    publicKey: keys.publicKey as CryptoKey,
    signingKey: ca.keys.privateKey as CryptoKey,
    signingAlgorithm: RSA,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey as CryptoKey),
    ],
  });
  return { certificate: new Uint8Array(cert.rawData), privateKey: keys.privateKey, name: opts.name };
}
