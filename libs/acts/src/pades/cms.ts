import { createHash } from 'node:crypto';
import type * as Pkijs from 'pkijs';
import { loadAsn1js, loadPkijs } from '../lazy-libraries';
import { OID } from './oids';

const sha256 = (data: Uint8Array): Buffer => createHash('sha256').update(data).digest();
const toArrayBuffer = (u: Uint8Array): ArrayBuffer =>
  u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;

const isEc = (cert: Pkijs.Certificate) => cert.subjectPublicKeyInfo.algorithm.algorithmId === OID.ecPublicKey;

/**
 * The SignerInfo of a PAdES B-B signature before its value: contentType, messageDigest and ESS
 * signingCertificateV2. No signing-time attribute — PAdES B-B forbids it; the time is the dictionary's /M.
 */
function signerInfo(cert: Pkijs.Certificate, contentDigest: Uint8Array): Pkijs.SignerInfo {
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  // ESSCertIDv2 with the default hash (SHA-256) omitted, as DER requires.
  const essCertId = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(new Uint8Array(cert.toSchema().toBER()))) })],
  });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier(
      isEc(cert)
        ? { algorithmId: OID.ecdsaWithSha256 }
        : { algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() },
    ),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({
      type: 0,
      attributes: [
        new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
        new pkijs.Attribute({
          type: OID.messageDigest,
          values: [new asn1js.OctetString({ valueHex: toArrayBuffer(contentDigest) })],
        }),
        new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2] }),
      ],
    }),
  });
}

/** The DER of the signed attributes as a SET: the exact bytes a signer signs (RFC 5652 §5.4). */
function signedAttributesDer(info: Pkijs.SignerInfo): Uint8Array {
  const der = new Uint8Array(info.signedAttrs!.toSchema().toBER());
  der[0] = 0x31; // [0] IMPLICIT in SignerInfo, but a SET when signed
  return der;
}

export const parseCertificate = (der: Uint8Array): Pkijs.Certificate =>
  loadPkijs().Certificate.fromBER(toArrayBuffer(der));

/** Step one: what the signer's key (or token) must sign for content with this SHA-256 digest. */
export function dataToSignFor(certDer: Uint8Array, content: Uint8Array): Uint8Array {
  return signedAttributesDer(signerInfo(parseCertificate(certDer), sha256(content)));
}

/** Step two: the detached CMS (DER) for the content, with the signature value made over `dataToSignFor`. */
export function assembleCms(certDer: Uint8Array, content: Uint8Array, signatureValue: Uint8Array): Uint8Array {
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  const cert = parseCertificate(certDer);
  const info = signerInfo(cert, sha256(content));
  const value = isEc(cert) ? ecdsaToDer(signatureValue) : signatureValue;
  info.signature = new asn1js.OctetString({ valueHex: toArrayBuffer(value) });
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: [cert],
    signerInfos: [info],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

/** WebCrypto gives ECDSA as raw r||s; CMS needs the DER SEQUENCE { r, s } (raw gives "Signature is Invalid."). */
export function ecdsaToDer(value: Uint8Array): Uint8Array {
  if (isDerEcdsa(value)) return value;
  const asn1js = loadAsn1js();
  const half = value.length / 2;
  const int = (b: Uint8Array) => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const trimmed = b.subarray(i);
    return new asn1js.Integer({
      valueHex: toArrayBuffer(trimmed[0] & 0x80 ? new Uint8Array([0, ...trimmed]) : trimmed),
    });
  };
  const seq = new asn1js.Sequence({ value: [int(value.subarray(0, half)), int(value.subarray(half))] });
  return new Uint8Array(seq.toBER(false));
}

/**
 * Raw r||s is random bytes; asn1js may read them as some other type and even throw (a UniversalString of odd length
 * did, once in a few hundred signatures), so only a SEQUENCE tag is handed to the parser, and a throw means "not DER".
 */
function isDerEcdsa(value: Uint8Array): boolean {
  if (value[0] !== 0x30) return false;
  const asn1js = loadAsn1js();
  try {
    const parsed = asn1js.fromBER(toArrayBuffer(value));
    return (
      parsed.offset === value.length &&
      parsed.result instanceof asn1js.Sequence &&
      parsed.result.valueBlock.value.length === 2 &&
      parsed.result.valueBlock.value.every((v) => v instanceof asn1js.Integer)
    );
  } catch {
    return false;
  }
}
