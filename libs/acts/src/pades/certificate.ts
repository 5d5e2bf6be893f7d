import type * as Asn1js from 'asn1js';
import type * as Pkijs from 'pkijs';
import { loadPkijs } from '../lazy-libraries';
import { sha256Hex, toArrayBuffer } from './bytes';
import { CertificateBundleError } from './errors';
import { OID } from './oids';

export interface CertificateDescription {
  /** The subject's common name (Cyrillic kept); the whole name when it has no CN. */
  subject: string;
  issuer: string;
  /** Lower-case hex, without the sign byte DER may add. */
  serialNumber: string;
  /** Lower-case hex SHA-256 of the DER: the certificate's fingerprint. */
  sha256: string;
  notBefore: Date;
  notAfter: Date;
}

export function parseCertificateDer(der: Uint8Array): Pkijs.Certificate {
  try {
    return loadPkijs().Certificate.fromBER(toArrayBuffer(der));
  } catch (cause) {
    throw new CertificateBundleError('Not an X.509 certificate', { cause });
  }
}

const SHORT: Record<string, string> = {
  [OID.commonName]: 'CN',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
};

// UTF8String, PrintableString, BMPString… all decode to their text in asn1js.
const text = (value: Asn1js.BaseBlock): string => String((value.valueBlock as { value?: unknown }).value ?? '');

/** The common name of an X.500 name, or the whole name ("O=…, C=KG") when there is none. */
export function commonName(name: Pkijs.RelativeDistinguishedNames): string {
  const cn = name.typesAndValues.find((t) => t.type === OID.commonName);
  if (cn) return text(cn.value);
  return name.typesAndValues.map((t) => `${SHORT[t.type] ?? t.type}=${text(t.value)}`).join(', ');
}

/** What Grif shows and stores of a signer's certificate. */
export function describeCertificate(der: Uint8Array): CertificateDescription {
  const cert = parseCertificateDer(der);
  const serial = Buffer.from(cert.serialNumber.valueBlock.valueHexView);
  const trimmed = serial.length > 1 && serial[0] === 0 ? serial.subarray(1) : serial;
  return {
    subject: commonName(cert.subject),
    issuer: commonName(cert.issuer),
    serialNumber: trimmed.toString('hex'),
    sha256: sha256Hex(der),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
  };
}
