/* eslint-disable @typescript-eslint/no-require-imports -- require() at first use is the point of this file */
import { webcrypto } from 'node:crypto';
import type * as X509 from '@peculiar/x509';
import type * as Fontkit from '@pdf-lib/fontkit';
import type * as SignpdfPlaceholder from '@signpdf/placeholder-plain';
import type * as SignpdfUtils from '@signpdf/utils';
import type * as Asn1js from 'asn1js';
import type * as PdfLib from 'pdf-lib';
import type * as Pkijs from 'pkijs';

/**
 * The PDF, CMS and certificate libraries, loaded on first use: every test file and every process start would
 * otherwise pay ~0.6 s of CPU for them, though only rendering, signing and certificates use them. Import their
 * types statically (`import type`); call these inside functions, never at a module's top level.
 */

/** `load` runs on the first call only; later calls return what it returned. */
export function onFirstUse<T>(load: () => T): () => T {
  let loaded: { value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}

export const loadPdfLib = onFirstUse((): typeof PdfLib => require('pdf-lib'));
export const loadFontkit = onFirstUse((): typeof Fontkit => require('@pdf-lib/fontkit'));
export const loadAsn1js = onFirstUse((): typeof Asn1js => require('asn1js'));
export const loadPkijs = onFirstUse((): typeof Pkijs => require('pkijs'));
export const loadSignpdfPlaceholder = onFirstUse((): typeof SignpdfPlaceholder =>
  require('@signpdf/placeholder-plain'),
);
export const loadSignpdfUtils = onFirstUse((): typeof SignpdfUtils => require('@signpdf/utils'));

/** @peculiar/x509 with what it needs first: the decorator metadata polyfill, and Node's WebCrypto as its provider. */
export const loadX509 = onFirstUse((): typeof X509 => {
  require('reflect-metadata');
  const x509: typeof X509 = require('@peculiar/x509');
  x509.cryptoProvider.set(webcrypto as unknown as Crypto);
  return x509;
});
