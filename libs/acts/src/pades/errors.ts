/** The passphrase does not open the PKCS#12 (its MAC does not check) or the sealed private key. */
export class PassphraseError extends Error {
  override readonly name = 'PassphraseError';
  constructor(message = 'Wrong passphrase', options?: ErrorOptions) {
    super(message, options);
  }
}

/** Not a PKCS#12 (or certificate) at all, no private key in it, or a key that does not match its certificate. */
export class CertificateBundleError extends Error {
  override readonly name = 'CertificateBundleError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
