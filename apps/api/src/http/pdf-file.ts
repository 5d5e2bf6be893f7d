import { StreamableFile } from '@nestjs/common';

/** A PDF answer with a file name any browser keeps, Cyrillic included (RFC 6266 / 5987). */
export function pdfFile(
  name: string,
  pdf: Uint8Array,
  disposition: 'inline' | 'attachment' = 'inline',
): StreamableFile {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\/]/g, '_');
  return new StreamableFile(Buffer.from(pdf), {
    type: 'application/pdf',
    disposition: `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    length: pdf.length,
  });
}
