import type { RawSql } from './raw-sql';

/**
 * An effect's outbox row marked delivered by the work that did it — and dispatched too, should the relay have
 * skipped it while this transaction held its lock (MikroOutboxSource.markDispatched never waits for a row).
 */
export async function settleOutboxRow(sql: RawSql, outboxId: string, at: string): Promise<void> {
  await sql.run(
    'update outbox set delivered_at = ?, dispatched_at = coalesce(dispatched_at, ?) where id = ? and delivered_at is null',
    [at, at, outboxId],
  );
}
