import { resolve } from 'node:path';
import type { Options } from '@mikro-orm/core';
import type { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import type { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { FALLBACK_AUTOCHECKPOINT_PAGES } from './sqlite-checkpointer';

export type DatabaseKind = 'sqlite' | 'postgresql';

export interface DatabaseSettings {
  kind: DatabaseKind;
  /** postgres:// URL, or the SQLite file path. */
  target: string;
  /** SQLite: how long a writer waits for another process's lock before giving up (default 10 s). */
  busyTimeoutMs?: number;
  /** PostgreSQL: group-commit writers of this process, each on its own connection (GRIF_DB_WRITERS, default 2). */
  writers?: number;
}

export function databaseSettings(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const url = env.DATABASE_URL?.trim();
  const writers = env.GRIF_DB_WRITERS ? Number(env.GRIF_DB_WRITERS) : undefined;
  if (url && /^postgres(ql)?:\/\//.test(url))
    return { kind: 'postgresql', target: url, ...(writers ? { writers } : {}) };
  if (url && url.startsWith('sqlite:')) return { kind: 'sqlite', target: resolve(url.slice('sqlite:'.length)) };
  if (url) throw new Error(`DATABASE_URL must start with postgres:// or sqlite: (got "${url.split(':')[0]}:")`);
  return { kind: 'sqlite', target: resolve(env.GRIF_SQLITE_PATH ?? './data/grif.sqlite') };
}

/**
 * Where migrations run: DATABASE_OWNER_URL, the role that owns the tables, when the application's own role
 * (DATABASE_URL) may not change the history (R-1.5, docs/audit.md); otherwise the application's database.
 * `appRole` is the application's role to grant, when the two differ.
 */
export function ownerDatabaseSettings(env: NodeJS.ProcessEnv = process.env): {
  db: DatabaseSettings;
  appRole?: string;
} {
  const app = databaseSettings(env);
  const owner = env.DATABASE_OWNER_URL?.trim();
  if (!owner) return { db: app };
  if (app.kind !== 'postgresql' || !/^postgres(ql)?:\/\//.test(owner))
    throw new Error('DATABASE_OWNER_URL is for PostgreSQL: both it and DATABASE_URL must start with postgres://');
  const role = (url: string) => decodeURIComponent(new URL(url).username);
  const appRole = role(app.target);
  if (!appRole)
    throw new Error('DATABASE_URL must name the application role (postgres://role@host/db) with DATABASE_OWNER_URL');
  return { db: { kind: 'postgresql', target: owner }, ...(appRole !== role(owner) ? { appRole } : {}) };
}

const common: Options = {
  entities: ENTITIES,
  allowGlobalContext: false,
  forceUtcTimezone: true,
  debug: false,
};

export interface OrmHooks {
  /** The driver's warnings (a dropped connection, once per connection): the caller decides how loud to be. */
  warn?: (message: string) => void;
  /** SQLite: a SqliteCheckpointer checkpoints this database from its own thread, so the writer need not. */
  checkpointsElsewhere?: boolean;
}

/**
 * Grif's settings of a SQLite connection that writes (the ORM's, and the writer thread's): WAL lets readers go on
 * while one writer writes; busy_timeout makes a writer wait for another's lock instead of failing with SQLITE_BUSY;
 * with a SqliteCheckpointer, checkpoints are its to do and a writer's only a fallback.
 */
export function sqlitePragmas(busyTimeoutMs = 10_000, checkpointsElsewhere = false): string[] {
  return [
    'journal_mode = WAL',
    `busy_timeout = ${busyTimeoutMs}`,
    'synchronous = NORMAL',
    ...(checkpointsElsewhere ? [`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`] : []),
  ];
}

/**
 * Only the driver in use is loaded, on first use: each brings its knex dialect and its client library, and every
 * process (and every test file, whose imports jest loads afresh) paid for both, ~0.1 s of CPU.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, as said above */
const postgresDriver = (): typeof PostgreSqlDriver => require('@mikro-orm/postgresql').PostgreSqlDriver;
const sqliteDriver = (): typeof BetterSqliteDriver => require('@mikro-orm/better-sqlite').BetterSqliteDriver;
/* eslint-enable @typescript-eslint/no-require-imports */

export function ormOptions(db: DatabaseSettings = databaseSettings(), hooks: OrmHooks = {}): Options {
  if (db.kind === 'postgresql') {
    return {
      ...common,
      driver: postgresDriver(),
      clientUrl: db.target,
      pool: { min: 0, max: 20 },
      ...(hooks.warn ? { driverOptions: { log: { warn: hooks.warn } } } : {}),
    };
  }
  return {
    ...common,
    driver: sqliteDriver(),
    dbName: db.target,
    pool: {
      min: 1,
      max: 1,
      afterCreate: (conn: { pragma(s: string): unknown }, done: (err: unknown, conn: unknown) => void) => {
        for (const pragma of sqlitePragmas(db.busyTimeoutMs, hooks.checkpointsElsewhere)) conn.pragma(pragma);
        done(null, conn);
      },
    },
  } as Options;
}
