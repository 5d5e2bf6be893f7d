import { MikroORM, type Options } from '@mikro-orm/core';
import { APPEND_ONLY_TABLES } from './append-only';
import { databaseSettings, DatabaseSettings, ormOptions } from './orm-config';

export interface MigrateOptions {
  /**
   * PostgreSQL: the role the application connects as, when it is not the role that migrates (the owner).
   * After the migrations it gets what it needs on every table, and on the append-only history and ledger of
   * chain heads nothing but SELECT and INSERT. Granted after every run, so a new table is covered too.
   */
  appRole?: string;
  /** Only up to this migration (by name), included: a benchmark measures the schema before a later one. */
  to?: string;
}

/** Applies every pending migration; a step before boot, never inside it. */
export async function migrateDatabase(db?: DatabaseSettings, opts: MigrateOptions = {}): Promise<string[]> {
  const orm = await MikroORM.init(await migratingOrmOptions(db));
  try {
    const applied = await orm.getMigrator().up(opts.to ? { to: opts.to } : undefined);
    if (opts.appRole && (db ?? databaseSettings()).kind === 'postgresql') await grantAppRole(orm, opts.appRole);
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

/**
 * The ORM's options with the migrator and Grif's migrations, for `getMigrator()`. Loaded only here, on first use:
 * the running app never migrates, and every process (and every test file) paid ~0.25 s of CPU to load them.
 */
export async function migratingOrmOptions(db?: DatabaseSettings): Promise<Options> {
  const [{ Migrator }, { MIGRATIONS }] = await Promise.all([import('@mikro-orm/migrations'), import('./migrations')]);
  return {
    ...ormOptions(db),
    extensions: [Migrator],
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Reading and writing the application's tables, appending only to the history; never the migrations' own record. */
async function grantAppRole(orm: MikroORM, role: string): Promise<void> {
  const r = ident(role);
  const conn = orm.em.getConnection();
  await conn.execute(`grant usage on schema public to ${r}`);
  await conn.execute(`grant select, insert, update, delete on all tables in schema public to ${r}`);
  await conn.execute(`grant usage, select on all sequences in schema public to ${r}`);
  await conn.execute(`revoke insert, update, delete, truncate on mikro_orm_migrations from ${r}`);
  await conn.execute(`revoke update, delete, truncate on ${APPEND_ONLY_TABLES.join(', ')} from ${r}`);
}
