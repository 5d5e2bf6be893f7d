import { loadSignpdfUtils } from '../lazy-libraries';

/** Where the newest signature's /Contents hole sits, and the bytes its ByteRange covers. */
export interface SignatureSlot {
  /** Offset of the `<` that opens the hex string. */
  contentsStart: number;
  /** Number of hex digits between `<` and `>`. */
  hexLength: number;
  byteRange: [number, number, number, number];
}

/** Writes the real ByteRange over the placeholder that placeholder-plain left in the newest revision. */
export function fillByteRange(withPlaceholder: Buffer): Buffer {
  const { DEFAULT_BYTE_RANGE_PLACEHOLDER, findByteRange, removeTrailingNewLine } = loadSignpdfUtils();
  const pdf = removeTrailingNewLine(withPlaceholder);
  const { byteRangePlaceholder, byteRangePlaceholderPosition } = findByteRange(pdf, DEFAULT_BYTE_RANGE_PLACEHOLDER);
  if (byteRangePlaceholder === undefined || byteRangePlaceholderPosition === undefined) {
    throw new Error('No signature placeholder in the PDF');
  }
  const end = byteRangePlaceholderPosition + byteRangePlaceholder.length;
  const contentsTag = pdf.indexOf('/Contents ', end);
  const open = pdf.indexOf('<', contentsTag);
  const close = pdf.indexOf('>', open);
  if (contentsTag < 0 || open < 0 || close < 0) throw new Error('No /Contents after the ByteRange placeholder');
  const range = [0, open, close + 1, pdf.length - (close + 1)];
  const text = `/ByteRange [${range.join(' ')}]`;
  if (text.length > byteRangePlaceholder.length) throw new Error('ByteRange does not fit its placeholder');
  return Buffer.concat([
    pdf.subarray(0, byteRangePlaceholderPosition),
    Buffer.from(text.padEnd(byteRangePlaceholder.length, ' ')),
    pdf.subarray(end),
  ]);
}

/** Reads the last ByteRange of a prepared PDF: the signature being made is always the newest revision's. */
export function lastSlot(pdf: Buffer): SignatureSlot {
  const at = pdf.lastIndexOf('/ByteRange [');
  if (at < 0) throw new Error('No ByteRange in the PDF');
  const m = /^\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(pdf.subarray(at, at + 80).toString('latin1'));
  if (!m) throw new Error('The newest ByteRange is not filled in');
  const byteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as SignatureSlot['byteRange'];
  if (byteRange[0] !== 0 || byteRange[2] + byteRange[3] !== pdf.length) {
    throw new Error('The newest ByteRange does not cover the whole file');
  }
  return { contentsStart: byteRange[1], hexLength: byteRange[2] - byteRange[1] - 2, byteRange };
}

export const signedBytes = (pdf: Buffer, slot: SignatureSlot): Buffer =>
  Buffer.concat([pdf.subarray(0, slot.byteRange[1]), pdf.subarray(slot.byteRange[2])]);
