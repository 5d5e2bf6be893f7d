import { Client } from 'pg';
import { APPEND_ONLY_TABLES, sqliteAppendOnlyTriggers } from '@grif/persistence';
import type { TestDatabase } from './test-database';

/**
 * Tampering with the history the way only someone above the application can: the history and the ledger
 * of chain heads refuse UPDATE and DELETE by a trigger (and, on PostgreSQL, by the app role's grants), so each
 * change here goes around it on a connection of its own:
 * - PostgreSQL: a superuser's `set local session_replication_role = replica` (triggers, foreign keys included,
 *   do not fire in that transaction; the test server's role is a superuser);
 * - SQLite: whoever holds the file drops the triggers, changes the rows and recreates them, in one transaction.
 * Each returns what it changed, so a test can say which link verification must name.
 */
export interface Tamperable {
  db: TestDatabase;
}

type Sql = (statement: string, params?: unknown[]) => Promise<Record<string, any>[]>;

async function asOwner<T>(target: Tamperable, change: (sql: Sql) => Promise<T>): Promise<T> {
  const { kind, target: where } = target.db.settings;
  if (kind === 'postgresql') {
    const c = new Client({ connectionString: where });
    await c.connect();
    try {
      await c.query('begin');
      await c.query('set local session_replication_role = replica');
      const out = await change(async (s, p = []) => {
        let i = 0;
        return (
          await c.query(
            s.replace(/\?/g, () => `$${++i}`),
            p,
          )
        ).rows;
      });
      await c.query('commit');
      return out;
    } catch (err) {
      await c.query('rollback');
      throw err;
    } finally {
      await c.end();
    }
  }
  // better-sqlite3 ships no types; its own connection, as the owner of the file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const conn = new (require('better-sqlite3'))(where);
  try {
    conn.pragma('busy_timeout = 10000');
    conn.pragma('foreign_keys = off'); // a deleted instance leaves its documents behind, as a tamperer would
    conn.exec('begin immediate');
    try {
      for (const t of APPEND_ONLY_TABLES)
        for (const op of ['update', 'delete']) conn.exec(`drop trigger ${t}_no_${op}`);
      const out = await change(async (s, p = []) => {
        const st = conn.prepare(s);
        return st.reader ? st.all(...p) : (st.run(...p), []);
      });
      for (const t of APPEND_ONLY_TABLES) for (const s of sqliteAppendOnlyTriggers(t)) conn.exec(s);
      conn.exec('commit');
      return out;
    } catch (err) {
      conn.exec('rollback');
      throw err;
    }
  } finally {
    conn.close();
  }
}

async function eventAt(sql: Sql, instanceId: string, seq: number) {
  const [row] = await sql('select id, payload from workflow_events where instance_id = ? and seq = ?', [
    instanceId,
    seq,
  ]);
  if (!row) throw new Error(`tamper: instance ${instanceId} has no event ${seq}`);
  return row as { id: string; payload: string };
}

/** One byte of the stored payload of event `seq` changed (the last letter or digit, to its neighbour). */
export async function flipByte(t: Tamperable, instanceId: string, seq: number): Promise<{ eventId: string }> {
  return asOwner(t, async (sql) => {
    const e = await eventAt(sql, instanceId, seq);
    const i = e.payload.search(/[0-9A-Za-z][^0-9A-Za-z]*$/);
    const ch = e.payload[i];
    const flipped =
      ch === 'z' || ch === 'Z' || ch === '9'
        ? String.fromCharCode(ch.charCodeAt(0) - 1)
        : String.fromCharCode(ch.charCodeAt(0) + 1);
    await sql('update workflow_events set payload = ? where id = ?', [
      e.payload.slice(0, i) + flipped + e.payload.slice(i + 1),
      e.id,
    ]);
    return { eventId: e.id };
  });
}

/** Event `seq` of an instance removed from its history. */
export async function deleteEvent(t: Tamperable, instanceId: string, seq: number): Promise<{ eventId: string }> {
  return asOwner(t, async (sql) => {
    const e = await eventAt(sql, instanceId, seq);
    await sql('delete from workflow_events where id = ?', [e.id]);
    return { eventId: e.id };
  });
}

/** Two events of an instance trade places (their seqs), each otherwise untouched. */
export async function swapEvents(t: Tamperable, instanceId: string, a: number, b: number): Promise<void> {
  await asOwner(t, async (sql) => {
    const [ea, eb] = [await eventAt(sql, instanceId, a), await eventAt(sql, instanceId, b)];
    await sql('update workflow_events set seq = ? where id = ?', [-1, ea.id]); // the (instance, seq) key stays unique
    await sql('update workflow_events set seq = ? where id = ?', [a, eb.id]);
    await sql('update workflow_events set seq = ? where id = ?', [b, ea.id]);
  });
}

/** An instance gone with its whole history (its domain rows, a document say, are left behind). */
export async function deleteInstance(t: Tamperable, instanceId: string): Promise<void> {
  await asOwner(t, async (sql) => {
    for (const table of ['workflow_events', 'deadlines', 'outbox'])
      await sql(`delete from ${table} where instance_id = ?`, [instanceId]);
    await sql('delete from workflow_instances where id = ?', [instanceId]);
  });
}

/** A checkpoint of the school's ledger of heads (the last when no seq is given) with its time rewritten. */
export async function editCheckpoint(t: Tamperable, schoolId: string, seq?: number): Promise<{ seq: number }> {
  return asOwner(t, async (sql) => {
    const [c] = await sql(
      `select id, seq from chain_checkpoints where school_id = ? ${seq === undefined ? '' : 'and seq = ?'} order by seq desc limit 1`,
      seq === undefined ? [schoolId] : [schoolId, seq],
    );
    if (!c) throw new Error(`tamper: school ${schoolId} has no checkpoint ${seq ?? ''}`);
    await sql('update chain_checkpoints set at = ? where id = ?', ['2020-01-01T00:00:00.000Z', c.id]);
    return { seq: Number(c.seq) };
  });
}
