import { Migration } from '@mikro-orm/migrations';
import { LOST_RACE_SQLSTATE } from '../lost-race';

/**
 * PostgreSQL: the batch statement (batch-statement.ts) checks inside itself that every version-checked move changed
 * its row, and fails as a whole when one did not. A batch whose only write is that one statement then needs no
 * BEGIN and COMMIT (group-commit.ts): the statement is atomic by itself, and a lost race writes none of it.
 * SQLite writes a batch's rows one statement at a time inside its transaction and needs nothing here.
 */
export class BatchMovesChecked20261210 extends Migration {
  override async up(): Promise<void> {
    if (this.getKnex().client.dialect !== 'postgresql') return;
    this.addSql(`create or replace function grif_moved(moved bigint, expected int) returns bigint language plpgsql as $$
begin
  if moved <> expected then
    raise exception 'grif: % of % instances moved; another writer moved the rest first', moved, expected
      using errcode = '${LOST_RACE_SQLSTATE}';
  end if;
  return moved;
end $$`);
  }
}
