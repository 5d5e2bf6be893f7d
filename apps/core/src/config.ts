import { resolve } from 'node:path';
import { z } from 'zod';
import { databaseSettings, DatabaseSettings } from '@grif/persistence';
import { QueueSettings, redisOptions } from '@grif/queue';

/** Everything one Grif process is configured with; validated before anything starts. */
export interface GrifConfig {
  db: DatabaseSettings;
  queue: QueueSettings;
  /** The relay's poll period; it also runs right after each commit. */
  relayPollMs: number;
  /** How often a worker re-arms pending deadlines and re-sends undelivered effects from the tables. */
  reconcileMs: number;
  /** How often a worker seals moved chain heads into each school's ledger. */
  checkpointMs: number;
  /**
   * How often a worker looks whether a school's working day has closed and its end-of-day list of
   * For Official Use items out is due; absent or 0: no end-of-day list (tests that do not want one).
   */
  digestMs?: number;
  /** E-mail of notifications; absent: the in-app inbox only. */
  mail?: MailSettings;
  /**
   * two clients of one account seen within this many minutes are "at once" and raise the
   * sharing signal (at most once per person and window); absent: 10.
   */
  sharingWindowMinutes?: number;
  /** A session unused for this many minutes ends (ASVS 7.3.1); absent: 30. */
  sessionIdleMinutes?: number;
  /**
   * Express's `trust proxy` (GRIF_TRUST_PROXY): which reverse proxies' X-Forwarded-For/-Proto to believe,
   * so the client address (login throttling, the session's client) and HTTPS (the `__Host-` cookie) are
   * the real ones. true, a hop count, or addresses/subnets ("loopback", "10.0.0.0/8"); absent: none.
   */
  trustProxy?: boolean | number | string;
  port: number;
  demo: boolean;
  schoolName?: string;
  /**
   * GRIF_AUDIT_KEY_SECRET: the school's audit-export signing key is kept sealed under it, so exports stay signed
   * by one certificate across restarts; absent: a key made in memory at the first export of each run.
   */
  auditKeySecret?: string;
  /** Where `npm start` keeps what it owns on disk (the SQLite file's folder by default, its own Redis's files). */
  dataDir: string;
}

export interface MailSettings {
  /** smtp://host:port or smtps://user:password@host:port (nodemailer's URL form). */
  smtpUrl: string;
  /** The From address of every notification e-mail. */
  from: string;
  /** Where people open Grif (https://grif.example.kg): e-mails link to the page when the recipient may open it. */
  publicUrl?: string;
}

const ms = (fallback: number, min: number) =>
  z.coerce
    .number()
    .int()
    .min(min)
    .max(24 * 3600_000)
    .default(fallback);

/** `VAR=` in a unit file or a compose file means "not set", not "set to nothing". */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** GRIF_TRUST_PROXY: true/false, a hop count, or a comma-separated list of addresses, subnets or express's names. */
function trustProxySchema() {
  return z
    .string()
    .trim()
    .regex(
      /^(true|false|\d{1,2}|[A-Za-z0-9.:/]+(\s*,\s*[A-Za-z0-9.:/]+)*)$/,
      'must be true, a hop count, or addresses/subnets',
    )
    .transform((v): boolean | number | string =>
      v === 'true' ? true : v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v,
    );
}

const envSchema = z.object({
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .refine((u) => {
      try {
        redisOptions(u);
        return true;
      } catch {
        return false;
      }
    }, 'must be redis://host:port[/db]'),
  GRIF_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,60}$/, 'letters, digits, _ . - only')
    .default('grif'),
  // Read by the processors' decorators when the worker module loads (see jobWorkerOptions); checked here.
  GRIF_JOB_LOCK_MS: ms(4000, 500),
  GRIF_RELAY_POLL_MS: ms(1000, 50),
  GRIF_RECONCILE_MS: ms(60_000, 100),
  GRIF_CHECKPOINT_MS: ms(300_000, 100),
  GRIF_DIGEST_MS: ms(60_000, 0),
  GRIF_SMTP_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .regex(/^smtps?:\/\/[^/\s]+/, 'must be smtp://host:port or smtps://user:password@host:port'),
  ),
  GRIF_MAIL_FROM: z
    .string()
    .trim()
    .regex(/^(?:[^<>]*<)?[^@\s<>]+@[^@\s<>]+>?$/, 'must be an address (grif@school35.kg or Grif <grif@school35.kg>)')
    .default('grif@localhost'),
  GRIF_PUBLIC_URL: unsetWhenEmpty(
    z
      .string()
      .trim()
      .regex(/^https?:\/\/[^\s]+$/, 'must be http(s)://host[:port][/path]'),
  ),
  GRIF_SHARING_WINDOW_MIN: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  GRIF_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(12 * 60)
    .default(30),
  GRIF_TRUST_PROXY: unsetWhenEmpty(trustProxySchema()),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  GRIF_DEMO: z.enum(['0', '1', '']).optional(),
  GRIF_SCHOOL_NAME: z.string().trim().min(1).max(300).optional(),
  GRIF_DATA_DIR: z.string().default('./data'),
  GRIF_AUDIT_KEY_SECRET: unsetWhenEmpty(z.string().min(16).max(1000)),
});

