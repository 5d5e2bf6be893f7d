import { readFileSync } from 'node:fs';

/** DejaVu Sans covers every Kyrgyz letter (ң ө ү) and its licence allows embedding. */
let cache: { regular: Buffer; bold: Buffer } | undefined;

export const dejaVuFonts = (): { regular: Buffer; bold: Buffer } => {
  cache ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return cache;
};
