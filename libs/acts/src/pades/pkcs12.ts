import { createHash, createPrivateKey, createPublicKey, KeyObject, webcrypto } from 'node:crypto';
import type * as Asn1js from 'asn1js';
import type * as Pkijs from 'pkijs';
import { loadAsn1js, loadPkijs, onFirstUse } from '../lazy-libraries';
import { toArrayBuffer } from './bytes';
import { parseCertificateDer } from './certificate';
import { CertificateBundleError, PassphraseError } from './errors';
import { OID } from './oids';

/** pkijs's engine over Node's WebCrypto, made on first use like pkijs itself. */
export const cryptoEngine = onFirstUse(() => {
  const { CryptoEngine } = loadPkijs();
  return new CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
});

/**
 * What `openssl pkcs12 -export` of OpenSSL 3 writes: PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC) for the key and the
 * certificates, a SHA-256 MAC, 2048 iterations each (PKCS12_DEFAULT_ITER).
 */
const ITERATIONS = 2048;
const PBES2 = '1.2.840.113549.1.5.13';
const pbes2 = (password: ArrayBuffer, iterationCount: number) => ({
  password,
  // pkijs draws the IV itself; only the name and length are read here.
  contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 } as Pkijs.ContentEncryptionAlgorithm,
  hmacHashAlgorithm: 'SHA-256',
  iterationCount,
});

/** PBES2 takes the passphrase as its UTF-8 bytes; the MAC's PKCS#12 KDF turns those into a BMPString (RFC 7292 B.1). */
const utf8 = (s: string) => toArrayBuffer(new TextEncoder().encode(s));

const attribute = (type: string, value: Asn1js.BaseBlock) => {
  const { Attribute } = loadPkijs();
  return new Attribute({ type, values: [value] });
};

/** Throws unless the PKCS#8 private key belongs to the certificate's public key. */
export function assertKeyMatches(certificate: Pkijs.Certificate, pkcs8: Uint8Array): void {
  let matches = false;
  try {
    const fromKey = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }));
    const spki = Buffer.from(certificate.subjectPublicKeyInfo.toSchema().toBER(false));
    // Both re-exported by OpenSSL, so equal keys give equal bytes. Not KeyObject.equals: on Node 20.20 comparing an
    // RSA key with an EC key leaves an OpenSSL error queued, and the next WebCrypto AES job aborts the process.
    const exported = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
    matches = exported(fromKey).equals(exported(createPublicKey({ key: spki, format: 'der', type: 'spki' })));
  } catch (cause) {
    throw new CertificateBundleError('The private key or the certificate cannot be read', { cause });
  }
  if (!matches) throw new CertificateBundleError('The private key does not match the certificate');
}

