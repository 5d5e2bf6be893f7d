import { Migration } from '@mikro-orm/migrations';

/**
 * The custody fold left out DESTROY, so a destroyed document stayed in its cabinet's inventory and, under a
 * restricted mark, in the carriers register. The custody snapshots were taken without it: they go, and the
 * worker takes them again from the history (a read model: nothing is lost).
 */
export class CustodySnapshotsWithDestruction20261207 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from register_snapshots where kind = 'custody'`);
  }
}
