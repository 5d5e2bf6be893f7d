/**
 * The history of every instance (`workflow_events`) and the ledger of chain heads (`chain_checkpoints`) are
 * append-only (R-1.5, issue 11). The hash chains already detect a rewritten past; this makes the database refuse
 * to rewrite it in the first place. A trigger refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) for every
 * role, the owner included; on PostgreSQL the application's role also lacks the grants (see `grantAppRole`).
 * Only someone who can drop the trigger (the owner) or skip triggers (a superuser, `session_replication_role`)
 * can still change a row, and the hash chains then name the change.
 */
export const APPEND_ONLY_TABLES = ['workflow_events', 'chain_checkpoints'] as const;

/** SQLite: one trigger per table and statement; the statements a tamper test drops and recreates as they are here. */
export function sqliteAppendOnlyTriggers(table: string): string[] {
  return (['update', 'delete'] as const).map(
    (op) =>
      `create trigger ${table}_no_${op} before ${op} on ${table} ` +
      `begin select raise(abort, 'grif: ${table} is append-only: ${op} refused (R-1.5)'); end`,
  );
}
