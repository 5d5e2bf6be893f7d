import {
  createDemoCa,
  DemoCa,
  DemoSigner,
  describeCertificate,
  embedSignature,
  issueDemoSigner,
  PdfSignatureCheck,
  prepareSignature,
  renderAct,
  signData,
  signPdf,
  SignatureInfo,
  verifyPdfSignatures,
} from './index';
import { sampleAct } from './fixtures.spec-data';
import { pdfSig, signatureReports } from './testing/poppler';

const NOW = new Date('2026-11-26T09:00:00Z');
const SCHOOL = '№ 5 Ү. Өмүралиев атындагы орто мектеп';

const infoFor = (signer: DemoSigner, minutes: number): SignatureInfo => ({
  certificate: signer.certificate,
  name: signer.name,
  reason: 'Документтерди жок кылуу актысы',
  location: 'Бишкек',
  signedAt: new Date(NOW.getTime() + minutes * 60_000),
});

/** What pdfsig says of each signature, in the same terms. */
const pdfsigSays = (pdf: Uint8Array) =>
  signatureReports(pdfSig(pdf)).map((r) => ({
    signer: /Signer Certificate Common Name: (.*)/.exec(r)?.[1] ?? '',
    valid: r.includes('Signature Validation: Signature is Valid.'),
    coversWholeDocument: r.includes('Total document signed'),
  }));
const inTheSameTerms = (checks: PdfSignatureCheck[]) =>
  checks.map(({ signer, valid, coversWholeDocument }) => ({ signer, valid, coversWholeDocument }));

describe('verifyPdfSignatures', () => {
  let ca: DemoCa;
  let chair: DemoSigner;
  let director: DemoSigner;
  let act: Uint8Array;
  /** Signed by the chair (one step), then by the director (two steps). */
  let twice: Buffer;

  beforeAll(async () => {
    ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
    chair = await issueDemoSigner(ca, { name: 'Айгүл Өмүрбекова', organization: SCHOOL, now: NOW, serialNumber: 1 });
    director = await issueDemoSigner(ca, { name: 'Жеңиш Төрөбеков', organization: SCHOOL, now: NOW, serialNumber: 2 });
    act = await renderAct(sampleAct(60));
    const once = await signPdf(act, infoFor(chair, 10), chair.privateKey);
    const prepared = prepareSignature(once, infoFor(director, 20));
    twice = embedSignature(
      prepared.pdf,
      director.certificate,
      await signData(director.privateKey, prepared.dataToSign),
    );
  });

  it('agrees with pdfsig on two signers: both valid, the last covering the whole document', async () => {
    const checks = await verifyPdfSignatures(twice);
    expect(checks).toEqual([
      {
        signer: 'Айгүл Өмүрбекова',
        signedAt: '2026-11-26T09:10:00.000Z',
        valid: true,
        coversWholeDocument: false,
        certificateSha256: describeCertificate(chair.certificate).sha256,
      },
      {
        signer: 'Жеңиш Төрөбеков',
        signedAt: '2026-11-26T09:20:00.000Z',
        valid: true,
        coversWholeDocument: true,
        certificateSha256: describeCertificate(director.certificate).sha256,
      },
    ]);
    expect(inTheSameTerms(checks)).toEqual(pdfsigSays(twice));
  });

  it('agrees with pdfsig that one byte changed under both signatures invalidates both', async () => {
    const tampered = Buffer.from(twice);
    tampered[10] ^= 0x01; // the binary comment on the second line: covered by both, harmless to parsers
    const checks = await verifyPdfSignatures(tampered);
    expect(checks.map((c) => c.valid)).toEqual([false, false]);
    expect(inTheSameTerms(checks)).toEqual(pdfsigSays(tampered));
  });

  it('agrees with pdfsig that a change in the second revision leaves the first signature valid', async () => {
    const tampered = Buffer.from(twice);
    // The director's /M, which only the second signature covers: 09:20:00 becomes 09:20:01.
    const at = tampered.lastIndexOf('/M (D:20261126092000Z)');
    tampered.write('1', at + '/M (D:2026112609200'.length, 'latin1');
    const checks = await verifyPdfSignatures(tampered);
    expect(checks.map((c) => c.valid)).toEqual([true, false]);
    expect(inTheSameTerms(checks)).toEqual(pdfsigSays(tampered));
  });

  it('checks an ECDSA P-256 signature and reports a placeholder never signed as invalid', async () => {
    const clerk = await issueDemoSigner(ca, {
      name: 'Нурлан Үсөнов',
      organization: SCHOOL,
      now: NOW,
      serialNumber: 3,
      keyAlgorithm: 'ECDSA',
    });
    const signed = await signPdf(act, infoFor(clerk, 30), clerk.privateKey);
    expect(await verifyPdfSignatures(signed)).toMatchObject([{ signer: 'Нурлан Үсөнов', valid: true }]);
    expect(inTheSameTerms(await verifyPdfSignatures(signed))).toEqual(pdfsigSays(signed));

    const pending = prepareSignature(signed, infoFor(chair, 40)).pdf;
    expect(await verifyPdfSignatures(pending)).toEqual([
      expect.objectContaining({ signer: 'Нурлан Үсөнов', valid: true, coversWholeDocument: false }),
      {
        signer: '',
        signedAt: '2026-11-26T09:40:00.000Z',
        valid: false,
        coversWholeDocument: true,
        certificateSha256: '',
      },
    ]);
  });

  it('finds no signature in an unsigned act', async () => {
    expect(await verifyPdfSignatures(act)).toEqual([]);
  });
});
