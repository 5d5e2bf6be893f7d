import { createCipheriv, createDecipheriv, pbkdf2, pbkdf2Sync, randomBytes, webcrypto } from 'node:crypto';
import { promisify } from 'node:util';
import type * as Asn1js from 'asn1js';
import { loadAsn1js, loadPkijs } from '../lazy-libraries';
import { toArrayBuffer } from './bytes';
import { CertificateBundleError, PassphraseError } from './errors';
import { OID } from './oids';
import { assertIterations } from './pkcs12';

/**
 * PBKDF2-HMAC-SHA256 iterations for a sealed key (OWASP's 2023 figure, ~150 ms here). The key is stored sealed in
 * Grif's database, so this is what stands between a stolen dump and the signers' keys. OpenSSL and Node's
 * `KeyObject.export({cipher})` use 2048, which unsealPrivateKey reads as well.
 */
export const SEAL_ITERATIONS = 600_000;

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const HMAC: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const AES_CBC: Record<string, { cipher: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { cipher: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { cipher: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { cipher: 'aes-256-cbc', keyLength: 32 },
};
const LABEL = 'ENCRYPTED PRIVATE KEY';

const pem = (der: Uint8Array) =>
  `-----BEGIN ${LABEL}-----\n${Buffer.from(der)
    .toString('base64')
    .replace(/.{64}/g, '$&\n')
    .replace(/\n?$/, '\n')}-----END ${LABEL}-----\n`;

/**
 * The private key (PKCS#8 DER) encrypted under the signer's passphrase, as an encrypted PKCS#8 PEM
 * (PBES2: PBKDF2-HMAC-SHA256, AES-256-CBC) that `openssl pkcs8` also opens. Never stored in clear.
 */
export function sealPrivateKey(pkcs8Der: Uint8Array, passphrase: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, SEAL_ITERATIONS, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(pkcs8Der), cipher.final()]);
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  const algorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: PBES2,
    algorithmParams: new pkijs.PBES2Params({
      keyDerivationFunc: new pkijs.AlgorithmIdentifier({
        algorithmId: PBKDF2,
        algorithmParams: new pkijs.PBKDF2Params({
          salt: new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
          iterationCount: SEAL_ITERATIONS,
          prf: new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.2.9', algorithmParams: new asn1js.Null() }),
        }).toSchema(),
      }),
      encryptionScheme: new pkijs.AlgorithmIdentifier({
        algorithmId: '2.16.840.1.101.3.4.1.42',
        algorithmParams: new asn1js.OctetString({ valueHex: toArrayBuffer(iv) }),
      }),
    }).toSchema(),
  });
  const info = new asn1js.Sequence({
    value: [algorithm.toSchema(), new asn1js.OctetString({ valueHex: toArrayBuffer(encrypted) })],
  });
  return pem(new Uint8Array(info.toBER(false)));
}

interface Sealed {
  salt: Buffer;
  iterations: number;
  hash: string;
  cipher: string;
  keyLength: number;
  iv: Buffer;
  encrypted: Buffer;
}

/** Reads an EncryptedPrivateKeyInfo PEM with PBES2 / PBKDF2 / AES-CBC (ours, OpenSSL's, Node's). */
function readSealed(sealed: string): Sealed {
  const asn1js = loadAsn1js();
  const pkijs = loadPkijs();
  try {
    const body = new RegExp(`-----BEGIN ${LABEL}-----([^-]+)-----END ${LABEL}-----`).exec(sealed)?.[1];
    if (!body) throw new Error(`No ${LABEL} PEM block`);
    const bag = pkijs.PKCS8ShroudedKeyBag.fromBER(toArrayBuffer(Buffer.from(body.replace(/\s+/g, ''), 'base64')));
    if (bag.encryptionAlgorithm.algorithmId !== PBES2) throw new Error('Not PBES2');
    const params = new pkijs.PBES2Params({ schema: bag.encryptionAlgorithm.algorithmParams });
    if (params.keyDerivationFunc.algorithmId !== PBKDF2) throw new Error('Not PBKDF2');
    const kdf = new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
    const hash = HMAC[kdf.prf?.algorithmId ?? '1.2.840.113549.2.7'];
    const aes = AES_CBC[params.encryptionScheme.algorithmId];
    if (!hash || !aes || !(kdf.salt instanceof asn1js.OctetString)) throw new Error('Unsupported PBES2 parameters');
    assertIterations('PBKDF2', kdf.iterationCount, 5 * SEAL_ITERATIONS);
    return {
      salt: Buffer.from(kdf.salt.valueBlock.valueHexView),
      iterations: kdf.iterationCount,
      hash,
      ...aes,
      iv: Buffer.from((params.encryptionScheme.algorithmParams as Asn1js.OctetString).valueBlock.valueHexView),
      encrypted: Buffer.from(bag.encryptedData.valueBlock.valueHexView),
    };
  } catch (cause) {
    throw new CertificateBundleError('Not a sealed private key', { cause });
  }
}

/** WebCrypto's import parameters for the key in a PKCS#8: RSA PKCS#1 v1.5 or ECDSA P-256, both with SHA-256. */
function importAlgorithm(pkcs8: Uint8Array): webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams {
  const info = loadPkijs().PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8));
  const id = info.privateKeyAlgorithm.algorithmId;
  if (id === OID.rsaEncryption) return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const curve = info.privateKeyAlgorithm.algorithmParams;
  if (
    id === OID.ecPublicKey &&
    curve instanceof loadAsn1js().ObjectIdentifier &&
    curve.getValue() === '1.2.840.10045.3.1.7'
  ) {
    return { name: 'ECDSA', namedCurve: 'P-256' };
  }
  throw new CertificateBundleError(`Unsupported private key algorithm ${id}: RSA or ECDSA P-256 only`);
}

/** Opens a sealed key for signing (signData / signPdf). The key derivation runs off the event loop. */
export async function unsealPrivateKey(sealed: string, passphrase: string): Promise<webcrypto.CryptoKey> {
  const s = readSealed(sealed);
  const key = await promisify(pbkdf2)(Buffer.from(passphrase, 'utf8'), s.salt, s.iterations, s.keyLength, s.hash);
  let pkcs8: Uint8Array;
  try {
    const decipher = createDecipheriv(s.cipher, key, s.iv);
    pkcs8 = Buffer.concat([decipher.update(s.encrypted), decipher.final()]);
    // A wrong key passes the padding check about once in 256: the content must still be a private key.
    loadPkijs().PrivateKeyInfo.fromBER(toArrayBuffer(pkcs8));
  } catch (cause) {
    throw new PassphraseError(undefined, { cause });
  }
  return webcrypto.subtle.importKey('pkcs8', pkcs8, importAlgorithm(pkcs8), false, ['sign']);
}