/** A PKCS#12 (PFX) holding the private key and the certificate with its chain, protected by the passphrase. */
export async function createPkcs12(o: {
  certificate: Uint8Array;
  chain?: Uint8Array[];
  privateKey: webcrypto.CryptoKey;
  passphrase: string;
  friendlyName?: string;
  /** PBKDF2 and MAC iterations; OpenSSL's 2048 by default. */
  iterations?: number;
}): Promise<Uint8Array> {
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  const iterations = o.iterations ?? ITERATIONS;
  const leaf = parseCertificateDer(o.certificate);
  if (!o.privateKey.extractable) throw new CertificateBundleError('The private key is not extractable');
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', o.privateKey));
  assertKeyMatches(leaf, pkcs8);
  const password = utf8(o.passphrase);

  // Both bags carry the same localKeyID (SHA-1 of the certificate, as OpenSSL does) so readers pair them.
  const localKeyId = attribute(
    OID.localKeyId,
    new asn1js.OctetString({ valueHex: toArrayBuffer(createHash('sha1').update(o.certificate).digest()) }),
  );
  const leafAttributes = [
    ...(o.friendlyName ? [attribute(OID.friendlyName, new asn1js.BmpString({ value: o.friendlyName }))] : []),
    localKeyId,
  ];
  const certBag = (der: Uint8Array, bagAttributes?: Pkijs.Attribute[]) =>
    new pkijs.SafeBag({
      bagId: OID.certBag,
      bagValue: new pkijs.CertBag({
        certId: OID.x509Certificate,
        certValue: new asn1js.OctetString({ valueHex: toArrayBuffer(der) }),
      }),
      ...(bagAttributes ? { bagAttributes } : {}),
    });
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: pkijs.PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8)) });
  await keyBag.makeInternalValues(pbes2(password, iterations), cryptoEngine());

  // As OpenSSL lays it out: the certificates in an encrypted SafeContents, the shrouded key in a plain one.
  const pfx = new pkijs.PFX({
    parsedValue: {
      integrityMode: 0,
      authenticatedSafe: new pkijs.AuthenticatedSafe({
        parsedValue: {
          safeContents: [
            {
              privacyMode: 1,
              value: new pkijs.SafeContents({
                safeBags: [certBag(o.certificate, leafAttributes), ...(o.chain ?? []).map((c) => certBag(c))],
              }),
            },
            {
              privacyMode: 0,
              value: new pkijs.SafeContents({
                safeBags: [
                  new pkijs.SafeBag({
                    bagId: OID.pkcs8ShroudedKeyBag,
                    bagValue: keyBag,
                    bagAttributes: leafAttributes,
                  }),
                ],
              }),
            },
          ],
        },
      }),
    },
  });
  await pfx.parsedValue!.authenticatedSafe!.makeInternalValues(
    { safeContents: [pbes2(password, iterations), {}] },
    cryptoEngine(),
  );
  await pfx.makeInternalValues(
    { password, iterations, pbkdf2HashAlgorithm: 'SHA-256', hmacHashAlgorithm: 'SHA-256' },
    cryptoEngine(),
  );
  return new Uint8Array(pfx.toSchema().toBER(false));
}

/**
 * Iteration counts are the sender's choice: a crafted file could ask for billions and hold a thread (the MAC's
 * PKCS#12 KDF runs on the event loop). Real files use 2048 (OpenSSL), 2000 (Windows) to 10,000 (Java) and more.
 */
const MAX_MAC_ITERATIONS = 200_000;
const MAX_PBKDF2_ITERATIONS = 5_000_000;

/** asn1js reads an INTEGER of four bytes or more as 0, so a 0 here is either that or nonsense. */
export function assertIterations(what: string, count: number, max: number): void {
  if (count < 1 || count > max) throw new CertificateBundleError(`Unsupported ${what} iteration count (${count})`);
}

/** Throws if a PBES2 algorithm asks for more PBKDF2 iterations than Grif will run. */
export function assertAffordable(algorithm: Pkijs.AlgorithmIdentifier): void {
  if (algorithm.algorithmId !== PBES2) return; // legacy schemes fail later, with their own message
  const pkijs = loadPkijs();
  // Parsed from copies: pkijs's parsers clear the schema they read, and decryption reads it afterwards.
  const params = pkijs.PBES2Params.fromBER(algorithm.algorithmParams.toBER(false));
  const kdf = pkijs.PBKDF2Params.fromBER(params.keyDerivationFunc.algorithmParams.toBER(false));
  assertIterations('PBKDF2', kdf.iterationCount, MAX_PBKDF2_ITERATIONS);
}

/** Checks the MAC the way OpenSSL does: UTF-8 → BMPString first, then the byte-per-character form of OpenSSL 1.0. */
async function macMatches(pfx: Pkijs.PFX, passphrase: string): Promise<boolean> {
  const engine = cryptoEngine();
  const mac = pfx.macData!;
  const content = (pfx.authSafe.content as Asn1js.OctetString).getValue();
  const hash = engine.getAlgorithmByOID<Algorithm>(mac.mac.digestAlgorithm.algorithmId, true).name;
  const legacy = Buffer.from(Buffer.from(passphrase, 'utf8').toString('latin1'), 'utf8');
  for (const password of [utf8(passphrase), toArrayBuffer(legacy)]) {
    const ok = await engine.verifyDataStampedWithPassword({
      password,
      hashAlgorithm: hash,
      salt: toArrayBuffer(mac.macSalt.valueBlock.valueHexView),
      iterationCount: mac.iterations ?? 1,
      contentToVerify: content,
      signatureToVerify: toArrayBuffer(mac.mac.digest.valueBlock.valueHexView),
    });
    if (ok) return true;
  }
  return false;
}

