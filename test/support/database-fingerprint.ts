import { createHash } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { INestApplicationContext } from '@nestjs/common';

/**
 * Tables a refused request may still touch by design: the session it came with (last seen), and the log
 * of sign-in attempts (every failure is recorded). Everything else must stay as it was.
 */
const BOOKKEEPING = new Set(['sessions', 'login_events', 'mikro_orm_migrations', 'write_gate']);

/**
 * Every row of every table (but the bookkeeping ones) as one hash per table: "nothing was written" is then
 * two equal maps. Tables are listed from the database itself, so a new table is covered without a change here.
 */
export async function databaseFingerprint(app: INestApplicationContext): Promise<Record<string, string>> {
  const conn = app.get(MikroORM).em.fork().getConnection();
  const postgres = app.get(MikroORM).config.get('driver')?.name === 'PostgreSqlDriver';
  const listed: { name: string }[] = await conn.execute(
    postgres
      ? `select tablename as name from pg_tables where schemaname = current_schema()`
      : `select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`,
  );
  const tables = listed
    .map((t) => t.name)
    .filter((t) => !BOOKKEEPING.has(t))
    .sort();
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rows: Record<string, unknown>[] = await conn.execute(`select * from "${t}"`);
    const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
    out[t] = `${rows.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`;
  }
  return out;
}
