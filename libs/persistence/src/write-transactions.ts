import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { DatabaseKind } from './orm-config';

/**
 * Runs write transactions. PostgreSQL: concurrently, each on its own connection;
 * the version check and unique keys decide who wins. SQLite has one writer: within
 * this process transactions queue; across processes the write gate makes each wait
 * for the file lock (busy_timeout) from its first statement.
 */
export class WriteTransactions {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly orm: MikroORM,
    readonly kind: DatabaseKind,
  ) {}

  run<T>(work: (em: SqlEntityManager) => Promise<T>): Promise<T> {
    const exec = () =>
      (this.orm.em.fork() as SqlEntityManager).transactional(async (em) => {
        if (this.kind === 'sqlite') await em.execute('update write_gate set n = n + 1 where id = 1');
        return work(em as SqlEntityManager);
      });
    if (this.kind !== 'sqlite') return exec();
    const result = this.tail.then(exec, exec);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** A fresh context for reads. */
  reader(): EntityManager {
    return this.orm.em.fork();
  }
}
