import { randomBytes, scrypt as scryptCb, timingSafeEqual, ScryptOptions } from 'node:crypto';

const scrypt = (pw: string, salt: Buffer, len: number, opts: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(pw, salt, len, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** OWASP / ASVS L2 parameters for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const ASVS_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * The parameters new hashes are made with: ASVS_SCRYPT, except in jest's runs, where the suites' thousands of
 * seeded users and sign-ins would otherwise spend most of CI's time in scrypt (as Django's test runner swaps
 * its hasher). Both must be set for that: NODE_ENV=test, which jest sets, and GRIF_TEST_SCRYPT_N, which
 * jest.config.js sets; Grif's config refuses GRIF_TEST_SCRYPT_N outside tests. Read on each call, so a
 * test may look at the real parameters.
 */
export function scryptParams(): { N: number; r: number; p: number } {
  const n = process.env.NODE_ENV === 'test' ? Number(process.env.GRIF_TEST_SCRYPT_N ?? 0) : 0;
  return n > 1 ? { ...ASVS_SCRYPT, N: n } : ASVS_SCRYPT;
}
const KEY_LEN = 32;
const maxmem = (N: number, r: number) => 256 * N * r + 1024 * 1024;

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const params = scryptParams();
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LEN, {
    ...params,
    maxmem: maxmem(params.N, params.r),
  });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt' || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: maxmem(Number(n), Number(r)),
  });
  return timingSafeEqual(key, expected);
}

/** A password to compare against when the user does not exist, so timing does not reveal who does. */
export const DUMMY_HASH = 'scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function oneTimePassword(): string {
  return randomBytes(15).toString('base64url');
}

/**
 * ASVS 2.3.1: a one-time password an administrator hands over signs in for this long, then only a new one does.
 * Three days: given on a Friday, it still opens the account on Monday morning.
 */
export const ONE_TIME_PASSWORD_HOURS = 72;

/** Until when a one-time password given at `at` (an instant) signs in. */
export const oneTimePasswordUntil = (at: string): string =>
  new Date(Date.parse(at) + ONE_TIME_PASSWORD_HOURS * 3600_000).toISOString();

/** Whether a stored hash was made with other parameters than today's: then it is rehashed at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const [alg, n, r, p, , hash] = stored.split('$');
  const params = scryptParams();
  return (
    alg !== 'scrypt' ||
    Number(n) !== params.N ||
    Number(r) !== params.r ||
    Number(p) !== params.p ||
    Buffer.from(hash ?? '', 'base64').length !== KEY_LEN
  );
}
