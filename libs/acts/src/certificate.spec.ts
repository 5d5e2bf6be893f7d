import {
  CertificateBundleError,
  createDemoCa,
  createDemoSigningBundle,
  describeCertificate,
  issueDemoSigner,
  openPkcs12,
} from './index';
import { openssl, toPem } from './testing/openssl';

const NOW = new Date('2026-11-26T09:00:00Z');
const SCHOOL = '№ 5 Ү. Өмүралиев атындагы орто мектеп';

describe('describeCertificate', () => {
  it('gives the common names in Cyrillic, the serial, the fingerprint and the validity as openssl reads them', async () => {
    const ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
    const signer = await issueDemoSigner(ca, {
      name: 'Жеңиш Төрөбеков',
      organization: SCHOOL,
      now: NOW,
      serialNumber: 41,
    });
    const d = describeCertificate(signer.certificate);
    expect(d).toMatchObject({ subject: 'Жеңиш Төрөбеков', issuer: 'Grif демо КБ', notBefore: NOW });
    expect(d.notAfter.getTime()).toBeGreaterThan(NOW.getTime());

    const x509 = openssl(
      [
        'x509',
        '-in',
        '{c.pem}',
        '-noout',
        '-serial',
        '-fingerprint',
        '-sha256',
        '-enddate',
        '-subject',
        '-nameopt',
        'utf8',
      ],
      { 'c.pem': toPem('CERTIFICATE', signer.certificate) },
    ).stdout;
    expect(x509).toContain(`serial=${d.serialNumber.toUpperCase()}`);
    expect(x509).toContain(`Fingerprint=${d.sha256.toUpperCase().replace(/(..)(?!$)/g, '$1:')}`);
    expect(x509).toContain('CN=Жеңиш Төрөбеков');
    const notAfter = /notAfter=(.*)/.exec(x509)![1];
    expect(new Date(notAfter).getTime()).toBe(d.notAfter.getTime());
  });

  it('refuses bytes that are not a certificate', () => {
    expect(() => describeCertificate(new TextEncoder().encode('-----BEGIN CERTIFICATE-----'))).toThrow(
      CertificateBundleError,
    );
  });
});

describe('createDemoSigningBundle', () => {
  it('issues one PKCS#12 per person under the demo CA, opened by the given passphrase', async () => {
    const people = [
      { key: 'security', name: 'Айгүл Өмүрбекова' },
      { key: 'clerk2', name: 'Азамат Исаков' },
    ];
    const bundle = await createDemoSigningBundle(people, { organization: SCHOOL, now: NOW, passphrase: 'демо-сырсөз' });
    expect(Object.keys(bundle.signers)).toEqual(['security', 'clerk2']);
    const serials = new Set<string>();
    for (const { key, name } of people) {
      const opened = await openPkcs12(bundle.signers[key].pkcs12, 'демо-сырсөз');
      expect(Buffer.from(opened.certificate).equals(Buffer.from(bundle.signers[key].certificate))).toBe(true);
      expect(opened.chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([
        Buffer.from(bundle.caCertificate).toString('hex'),
      ]);
      const d = describeCertificate(opened.certificate);
      expect(d.subject).toBe(name);
      expect(d.issuer).toBe(describeCertificate(bundle.caCertificate).subject);
      serials.add(d.serialNumber);
    }
    expect(serials.size).toBe(2);
  });
});
