import { loadConfig } from './config';

describe('mail and end-of-day list settings', () => {
  const env = (extra: Record<string, string>) => ({ GRIF_DATA_DIR: '/tmp/grif-config-spec', ...extra });

  it('no GRIF_SMTP_URL (or an empty one): no e-mail; the list is checked every minute by default', () => {
    expect(loadConfig(env({}))).toMatchObject({ mail: undefined, digestMs: 60_000 });
    expect(loadConfig(env({ GRIF_SMTP_URL: ' ' })).mail).toBeUndefined();
    expect(loadConfig(env({ GRIF_DIGEST_MS: '0' })).digestMs).toBe(0);
  });

  it('GRIF_SMTP_URL with the From (default grif@localhost) and the public URL without its trailing slash', () => {
    expect(loadConfig(env({ GRIF_SMTP_URL: 'smtp://127.0.0.1:2525' })).mail).toEqual({
      smtpUrl: 'smtp://127.0.0.1:2525',
      from: 'grif@localhost',
      publicUrl: undefined,
    });
    expect(
      loadConfig(
        env({
          GRIF_SMTP_URL: 'smtps://grif:secret@mail.school35.kg:465',
          GRIF_MAIL_FROM: 'Grif <grif@school35.kg>',
          GRIF_PUBLIC_URL: 'https://grif.school35.kg/',
        }),
      ).mail,
    ).toEqual({
      smtpUrl: 'smtps://grif:secret@mail.school35.kg:465',
      from: 'Grif <grif@school35.kg>',
      publicUrl: 'https://grif.school35.kg',
    });
  });

  it('a bad value stops the process with one line naming the variable', () => {
    expect(() => loadConfig(env({ GRIF_SMTP_URL: 'mail.school35.kg' }))).toThrow(/^grif: GRIF_SMTP_URL must be smtp:/);
    expect(() => loadConfig(env({ GRIF_MAIL_FROM: 'grif' }))).toThrow(/^grif: GRIF_MAIL_FROM must be an address/);
    expect(() => loadConfig(env({ GRIF_PUBLIC_URL: 'grif.school35.kg' }))).toThrow(/^grif: GRIF_PUBLIC_URL/);
    expect(() => loadConfig(env({ GRIF_DIGEST_MS: '-1' }))).toThrow(/^grif: GRIF_DIGEST_MS/);
  });
});

describe('session and proxy settings', () => {
  const env = (extra: Record<string, string>) => ({ GRIF_DATA_DIR: '/tmp/grif-config-spec', ...extra });

  it('GRIF_SESSION_IDLE_MINUTES: 30 by default, 1..720', () => {
    expect(loadConfig(env({})).sessionIdleMinutes).toBe(30);
    expect(loadConfig(env({ GRIF_SESSION_IDLE_MINUTES: '15' })).sessionIdleMinutes).toBe(15);
    expect(() => loadConfig(env({ GRIF_SESSION_IDLE_MINUTES: '0' }))).toThrow(/^grif: GRIF_SESSION_IDLE_MINUTES/);
  });

  it('GRIF_TRUST_PROXY: none by default; true, a hop count, or addresses and subnets for express', () => {
    expect(loadConfig(env({})).trustProxy).toBeUndefined();
    expect(loadConfig(env({ GRIF_TRUST_PROXY: '' })).trustProxy).toBeUndefined();
    expect(loadConfig(env({ GRIF_TRUST_PROXY: 'true' })).trustProxy).toBe(true);
    expect(loadConfig(env({ GRIF_TRUST_PROXY: '1' })).trustProxy).toBe(1);
    expect(loadConfig(env({ GRIF_TRUST_PROXY: 'loopback, 10.0.0.0/8' })).trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(() => loadConfig(env({ GRIF_TRUST_PROXY: 'yes please!' }))).toThrow(/^grif: GRIF_TRUST_PROXY/);
  });
});

describe('GRIF_TEST_SCRYPT_N: the test suites’ cheaper password hashing', () => {
  const env = (extra: Record<string, string>) => ({ GRIF_DATA_DIR: '/tmp/grif-config-spec', ...extra });

  it('is refused outside NODE_ENV=test, so a school’s server never hashes below ASVS L2 (V2.4)', () => {
    expect(() => loadConfig(env({ GRIF_TEST_SCRYPT_N: '16384', NODE_ENV: 'production' }))).toThrow(
      /GRIF_TEST_SCRYPT_N is for the test suites only/,
    );
    expect(() => loadConfig(env({ GRIF_TEST_SCRYPT_N: '16384' }))).toThrow(/GRIF_TEST_SCRYPT_N/);
    expect(loadConfig(env({ GRIF_TEST_SCRYPT_N: '16384', NODE_ENV: 'test' })).port).toBeGreaterThan(0);
  });
});
