import { cpus, loadavg } from 'node:os';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont, rgb } from 'pdf-lib';
import {
  type Act,
  createDemoCa,
  createPkcs12,
  issueDemoSigner,
  openPkcs12,
  renderAct,
  sealPrivateKey,
  signPdf,
  unsealPrivateKey,
  verifyPdfSignatures,
} from '@grif/acts';
import { dejaVuFonts } from '../libs/acts/src/fonts';

/**
 * A 1,000-item act rendered with renderAct and signed once with signPdf, beside plain pdf-lib drawing the same rows
 * (same fonts, subset-embedded, about the same page breaks) in the same process, turn about; then the unlocks a
 * signature request pays (openPkcs12, unsealPrivateKey) and a verification. Medians of BENCH_ACTS_RUNS.
 * Run: `npm run bench:acts`.
 */
const ITEMS = Number(process.env.BENCH_ACTS_ITEMS ?? 1000);
const RUNS = Number(process.env.BENCH_ACTS_RUNS ?? 15);
const WARMUP = 3;
const GOAL_MS = 300;
const GOAL_RATIO = 1.2;
const PASSPHRASE = 'Өрүк гүлү ңаалы 2026';
const NOW = new Date('2026-11-26T09:00:00Z');
const SCHOOL = '№ 5 Ү. Өмүралиев атындагы орто мектеп';

const act: Act = {
  title: 'Документтерди жок кылуу жөнүндө акт',
  number: 'А-2026/7',
  date: NOW,
  school: { name: SCHOOL, address: 'Бишкек ш., Түңдүк көч., 12', lines: ['Тел.: +996 312 000 000'] },
  preamble: ['Комиссия 2026-жылдын 1-ноябрындагы № 14 буйругу менен дайындалган.'],
  items: Array.from({ length: ITEMS }, (_, i) => ({
    regNumber: `01-${String(i + 1).padStart(4, '0')}`,
    title:
      i % 7 === 0
        ? `Окуучулардын жеке иштери, ${i + 1}-топ: Өмүрбек, Үсөн, Жеңиш жана башкалар (узун аталыш)`
        : `Буйрук № ${i + 1} кадрлар боюнча`,
    note: i % 5 === 0 ? 'Көчүрмөсү бар' : '',
  })),
  signers: [
    { position: 'Комиссиянын төрагасы', name: 'Айгүл Өмүрбекова' },
    { position: 'Директор', name: 'Жеңиш Төрөбеков' },
  ],
};

const A4: [number, number] = [595.28, 841.89];
const COLUMNS = [0.07, 0.2, 0.48, 0.25].map((share) => share * (A4[0] - 100));
/** Characters per line of each column at 10 pt (DejaVu Sans averages ~5.6 pt a letter): wrapping without measuring. */
const CHARS = COLUMNS.map((w) => Math.floor((w - 6) / 5.6));
const chunks = (s: string, n: number) => s.match(new RegExp(`.{1,${n}}(\\s|$)`, 'g')) ?? [''];

/** The baseline: the same rows drawn with pdf-lib directly, no measuring, no layout logic. */
async function plainPdfLib(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = dejaVuFonts();
  const regular: PDFFont = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  const black = rgb(0, 0, 0);
  let page = doc.addPage(A4);
  let y = A4[1] - 50;
  const newPage = () => {
    page = doc.addPage(A4);
    page.setFont(regular);
    page.setFontSize(10);
    y = A4[1] - 50;
  };
  const row = (cells: string[], font?: PDFFont) => {
    const lines = cells.map((c, i) => chunks(c, CHARS[i]));
    const height = Math.max(...lines.map((l) => l.length)) * 13 + 6;
    if (y - height < 60) {
      newPage();
      row(['№', 'Каттоо номери', 'Аталышы', 'Эскертүү'], bold);
    }
    let x = 50;
    lines.forEach((ls, i) => {
      ls.forEach((line, j) => page.drawText(line, { x: x + 3, y: y - 3 - (j + 1) * 13 + 3, size: 10, font }));
      page.drawRectangle({ x, y: y - height, width: COLUMNS[i], height, borderColor: black, borderWidth: 0.5 });
      x += COLUMNS[i];
    });
    y -= height;
  };
  page.setFont(regular);
  page.setFontSize(10);
  page.drawText(act.school.name, { x: 100, y, size: 12, font: bold });
  y -= 60;
  page.drawText(act.title, { x: 100, y, size: 14, font: bold });
  y -= 40;
  row(['№', 'Каттоо номери', 'Аталышы', 'Эскертүү'], bold);
  act.items.forEach((item, i) => row([String(i + 1), item.regNumber, item.title, item.note ?? '']));
  const pages = doc.getPages();
  pages.forEach((p, i) => p.drawText(`Барак ${i + 1} / ${pages.length}`, { x: 270, y: 30, size: 10 }));
  return doc.save({ useObjectStreams: false });
}

