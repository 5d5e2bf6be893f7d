import { Migration } from '@mikro-orm/migrations';

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

const PG_REFUSE = `create or replace function grif_refuse_history_change() returns trigger language plpgsql as $$
begin
  raise exception 'grif: % is append-only: % refused (R-1.5)', tg_table_name, lower(tg_op)
    using errcode = 'insufficient_privilege';
end $$`;

export class AppendOnlyHistory20261203 extends Migration {
  override async up(): Promise<void> {
    if (this.getKnex().client.dialect !== 'postgresql') {
      for (const t of APPEND_ONLY_TABLES) for (const sql of sqliteAppendOnlyTriggers(t)) this.addSql(sql);
      return;
    }
    this.addSql(PG_REFUSE);
    for (const t of APPEND_ONLY_TABLES) {
      this.addSql(
        `create trigger ${t}_append_only before update or delete on ${t} for each row execute function grif_refuse_history_change()`,
      );
      this.addSql(
        `create trigger ${t}_no_truncate before truncate on ${t} for each statement execute function grif_refuse_history_change()`,
      );
      // Whoever the owner granted everything to by default keeps only reading and appending here.
      this.addSql(`revoke update, delete, truncate on ${t} from public`);
    }
  }
}
