import {
  createDemoCa,
  DemoCa,
  DemoSigner,
  embedSignature,
  issueDemoSigner,
  prepareSignature,
  renderAct,
  signData,
  signPdf,
  SignatureInfo,
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

describe('PAdES B-B signatures', () => {
  let ca: DemoCa;
  let chair: DemoSigner;
  let director: DemoSigner;
  let act: Uint8Array;

  beforeAll(async () => {
    ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
    chair = await issueDemoSigner(ca, { name: 'Айгүл Өмүрбекова', organization: SCHOOL, now: NOW, serialNumber: 1 });
    director = await issueDemoSigner(ca, { name: 'Жеңиш Төрөбеков', organization: SCHOOL, now: NOW, serialNumber: 2 });
    act = await renderAct(sampleAct(60));
  });

  it('keeps both signers valid in turn, each an incremental update, the last covering the whole document', async () => {
    const once = await signPdf(act, infoFor(chair, 10), chair.privateKey);
    expect(once.subarray(0, act.byteLength).equals(Buffer.from(act))).toBe(true);
    const first = signatureReports(pdfSig(once));
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Signature Validation: Signature is Valid.');
    expect(first[0]).toContain('Total document signed');
    expect(first[0]).toContain('Signer Certificate Common Name: Айгүл Өмүрбекова');

    // The director signs by the two-step route: only the data to sign leaves Grif, the value comes back.
    const prepared = prepareSignature(once, infoFor(director, 20));
    const value = await signData(director.privateKey, prepared.dataToSign);
    const twice = embedSignature(prepared.pdf, director.certificate, value);
    expect(twice.subarray(0, once.byteLength).equals(once)).toBe(true);

    const report = pdfSig(twice);
    const reports = signatureReports(report);
    // Both are in the form's field list (mixing placeholder libraries drops the first, stack.md).
    expect(reports).toHaveLength(2);
    for (const r of reports) expect(r).toContain('Signature Validation: Signature is Valid.');
    expect(reports[0]).not.toContain('Total document signed');
    expect(reports[1]).toContain('Total document signed');
    expect(reports[1]).toContain('Signer Certificate Common Name: Жеңиш Төрөбеков');
    expect(reports[1]).toContain('ETSI.CAdES.detached');
  });

  it('reports a digest mismatch for one changed byte', async () => {
    const once = await signPdf(act, infoFor(chair, 10), chair.privateKey);
    const twice = await signPdf(once, infoFor(director, 20), director.privateKey);
    const tampered = Buffer.from(twice);
    // A byte of the binary comment on the second line: covered by both signatures, harmless to the parser.
    tampered[10] ^= 0x01;
    const reports = signatureReports(pdfSig(tampered));
    expect(reports).toHaveLength(2);
    for (const r of reports) {
      expect(r).toContain('Digest Mismatch');
      expect(r).not.toContain('Signature is Valid.');
    }
  });

  it('accepts an ECDSA P-256 signer whose token answers with raw r||s', async () => {
    const clerk = await issueDemoSigner(ca, {
      name: 'Нурлан Үсөнов',
      organization: SCHOOL,
      now: NOW,
      serialNumber: 3,
      keyAlgorithm: 'ECDSA',
    });
    const prepared = prepareSignature(act, infoFor(clerk, 30));
    const raw = await signData(clerk.privateKey, prepared.dataToSign);
    expect(raw.byteLength).toBe(64);
    const reports = signatureReports(pdfSig(embedSignature(prepared.pdf, clerk.certificate, raw)));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('Signature Validation: Signature is Valid.');
    expect(reports[0]).toContain('Signer Certificate Common Name: Нурлан Үсөнов');
  });
});