/** Wall time and this process's CPU time (user + system) of one call, in ms. */
interface Took {
  wall: number;
  cpu: number;
}
async function time<T>(work: () => Promise<T>): Promise<[Took, T]> {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return [{ wall: Number(process.hrtime.bigint() - start) / 1e6, cpu: (used.user + used.system) / 1e3 }, result];
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const medians = (xs: Took[]): Took => ({ wall: median(xs.map((x) => x.wall)), cpu: median(xs.map((x) => x.cpu)) });
const sum = (a: Took, b: Took): Took => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
const f = (t: Took) => `${t.wall.toFixed(1).padStart(7)} ms wall ${t.cpu.toFixed(1).padStart(7)} ms CPU`;
const line = (label: string, value: string) => console.log(`${label.padEnd(54)} ${value}`);

async function main(): Promise<void> {
  const load0 = loadavg()[0].toFixed(1);
  const ca = await createDemoCa({ name: 'Grif демо КБ', organization: SCHOOL, now: NOW });
  const signer = await issueDemoSigner(ca, {
    name: 'Айгүл Өмүрбекова',
    organization: SCHOOL,
    now: NOW,
    serialNumber: 1,
  });
  const info = {
    certificate: signer.certificate,
    name: signer.name,
    reason: act.title,
    location: 'Бишкек',
    signedAt: NOW,
  };

  const [firstRender] = await time(() => renderAct(act));
  const [firstPlain] = await time(() => plainPdfLib());
  const turns: { plain: Took; render: Took; sign: Took; total: Took }[] = [];
  let sizes = { plain: 0, signed: 0 };
  let signed: Uint8Array = new Uint8Array();
  for (let i = 0; i < WARMUP + RUNS; i++) {
    // Turn about, so a change in the machine's load falls on both.
    const [plain, plainPdf] = await time(() => plainPdfLib());
    const [render, pdf] = await time(() => renderAct(act));
    const [sign, signedPdf] = await time(() => signPdf(pdf, info, signer.privateKey));
    if (i < WARMUP) continue;
    turns.push({ plain, render, sign, total: sum(render, sign) });
    sizes = { plain: plainPdf.byteLength, signed: signedPdf.byteLength };
    signed = signedPdf;
  }
  const m = {
    plain: medians(turns.map((t) => t.plain)),
    render: medians(turns.map((t) => t.render)),
    sign: medians(turns.map((t) => t.sign)),
    total: medians(turns.map((t) => t.total)),
  };
  // The ratio of each turn (same moment, same load), then their median.
  const ratio = {
    wall: median(turns.map((t) => t.total.wall / t.plain.wall)),
    cpu: median(turns.map((t) => t.total.cpu / t.plain.cpu)),
  };

  const p12 = await createPkcs12({
    certificate: signer.certificate,
    privateKey: signer.privateKey,
    passphrase: PASSPHRASE,
  });
  const opened = await openPkcs12(p12, PASSPHRASE);
  const sealed = sealPrivateKey(opened.privateKeyPkcs8, PASSPHRASE);
  const unlock = { open: [] as Took[], unseal: [] as Took[], verify: [] as Took[] };
  for (let i = 0; i < 7; i++) {
    unlock.open.push((await time(() => openPkcs12(p12, PASSPHRASE)))[0]);
    unlock.unseal.push((await time(() => unsealPrivateKey(sealed, PASSPHRASE)))[0]);
    unlock.verify.push((await time(() => verifyPdfSignatures(signed)))[0]);
  }

  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  console.log(
    `bench:acts: ${ITEMS} items, medians of ${RUNS} turns after ${WARMUP} warm-up; ` +
      `load ${load0}→${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
  );
  line('first in the process: renderAct', f(firstRender));
  line('first in the process: plain pdf-lib', f(firstPlain));
  line(`plain pdf-lib, same rows and fonts (${kb(sizes.plain)})`, f(m.plain));
  line('renderAct', f(m.render));
  line('signPdf (placeholder, SHA-256, RSA-2048, CMS)', f(m.sign));
  line(`renderAct + signPdf (${kb(sizes.signed)})`, f(m.total));
  line(
    `ratio to plain pdf-lib (goal ≤ ${GOAL_RATIO})`,
    `${ratio.wall.toFixed(2).padStart(7)}    wall ${ratio.cpu.toFixed(2).padStart(7)}    CPU   ` +
      `wall ${verdict(ratio.wall <= GOAL_RATIO)}, CPU ${verdict(ratio.cpu <= GOAL_RATIO)}`,
  );
  line(
    `renderAct + signPdf (goal < ${GOAL_MS} ms)`,
    `wall ${verdict(m.total.wall < GOAL_MS)}, CPU ${verdict(m.total.cpu < GOAL_MS)}`,
  );
  line('unlock: openPkcs12 (PBES2, 2048 iterations, SHA-256 MAC)', f(medians(unlock.open)));
  line('unlock: unsealPrivateKey (PBKDF2-SHA256, 600,000 it.)', f(medians(unlock.unseal)));
  line('verifyPdfSignatures of the signed act', f(medians(unlock.verify)));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
