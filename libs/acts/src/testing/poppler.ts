import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a poppler tool on the PDF and returns its standard output (pdfsig exits 0 even when invalid). */
function poppler(tool: string, pdf: Uint8Array, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'grif-acts-'));
  try {
    const file = join(dir, 'act.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
  } catch (e: any) {
    // pdfsig returns non-zero when there are no signatures; its text still tells why.
    if (typeof e?.stdout === 'string') return e.stdout + (e.stderr ?? '');
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfToText = (pdf: Uint8Array): string => poppler('pdftotext', pdf, ['-layout']);
export const pdfSig = (pdf: Uint8Array): string => poppler('pdfsig', pdf);
export const pdfPages = (pdf: Uint8Array): number => Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf))?.[1]);

/** pdfsig's report split per signature ("Signature #1:", "Signature #2:" …). */
export const signatureReports = (report: string): string[] => report.split(/^Signature #\d+:/m).slice(1);
