import { createPrivateKey, webcrypto } from 'node:crypto';
import {
  CertificateBundleError,
  createDemoCa,
  createPkcs12,
  DemoCa,
  DemoSigner,
  issueDemoSigner,
  openPkcs12,
  PassphraseError,
} from './index';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './pades/bytes';
import { openssl, toPem } from './testing/openssl';

const NOW = new Date('2026-11-26T09:00:00Z');
const SCHOOL = '№ 5 Ү. Өмүралиев атындагы орто мектеп';
/** Kyrgyz letters outside Russian (ң ө ү) and a space: the passphrase a signer would choose. */
const PASSPHRASE = 'Өрүк гүлү ңаалы 2026';

const pkcs8Of = async (key: webcrypto.CryptoKey) => new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key));
const sameKey = (a: Uint8Array | string, b: Uint8Array) =>
  createPrivateKey(typeof a === 'string' ? a : { key: Buffer.from(a), format: 'der', type: 'pkcs8' }).equals(
    createPrivateKey({ key: Buffer.from(b), format: 'der', type: 'pkcs8' }),
  );

describe('PKCS#12', () => {
  let ca: DemoCa;
  let chair: DemoSigner;
  let clerk: DemoSigner;
  /** The chair's certificate and key as PEM files for openssl. */
  let pemFiles: Record<string, string>;

  beforeAll(async () => {
    ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
    chair = await issueDemoSigner(ca, { name: 'Айгүл Өмүрбекова', organization: SCHOOL, now: NOW, serialNumber: 1 });
    clerk = await issueDemoSigner(ca, {
      name: 'Нурлан Үсөнов',
      organization: SCHOOL,
      now: NOW,
      serialNumber: 2,
      keyAlgorithm: 'ECDSA',
    });
    pemFiles = {
      'cert.pem': toPem('CERTIFICATE', chair.certificate),
      'key.pem': toPem('PRIVATE KEY', await pkcs8Of(chair.privateKey)),
      'ca.pem': toPem('CERTIFICATE', ca.certificate),
    };
  });

  it('writes what OpenSSL 3 opens with a Kyrgyz passphrase: PBES2 AES-256-CBC, SHA-256 MAC', async () => {
    const p12 = await createPkcs12({
      certificate: chair.certificate,
      chain: [ca.certificate],
      privateKey: chair.privateKey,
      passphrase: PASSPHRASE,
      friendlyName: chair.name,
    });
    const info = openssl(['pkcs12', '-info', '-noout', '-in', '{f.p12}', '-passin', `pass:${PASSPHRASE}`], {
      'f.p12': p12,
    });
    expect(info.stderr).toContain('MAC: sha256, Iteration 2048');
    expect(info.stderr).toContain(
      'PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256',
    );
    expect(info.stderr).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');

    const out = openssl(['pkcs12', '-in', '{f.p12}', '-passin', `pass:${PASSPHRASE}`, '-nodes'], {
      'f.p12': p12,
    }).stdout;
    const certificates = out.match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----\n/g) ?? [];
    expect(certificates).toEqual([pemFiles['cert.pem'], pemFiles['ca.pem']]);
    const key = /-----BEGIN PRIVATE KEY-----[^-]+-----END PRIVATE KEY-----\n/.exec(out)?.[0];
    expect(sameKey(key!, await pkcs8Of(chair.privateKey))).toBe(true);
    expect(out).toContain('localKeyID:');
  });

  it('opens what `openssl pkcs12 -export` wrote with a Kyrgyz passphrase', async () => {
    const exported = openssl(
      [
        'pkcs12',
        '-export',
        '-in',
        '{cert.pem}',
        '-inkey',
        '{key.pem}',
        '-certfile',
        '{ca.pem}',
        '-name',
        chair.name,
        '-passout',
        `pass:${PASSPHRASE}`,
        '-out',
        '{out.p12}',
      ],
      pemFiles,
      ['out.p12'],
    ).files['out.p12'];
    const opened = await openPkcs12(exported, PASSPHRASE);
    expect(Buffer.from(opened.certificate).equals(Buffer.from(chair.certificate))).toBe(true);
    expect(opened.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([
      Buffer.from(ca.certificate).toString('hex'),
    ]);
    expect(sameKey(opened.privateKeyPkcs8, await pkcs8Of(chair.privateKey))).toBe(true);
    await expect(openPkcs12(exported, 'Өрүк гүлү')).rejects.toThrow(PassphraseError);
  });

  it('round-trips an ECDSA P-256 key and its certificate', async () => {
    const p12 = await createPkcs12({ certificate: clerk.certificate, privateKey: clerk.privateKey, passphrase: 'ң' });
    const opened = await openPkcs12(p12, 'ң');
    expect(Buffer.from(opened.certificate).equals(Buffer.from(clerk.certificate))).toBe(true);
    expect(opened.chain).toEqual([]);
    expect(Buffer.from(opened.privateKeyPkcs8).equals(Buffer.from(await pkcs8Of(clerk.privateKey)))).toBe(true);
  });

  it('tells a wrong passphrase (the MAC does not check) from a file that is not a PKCS#12', async () => {
    const p12 = await createPkcs12({
      certificate: chair.certificate,
      privateKey: chair.privateKey,
      passphrase: PASSPHRASE,
    });
    await expect(openPkcs12(p12, PASSPHRASE.toUpperCase())).rejects.toThrow(PassphraseError);
    await expect(openPkcs12(p12, '')).rejects.toThrow(PassphraseError);
    await expect(openPkcs12(new TextEncoder().encode('not a certificate at all'), PASSPHRASE)).rejects.toThrow(
      CertificateBundleError,
    );
    await expect(openPkcs12(chair.certificate, PASSPHRASE)).rejects.toThrow(CertificateBundleError);
    await expect(openPkcs12(new Uint8Array(), PASSPHRASE)).rejects.toThrow(CertificateBundleError);
  });

  it('refuses a file asking for more iterations than Grif will run, before running them', async () => {
    const p12 = await createPkcs12({ certificate: chair.certificate, privateKey: chair.privateKey, passphrase: 'x' });
    // PFX ::= SEQUENCE { version, authSafe, macData SEQUENCE { mac, macSalt, iterations } }
    const [version, authSafe, macData] = (asn1js.fromBER(toArrayBuffer(p12)).result as asn1js.Sequence).valueBlock
      .value;
    const [mac, salt] = (macData as asn1js.Sequence).valueBlock.value;
    const withMacIterations = (hex: string) =>
      new Uint8Array(
        new asn1js.Sequence({
          value: [
            version,
            authSafe,
            new asn1js.Sequence({
              value: [mac, salt, new asn1js.Integer({ valueHex: toArrayBuffer(Buffer.from(hex, 'hex')) })],
            }),
          ],
        }).toBER(false),
      );
    // 8,000,000 would block the event loop for seconds in pkijs's MAC; 50,000,000 asn1js reads as 0.
    for (const hex of ['7a1200', '02faf080']) {
      await expect(openPkcs12(withMacIterations(hex), 'x')).rejects.toThrow(/Unsupported MAC iteration count/);
    }
  });

  it('refuses a key that does not match the certificate, when writing and when reading', async () => {
    await expect(
      createPkcs12({ certificate: chair.certificate, privateKey: clerk.privateKey, passphrase: PASSPHRASE }),
    ).rejects.toThrow(CertificateBundleError);
    // OpenSSL itself refuses to pair them, so the key goes in alone and the certificate as an extra one.
    const mismatched = openssl(
      ['pkcs12', '-export', '-nocerts', '-inkey', '{other.pem}', '-certfile', '{cert.pem}'].concat([
        '-passout',
        'pass:x',
        '-out',
        '{out.p12}',
      ]),
      { ...pemFiles, 'other.pem': toPem('PRIVATE KEY', await pkcs8Of(clerk.privateKey)) },
      ['out.p12'],
    ).files['out.p12'];
    await expect(openPkcs12(mismatched, 'x')).rejects.toThrow(/does not match/);
    await expect(openPkcs12(mismatched, 'x')).rejects.toThrow(CertificateBundleError);
  });

  it('names the conversion for a legacy 3DES file, after checking its passphrase', async () => {
    const legacy = openssl(
      ['pkcs12', '-export', '-in', '{cert.pem}', '-inkey', '{key.pem}', '-keypbe', 'PBE-SHA1-3DES'].concat([
        '-certpbe',
        'PBE-SHA1-3DES',
        '-macalg',
        'sha1',
        '-passout',
        `pass:${PASSPHRASE}`,
        '-out',
        '{old.p12}',
      ]),
      pemFiles,
      ['old.p12'],
    ).files['old.p12'];
    await expect(openPkcs12(legacy, 'wrong')).rejects.toThrow(PassphraseError);
    await expect(openPkcs12(legacy, PASSPHRASE)).rejects.toThrow(/openssl pkcs12 -legacy/);
  });
});
