import { constants, createHash, createPublicKey, verify } from 'node:crypto';
import type * as Pkijs from 'pkijs';
import { loadAsn1js, loadPdfLib, loadPkijs } from '../lazy-libraries';
import { sha256Hex, toArrayBuffer } from './bytes';
import { commonName } from './certificate';
import { OID } from './oids';

export interface PdfSignatureCheck {
  /** The signer certificate's common name ('' when the signature cannot be read). */
  signer: string;
  /** ISO time: the CMS signingTime attribute if there is one, else the dictionary's /M (as pdfsig shows it). */
  signedAt: string | null;
  /** The content digest matches the ByteRange and the signature over the signed attributes checks. */
  valid: boolean;
  /** The ByteRange runs to the end of the file: nothing was appended after this signature. */
  coversWholeDocument: boolean;
  certificateSha256: string;
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  [OID.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

interface SignatureDictionary {
  byteRange: number[];
  contents: Uint8Array;
  modified: Date | null;
}

/** Every signature dictionary of every revision (object streams included), oldest first. */
async function signatureDictionaries(pdf: Uint8Array): Promise<SignatureDictionary[]> {
  const { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString } = loadPdfLib();
  const doc = await PDFDocument.load(pdf, {
    ignoreEncryption: true,
    updateMetadata: false,
    throwOnInvalidObject: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const found: SignatureDictionary[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    const range = object.lookup(PDFName.of('ByteRange'));
    const contents = object.lookup(PDFName.of('Contents'));
    if (!(range instanceof PDFArray) || !(contents instanceof PDFHexString || contents instanceof PDFString)) continue;
    const m = object.lookup(PDFName.of('M'));
    let modified: Date | null = null;
    try {
      if (m instanceof PDFString || m instanceof PDFHexString) modified = m.decodeDate();
    } catch {
      modified = null;
    }
    found.push({
      byteRange: range.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)),
      contents: contents.asBytes(),
      modified,
    });
  }
  const end = (s: SignatureDictionary) => s.byteRange[2] + s.byteRange[3];
  return found.sort((a, b) => end(a) - end(b));
}

const LT = 0x3c;
const GT = 0x3e;

/** The bytes a ByteRange covers, or null unless it is the whole file but for one hex string (the /Contents). */
function coveredBytes(pdf: Uint8Array, [a, b, c, d]: number[]): Buffer | null {
  const sane =
    a === 0 &&
    [b, c, d].every(Number.isInteger) &&
    b > 0 &&
    c > b &&
    d >= 0 &&
    c + d <= pdf.length &&
    pdf[b] === LT &&
    pdf[c - 1] === GT;
  return sane ? Buffer.concat([pdf.subarray(a, b), pdf.subarray(c, c + d)]) : null;
}

const attributeValue = (info: Pkijs.SignerInfo, type: string) =>
  info.signedAttrs?.attributes.find((a) => a.type === type)?.values[0];

function signerCertificate(signed: Pkijs.SignedData, info: Pkijs.SignerInfo): Pkijs.Certificate | undefined {
  const pkijs = loadPkijs();
  const certificates = (signed.certificates ?? []).filter(
    (c): c is Pkijs.Certificate => c instanceof pkijs.Certificate,
  );
  const sid = info.sid;
  const byIssuer =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  return byIssuer ?? certificates[0];
}

/** The signer's signature over the signed attributes (or the content itself when there are none). */
function signatureChecks(info: Pkijs.SignerInfo, cert: Pkijs.Certificate, data: Buffer, hash: string): boolean {
  const key = createPublicKey({
    key: Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)),
    format: 'der',
    type: 'spki',
  });
  const value = Buffer.from(info.signature.valueBlock.valueHexView);
  if (info.signatureAlgorithm.algorithmId === OID.rsassaPss) {
    const { RSASSAPSSParams } = loadPkijs();
    const params = new RSASSAPSSParams({ schema: info.signatureAlgorithm.algorithmParams });
    const pssHash = HASHES[params.hashAlgorithm.algorithmId] ?? 'sha1';
    return verify(
      pssHash,
      data,
      { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength },
      value,
    );
  }
  // RSA PKCS#1 v1.5 and ECDSA (DER-encoded value, as CMS requires).
  return verify(hash, data, key, value);
}

interface CmsCheck {
  signer: string;
  certificateSha256: string;
  signingTime: Date | null;
  valid: boolean;
}

function checkCms(contents: Uint8Array, content: Buffer | null): CmsCheck {
  const failed: CmsCheck = { signer: '', certificateSha256: '', signingTime: null, valid: false };
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  // The hole is padded with zeros after the DER: asn1js stops at the end of the first element.
  const parsed = asn1js.fromBER(toArrayBuffer(contents));
  if (parsed.offset === -1) return failed;
  const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
  if (contentInfo.contentType !== OID.signedData) return failed;
  const signed = new pkijs.SignedData({ schema: contentInfo.content });
  const info = signed.signerInfos[0];
  const cert = info && signerCertificate(signed, info);
  if (!cert) return failed;
  const time = attributeValue(info, OID.signingTime);
  const result: CmsCheck = {
    signer: commonName(cert.subject),
    certificateSha256: sha256Hex(new Uint8Array(cert.toSchema().toBER(false))),
    signingTime: time instanceof asn1js.UTCTime || time instanceof asn1js.GeneralizedTime ? time.toDate() : null,
    valid: false,
  };
  const hash = HASHES[info.digestAlgorithm.algorithmId];
  if (!content || !hash) return result;
  const digest = createHash(hash).update(content).digest();
  if (!info.signedAttrs) return { ...result, valid: signatureChecks(info, cert, content, hash) };
  const messageDigest = attributeValue(info, OID.messageDigest);
  const digestMatches =
    messageDigest instanceof asn1js.OctetString && digest.equals(Buffer.from(messageDigest.valueBlock.valueHexView));
  const signedAttributes = Buffer.from(info.signedAttrs.encodedValue); // re-tagged as a SET by pkijs
  return { ...result, valid: digestMatches && signatureChecks(info, cert, signedAttributes, hash) };
}

/**
 * Checks every signature in the PDF in pure Node, as pdfsig does apart from trust in the issuer: the
 * messageDigest attribute against the digest of the ByteRange, and the signature over the signed attributes with
 * the public key of the certificate embedded in the CMS. Certificate chains and revocation are not checked.
 */
export async function verifyPdfSignatures(pdf: Uint8Array): Promise<PdfSignatureCheck[]> {
  const dictionaries = await signatureDictionaries(pdf);
  return dictionaries.map(({ byteRange, contents, modified }) => {
    const content = coveredBytes(pdf, byteRange);
    let cms: CmsCheck;
    try {
      cms = checkCms(contents, content);
    } catch {
      cms = { signer: '', certificateSha256: '', signingTime: null, valid: false };
    }
    const when = cms.signingTime ?? modified;
    return {
      signer: cms.signer,
      signedAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : null,
      valid: cms.valid,
      coversWholeDocument: content !== null && byteRange[2] + byteRange[3] === pdf.length,
      certificateSha256: cms.certificateSha256,
    };
  });
}
