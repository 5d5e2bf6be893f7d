import { ASVS_SCRYPT, hashPassword, needsRehash, scryptParams, verifyPassword } from './password';

describe('password hashing (ASVS L2 V2.4)', () => {
  const saved = { n: process.env.GRIF_TEST_SCRYPT_N, env: process.env.NODE_ENV };
  afterEach(() => {
    process.env.GRIF_TEST_SCRYPT_N = saved.n;
    process.env.NODE_ENV = saved.env;
  });

  it('hashes with scrypt N = 2^17, r = 8, p = 1 outside the test suites, and verifies what it made', async () => {
    process.env.NODE_ENV = 'production';
    expect(scryptParams()).toEqual({ N: 131072, r: 8, p: 1 });
    const hash = await hashPassword('Сыр сөз 2026');
    expect(hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword('Сыр сөз 2026', hash)).toBe(true);
    expect(await verifyPassword('сыр сөз 2026', hash)).toBe(false);
  });

  it('a hash of the suites’ cheaper N is one to replace once the real parameters apply', async () => {
    process.env.NODE_ENV = 'test';
    process.env.GRIF_TEST_SCRYPT_N = '1024';
    const cheap = await hashPassword('x');
    expect(cheap).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(needsRehash(cheap)).toBe(false);
    process.env.NODE_ENV = 'production';
    expect(needsRehash(cheap)).toBe(true);
    expect(ASVS_SCRYPT.N).toBe(2 ** 17);
  });
});
