import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DatabaseSettings, migrateDatabase } from '@grif/persistence';

export interface TestDatabase {
  settings: DatabaseSettings;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a temporary SQLite file by default,
 * or a new PostgreSQL database on the server of DATABASE_URL when it is postgres://.
 * Each is a copy of a template migrated once per version of the migrations (`migrationsKey`): migrating every
 * file's database cost 0.5 s a file on PostgreSQL and 0.15 s on SQLite, a copy ~0.06 s and ~1 ms.
 */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  // `migrated: false`: an empty database, for a test that migrates it step by step over data of its own.
  const migrated = opts.migrated !== false;
  const url = process.env.DATABASE_URL;
  if (url && /^postgres/.test(url)) {
    const name = `grif_t_${randomBytes(6).toString('hex')}`;
    const at = (db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
    const admin = new Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create database ${name}${migrated ? ` template ${await postgresTemplate(admin, at)}` : ''}`);
    } finally {
      await admin.end();
    }
    const settings: DatabaseSettings = { kind: 'postgresql', target: at(name) };
    return {
      settings,
      env: { DATABASE_URL: settings.target },
      drop: async () => {
        const c = new Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'grif-test-'));
  const settings: DatabaseSettings = { kind: 'sqlite', target: join(dir, 'grif.sqlite') };
  if (migrated) copyFileSync(await sqliteTemplate(), settings.target);
  return {
    settings,
    env: { DATABASE_URL: `sqlite:${settings.target}` },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * What the migrated schema depends on: the migrations and what they import (the persistence library, the workflows'
 * lists), and the installed packages (the ORM writes some of the DDL). A change to any of it makes a new template;
 * one that changes none of it keeps the one made before.
 */
function migrationsKey(): string {
  const hash = createHash('sha256');
  const root = join(__dirname, '../..');
  hash.update(readFileSync(join(root, 'package-lock.json')));
  for (const dir of ['libs/persistence/src', 'workflows'])
    for (const file of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).sort())
      if (file.endsWith('.ts')) hash.update(file).update(readFileSync(join(root, dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** A migrated SQLite file to copy, made by whichever test file first needs it; a rename makes it whole at once. */
async function sqliteTemplate(): Promise<string> {
  const template = join(tmpdir(), `grif-test-template-${migrationsKey()}.sqlite`);
  if (existsSync(template)) return template;
  const dir = mkdtempSync(join(tmpdir(), 'grif-template-'));
  try {
    const building = join(dir, 'grif.sqlite');
    // Closed, the ORM's connection checkpoints the log into the file: the file alone is the database.
    await migrateDatabase({ kind: 'sqlite', target: building });
    if (existsSync(`${building}-wal`)) throw new Error('the template SQLite file was closed with its log unmerged');
    renameSync(building, template);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return template;
}

/**
 * A migrated PostgreSQL database to copy (CREATE DATABASE … TEMPLATE), made once on the server under an advisory
 * lock, so the suites' workers wait for the first one to make it; renamed when whole, so a run killed halfway leaves
 * no half-migrated template. Templates of earlier migrations are dropped then.
 */
async function postgresTemplate(admin: Client, at: (db: string) => string): Promise<string> {
  const template = `grif_tpl_${migrationsKey()}`;
  await admin.query(`select pg_advisory_lock(hashtext('grif test template'))`);
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [template]);
    if (exists.rowCount) return template;
    const stale = await admin.query(`select datname from pg_database where starts_with(datname, 'grif_tpl_')`);
    for (const { datname } of stale.rows)
      await admin.query(`drop database if exists ${datname} with (force)`).catch(() => undefined);
    const building = `${template}_building`;
    await admin.query(`drop database if exists ${building} with (force)`);
    await admin.query(`create database ${building}`);
    await migrateDatabase({ kind: 'postgresql', target: at(building) });
    await admin.query(`alter database ${building} rename to ${template}`);
    return template;
  } finally {
    await admin.query(`select pg_advisory_unlock(hashtext('grif test template'))`);
  }
}

export function testQueuePrefix(): string {
  return `grif-test-${randomBytes(5).toString('hex')}`;
}
