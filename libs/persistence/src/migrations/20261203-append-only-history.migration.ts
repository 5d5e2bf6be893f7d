import { Migration } from '@mikro-orm/migrations';
import { APPEND_ONLY_TABLES, sqliteAppendOnlyTriggers } from '../append-only';

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
