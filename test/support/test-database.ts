import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
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
 */
export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<TestDatabase> {
  // `migrated: false`: an empty database, for a test that migrates it step by step over data of its own.
  const migrate = (settings: DatabaseSettings) => (opts.migrated === false ? undefined : migrateDatabase(settings));
  const url = process.env.DATABASE_URL;
  if (url && /^postgres/.test(url)) {
    const name = `grif_t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const settings: DatabaseSettings = { kind: 'postgresql', target: u.toString() };
    await migrate(settings);
    return {
      settings,
      env: { DATABASE_URL: u.toString() },
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
  await migrate(settings);
  return {
    settings,
    env: { DATABASE_URL: `sqlite:${settings.target}` },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

export function testQueuePrefix(): string {
  return `grif-test-${randomBytes(5).toString('hex')}`;
}
