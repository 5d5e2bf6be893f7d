import { createPrivateKey, generateKeyPairSync, webcrypto } from 'node:crypto';
import {
  CertificateBundleError,
  createDemoCa,
  DemoCa,
  issueDemoSigner,
  PassphraseError,
  renderAct,
  sealPrivateKey,
  signPdf,
  unsealPrivateKey,
  verifyPdfSignatures,
} from './index';
import { sampleAct } from './fixtures.spec-data';
import { openssl } from './testing/openssl';

const NOW = new Date('2026-11-26T09:00:00Z');
const SCHOOL = '№ 5 Ү. Өмүралиев атындагы орто мектеп';
const PASSPHRASE = 'Жеңиш үчүн өрүк';

const pkcs8Of = async (key: webcrypto.CryptoKey) => new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key));

describe('sealed private keys', () => {
  let ca: DemoCa;

  beforeAll(async () => {
    ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
  });

  it.each(['RSA', 'ECDSA'] as const)('unseals a %s key that signs a PDF verified valid', async (keyAlgorithm) => {
    const signer = await issueDemoSigner(ca, {
      name: 'Айгүл Өмүрбекова',
      organization: SCHOOL,
      now: NOW,
      serialNumber: 1,
      keyAlgorithm,
    });
    const sealed = sealPrivateKey(await pkcs8Of(signer.privateKey), PASSPHRASE);
    expect(sealed).toMatch(
      /^-----BEGIN ENCRYPTED PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END ENCRYPTED PRIVATE KEY-----\n$/,
    );
    const key = await unsealPrivateKey(sealed, PASSPHRASE);
    expect(key.extractable).toBe(false);
    const signed = await signPdf(
      await renderAct(sampleAct(2)),
      { certificate: signer.certificate, name: signer.name, reason: 'Акт', location: 'Бишкек', signedAt: NOW },
      key,
    );
    expect(await verifyPdfSignatures(signed)).toMatchObject([{ signer: 'Айгүл Өмүрбекова', valid: true }]);
  });

  it('is an encrypted PKCS#8 that openssl opens with the same Kyrgyz passphrase (PBES2, AES-256-CBC)', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const sealed = sealPrivateKey(der, PASSPHRASE);
    const parsed = openssl(['asn1parse', '-in', '{k.pem}'], { 'k.pem': sealed }).stdout;
    expect(parsed).toContain(':PBES2');
    expect(parsed).toContain(':hmacWithSHA256');
    expect(parsed).toContain(':aes-256-cbc');
    const opened = openssl(['pkcs8', '-in', '{k.pem}', '-passin', `pass:${PASSPHRASE}`], { 'k.pem': sealed }).stdout;
    expect(createPrivateKey(opened).equals(privateKey)).toBe(true);
  });

  it("unseals a key Node's own KeyObject.export sealed (OpenSSL's 2048 iterations)", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sealed = privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE });
    expect(openssl(['asn1parse', '-in', '{k.pem}'], { 'k.pem': sealed }).stdout).toMatch(/INTEGER +:0800/);
    const key = await unsealPrivateKey(sealed.toString(), PASSPHRASE);
    expect(key.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', hash: { name: 'SHA-256' } });
  });

  it('refuses a wrong passphrase, and tells it from something that is not a sealed key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const sealed = sealPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }), PASSPHRASE);
    for (const wrong of ['', 'Жениш учун орук', PASSPHRASE.toUpperCase(), `${PASSPHRASE} `]) {
      await expect(unsealPrivateKey(sealed, wrong)).rejects.toThrow(PassphraseError);
    }
    await expect(unsealPrivateKey('not a key', PASSPHRASE)).rejects.toThrow(CertificateBundleError);
    const plain = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await expect(unsealPrivateKey(plain, PASSPHRASE)).rejects.toThrow(CertificateBundleError);
  });

  it('refuses a key Grif cannot sign with (Ed25519)', async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const sealed = sealPrivateKey(privateKey.export({ type: 'pkcs8', format: 'der' }), PASSPHRASE);
    await expect(unsealPrivateKey(sealed, PASSPHRASE)).rejects.toThrow(CertificateBundleError);
  });
});