/** Reads the environment; a bad value stops the process with one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): GrifConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`grif: ${issue.path.join('.')} ${issue.message}`);
  }
  const e = parsed.data;
  // The cheaper password hashing of jest's runs (identity/password.ts) must never reach a school's server.
  if (env.GRIF_TEST_SCRYPT_N !== undefined && env.NODE_ENV !== 'test')
    throw new Error('grif: GRIF_TEST_SCRYPT_N is for the test suites only (with NODE_ENV=test); unset it');
  const dataDir = resolve(e.GRIF_DATA_DIR);
  return {
    db: databaseSettings({ GRIF_SQLITE_PATH: resolve(dataDir, 'grif.sqlite'), ...env }),
    queue: { redisUrl: e.REDIS_URL, prefix: e.GRIF_QUEUE_PREFIX },
    relayPollMs: e.GRIF_RELAY_POLL_MS,
    reconcileMs: e.GRIF_RECONCILE_MS,
    checkpointMs: e.GRIF_CHECKPOINT_MS,
    digestMs: e.GRIF_DIGEST_MS,
    mail: e.GRIF_SMTP_URL
      ? {
          smtpUrl: e.GRIF_SMTP_URL,
          from: e.GRIF_MAIL_FROM,
          publicUrl: e.GRIF_PUBLIC_URL?.replace(/\/+$/, ''),
        }
      : undefined,
    sharingWindowMinutes: e.GRIF_SHARING_WINDOW_MIN,
    sessionIdleMinutes: e.GRIF_SESSION_IDLE_MINUTES,
    ...(e.GRIF_TRUST_PROXY !== undefined ? { trustProxy: e.GRIF_TRUST_PROXY } : {}),
    port: e.PORT,
    demo: e.GRIF_DEMO === '1',
    schoolName: e.GRIF_SCHOOL_NAME,
    ...(e.GRIF_AUDIT_KEY_SECRET ? { auditKeySecret: e.GRIF_AUDIT_KEY_SECRET } : {}),
    dataDir,
  };
}

/** A config built in code (tests) goes through the same bounds as the environment's. */
export const grifConfigSchema = z.object({
  db: z.object({
    kind: z.enum(['sqlite', 'postgresql']),
    target: z.string().min(1),
    busyTimeoutMs: z.number().int().positive().optional(),
    writers: z.number().int().min(1).max(16).optional(),
  }),
  queue: z.object({
    redisUrl: z.string().min(1),
    prefix: z.string().regex(/^[A-Za-z0-9_.-]{1,60}$/),
  }),
  relayPollMs: z.number().int().positive(),
  reconcileMs: z.number().int().positive(),
  checkpointMs: z.number().int().positive(),
  digestMs: z.number().int().min(0).optional(),
  mail: z.object({ smtpUrl: z.string().min(1), from: z.string().min(3), publicUrl: z.string().optional() }).optional(),
  sharingWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .optional(),
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(12 * 60)
    .optional(),
  trustProxy: z.union([z.boolean(), z.number().int().min(0), z.string().min(1)]).optional(),
  port: z.number().int().min(0),
  demo: z.boolean(),
  schoolName: z.string().optional(),
  auditKeySecret: z.string().min(16).optional(),
  dataDir: z.string(),
});

export const GRIF_CONFIG = Symbol.for('grif.Config');
