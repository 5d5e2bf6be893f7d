import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { DatabaseKind } from './orm-config';
import { RawSql } from './raw-sql';
import { forget } from './transaction-memo';

type Work = (em: SqlEntityManager) => Promise<unknown>;
interface Queued {
  work: Work;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}
type Outcome = { ok: true; value: unknown } | { ok: false; err: unknown };

/** A writer's queue: the units waiting for its next transaction, and whether one is running. */
interface Lane {
  queue: Queued[];
  busy: boolean;
}

/**
 * Group commit: write transactions that arrive while a writer is committing wait, and the writer then runs
 * them together in ONE transaction and commits once (as Zeebe batches its log, or PostgreSQL its WAL flushes).
 * Each unit runs in a savepoint of its own, in arrival order, so it sees its predecessors' writes exactly as
 * if they had committed before it: a refused or conflicting unit rolls back to its savepoint and only its
 * caller gets the error; its neighbours commit. Every caller is answered after the commit, never before
 * (a unit's effects are relayed only once they are durable). A lone unit runs as a plain transaction.
 *
 * SQLite has one writer: one lane. PostgreSQL has `lanes` writers, each on its own connection; a unit given a
 * partition key (the instance it moves, the school it registers in) always goes to the same lane, so two
 * units of one instance never wait on each other's row locks from different batches.
 */
export class GroupCommit {
  private readonly lanes: Lane[];
  private next = 0;

  constructor(
    private readonly orm: MikroORM,
    private readonly kind: DatabaseKind,
    lanes: number,
    private readonly maxBatch = 64,
  ) {
    this.lanes = Array.from({ length: kind === 'sqlite' ? 1 : Math.max(1, lanes) }, () => ({ queue: [], busy: false }));
  }

  run<T>(work: (em: SqlEntityManager) => Promise<T>, partition?: string): Promise<T> {
    const lane =
      this.lanes[partition === undefined ? this.next++ % this.lanes.length : laneOf(partition, this.lanes.length)];
    return new Promise<T>((resolve, reject) => {
      lane.queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
      if (!lane.busy) void this.drain(lane);
    });
  }

  private async drain(lane: Lane): Promise<void> {
    lane.busy = true;
    try {
      while (lane.queue.length) await this.commit(lane.queue.splice(0, this.maxBatch));
    } finally {
      lane.busy = false;
    }
  }

  /** One transaction for the batch; each caller is answered once it committed (or failed). */
  private async commit(batch: Queued[]): Promise<void> {
    const outcomes: Outcome[] = [];
    try {
      await (this.orm.em.fork() as SqlEntityManager).transactional(async (em) => {
        // SQLite: take the file's write lock now, so another process's writer waits here, not halfway through.
        if (this.kind === 'sqlite') await em.execute('update write_gate set n = n + 1 where id = 1');
        if (batch.length === 1) {
          outcomes.push({ ok: true, value: await batch[0].work(em) });
          return;
        }
        const sql = new RawSql(em);
        for (const unit of batch) {
          await sql.run('savepoint grif_unit', []);
          try {
            const value = await unit.work(em);
            // What the unit persisted without flushing is written now, inside its savepoint (alone, the
            // transaction's own flush would have written it).
            await em.flush();
            // PostgreSQL: not released, which saves a round trip per unit — the next savepoint nests in this one,
            // a rollback undoes only the latest, and COMMIT ends them all. SQLite checks every open savepoint on
            // each page it changes, so there (in process, no round trip) each is released.
            if (this.kind === 'sqlite') await sql.run('release savepoint grif_unit', []);
            outcomes.push({ ok: true, value });
          } catch (err) {
            // SQLite keeps a failed statement's neighbours, PostgreSQL refuses all until this: either way the
            // unit's own writes go, and the next unit starts from what its predecessors left.
            await sql.run('rollback to savepoint grif_unit', []);
            if (this.kind === 'sqlite') await sql.run('release savepoint grif_unit', []);
            // What the transaction kept for its units may have been read from the unit's own undone writes.
            forget(em);
            outcomes.push({ ok: false, err });
          }
          // What the unit loaded or changed through the ORM is not the next unit's to find in the identity map.
          em.clear();
        }
      });
    } catch (err) {
      // The transaction failed as a whole (its lone unit threw, or the commit did): nobody's writes stand.
      batch.forEach((unit, i) =>
        unit.reject(outcomes[i] && !outcomes[i].ok ? (outcomes[i] as { err: unknown }).err : err),
      );
      return;
    }
    batch.forEach((unit, i) => {
      const o = outcomes[i];
      if (o.ok) unit.resolve(o.value);
      else unit.reject(o.err);
    });
  }
}

/** A stable lane for a partition key (FNV-1a of its text). */
function laneOf(key: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}
