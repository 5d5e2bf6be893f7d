import { webcrypto } from 'node:crypto';
import { loadSignpdfPlaceholder, loadSignpdfUtils } from '../lazy-libraries';
import { fillByteRange, lastSlot, signedBytes } from './byte-range';
import { assembleCms, dataToSignFor } from './cms';

/** Room for the CMS in bytes (hex doubles it): a certificate, three attributes and an RSA-4096 value fit. */
const SIGNATURE_LENGTH = 8192;

export interface SignatureInfo {
  /** The signer's X.509 certificate, DER. */
  certificate: Uint8Array;
  /** Printed in the signature dictionary's /Name (UTF-16, so Kyrgyz names survive). */
  name: string;
  reason: string;
  location: string;
  contactInfo?: string;
  /** Goes into the dictionary's /M: PAdES B-B carries no signing-time attribute. */
  signedAt: Date;
}

export interface PreparedSignature {
  /** The PDF with a new revision holding an empty signature of known ByteRange. */
  pdf: Buffer;
  /** Step one of the two-step route: the DER of the signed attributes the key must sign (RSA PKCS#1 v1.5 or ECDSA, SHA-256). */
  dataToSign: Uint8Array;
}

/**
 * Appends a signature placeholder as an incremental update (earlier signatures stay valid) and returns the
 * bytes to sign. placeholder-plain is used for every signature, the first included: mixing it with pdf-lib's
 * placeholder drops signature 1 from the form's field list (stack.md).
 */
export function prepareSignature(pdf: Uint8Array, info: SignatureInfo): PreparedSignature {
  const { plainAddPlaceholder } = loadSignpdfPlaceholder();
  const { SUBFILTER_ETSI_CADES_DETACHED } = loadSignpdfUtils();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: Buffer.from(pdf),
    reason: info.reason,
    contactInfo: info.contactInfo ?? '',
    name: info.name,
    location: info.location,
    signingTime: info.signedAt,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Grif',
  });
  const prepared = fillByteRange(withPlaceholder);
  const content = signedBytes(prepared, lastSlot(prepared));
  return { pdf: prepared, dataToSign: dataToSignFor(info.certificate, content) };
}

/** Step two: puts the CMS made from the external signature value into the prepared PDF's newest signature. */
export function embedSignature(prepared: Uint8Array, certificate: Uint8Array, signatureValue: Uint8Array): Buffer {
  const pdf = Buffer.from(prepared);
  const slot = lastSlot(pdf);
  const cms = assembleCms(certificate, signedBytes(pdf, slot), signatureValue);
  const hex = Buffer.from(cms).toString('hex');
  if (hex.length > slot.hexLength) throw new Error(`The signature (${hex.length / 2} B) exceeds its placeholder`);
  pdf.write(hex.padEnd(slot.hexLength, '0'), slot.contentsStart + 1, 'latin1');
  return pdf;
}

/** Signs the data with a WebCrypto private key (RSASSA-PKCS1-v1_5 or ECDSA, SHA-256). */
export async function signData(key: webcrypto.CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  const algorithm = key.algorithm.name === 'ECDSA' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: key.algorithm.name };
  return new Uint8Array(await webcrypto.subtle.sign(algorithm, key, data));
}

/** One-step signing with a key unlocked in this process: prepare, sign, embed. */
export async function signPdf(pdf: Uint8Array, info: SignatureInfo, key: webcrypto.CryptoKey): Promise<Buffer> {
  const prepared = prepareSignature(pdf, info);
  return embedSignature(prepared.pdf, info.certificate, await signData(key, prepared.dataToSign));
}
