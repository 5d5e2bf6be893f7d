import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseSettings, DatabaseSettings, migrateDatabase, type MigrateOptions } from '@grif/persistence';

export interface ScratchDatabase {
  db: DatabaseSettings;
  drop(): Promise<void>;
}

/** One statement on the server, outside any scratch database (CREATE/DROP DATABASE cannot run inside one). */
export async function adminQuery(url: string, sql: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * A migrated database of its own for one benchmark run: a SQLite file in a temporary folder, or with
 * DATABASE_URL=postgres://… a scratch database on that server — never the database the URL names.
 */
export async function scratchDatabase(label: string, migrate: MigrateOptions = {}): Promise<ScratchDatabase> {
  const env = databaseSettings();
  if (env.kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `grif-${label}-`));
    const db: DatabaseSettings = { kind: 'sqlite', target: join(dir, 'bench.sqlite') };
    await migrateDatabase(db, migrate);
    return { db, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `grif_${label.replace(/\W/g, '_')}_${process.pid}`;
  await adminQuery(env.target, `create database ${name}`);
  const u = new URL(env.target);
  u.pathname = `/${name}`;
  const db: DatabaseSettings = { kind: 'postgresql', target: u.toString() };
  const drop = () => adminQuery(env.target, `drop database if exists ${name} with (force)`);
  try {
    await migrateDatabase(db, migrate);
  } catch (err) {
    await drop();
    throw err;
  }
  return { db, drop };
}