async function decryptKeyBag(bag: Pkijs.PKCS8ShroudedKeyBag, password: ArrayBuffer): Promise<Uint8Array> {
  const { EncryptedContentInfo, EncryptedData } = loadPkijs();
  const encrypted = new EncryptedData({
    encryptedContentInfo: new EncryptedContentInfo({
      contentEncryptionAlgorithm: bag.encryptionAlgorithm,
      encryptedContent: bag.encryptedData,
    }),
  });
  return new Uint8Array(await encrypted.decrypt({ password }, cryptoEngine()));
}

const LEGACY =
  'uses an encryption older than PBES2 (3DES/RC2): convert it once with `openssl pkcs12 -legacy -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`';

/** Opens a PKCS#12: the certificate whose public key matches the private key, the other certificates, the key. */
export async function openPkcs12(
  p12: Uint8Array,
  passphrase: string,
): Promise<{ certificate: Uint8Array; chain: Uint8Array[]; privateKeyPkcs8: Uint8Array }> {
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  let pfx: Pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(toArrayBuffer(p12));
  } catch (cause) {
    throw new CertificateBundleError('Not a PKCS#12 file', { cause });
  }
  if (pfx.authSafe.contentType !== OID.data || !(pfx.authSafe.content instanceof asn1js.OctetString)) {
    throw new CertificateBundleError('Only password-integrity PKCS#12 files are supported');
  }
  assertIterations('MAC', pfx.macData?.iterations ?? 1, MAX_MAC_ITERATIONS);
  if (pfx.macData && !(await macMatches(pfx, passphrase))) throw new PassphraseError();
  const password = utf8(passphrase);

  const certificates: Uint8Array[] = [];
  const keys: Uint8Array[] = [];
  try {
    const authSafe = pkijs.AuthenticatedSafe.fromBER(pfx.authSafe.content.getValue());
    for (const content of authSafe.safeContents) {
      if (content.contentType !== OID.encryptedData) continue;
      // From a copy: pkijs's parsers clear the schema they read, and parseInternalValues reads it next.
      const encrypted = pkijs.EncryptedData.fromBER(content.content.toBER(false));
      assertAffordable(encrypted.encryptedContentInfo.contentEncryptionAlgorithm);
    }
    await authSafe.parseInternalValues(
      { safeContents: authSafe.safeContents.map(() => ({ password })) },
      cryptoEngine(),
    );
    for (const { value } of authSafe.parsedValue!.safeContents) {
      for (const bag of value.safeBags) {
        if (bag.bagValue instanceof pkijs.CertBag && bag.bagValue.certId === OID.x509Certificate) {
          certificates.push(new Uint8Array((bag.bagValue.certValue as Asn1js.OctetString).getValue()));
        } else if (bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
          assertAffordable(bag.bagValue.encryptionAlgorithm);
          keys.push(await decryptKeyBag(bag.bagValue, password));
        } else if (bag.bagValue instanceof pkijs.PrivateKeyInfo) {
          keys.push(new Uint8Array(bag.bagValue.toSchema().toBER(false)));
        }
      }
    }
  } catch (cause) {
    if (cause instanceof CertificateBundleError) throw cause;
    if (cause instanceof Error && /Unknown "contentEncryptionAlgorithm"/.test(cause.message)) {
      throw new CertificateBundleError(`The PKCS#12 ${LEGACY}`, { cause });
    }
    // Without a MAC a wrong passphrase only shows as a decryption failure.
    if (!pfx.macData) throw new PassphraseError(undefined, { cause });
    throw new CertificateBundleError('The PKCS#12 cannot be read', { cause });
  }
  if (!keys.length) throw new CertificateBundleError('The PKCS#12 holds no private key');
  if (!certificates.length) throw new CertificateBundleError('The PKCS#12 holds no certificate');

  const privateKeyPkcs8 = keys[0];
  const leafIndex = certificates.findIndex((der) => {
    try {
      assertKeyMatches(pkijs.Certificate.fromBER(toArrayBuffer(der)), privateKeyPkcs8);
      return true;
    } catch {
      return false;
    }
  });
  if (leafIndex < 0) throw new CertificateBundleError('The private key does not match any certificate in the PKCS#12');
  return {
    certificate: certificates[leafIndex],
    chain: certificates.filter((_, i) => i !== leafIndex),
    privateKeyPkcs8,
  };
}
