import type { EntityManager, MikroORM } from '@mikro-orm/core';
import type { EntityManager as SqlEntityManager } from '@mikro-orm/knex';
import type { StepReads } from '@grif/engine';
import { GroupCommit, type BatchCounts } from './group-commit';
import type { DatabaseKind } from './orm-config';
import { SqliteWriter, type SqliteWriterOptions } from './sqlite-writer';
import { WriterConnections } from './writer-connections';

/**
 * Runs write transactions through group commit (group-commit.ts): what arrives while a transaction commits
 * shares the next one. SQLite has one writer, and across processes the write gate makes each wait for the
 * file lock (busy_timeout) from its first statement; its batches of steps are written on a thread of their own
 * (sqlite-writer.ts). PostgreSQL has several writers, each on its own connection, and the version check and unique
 * keys decide who wins between them and other processes.
 */
export class WriteTransactions {
  private readonly group: GroupCommit;
  private readonly connections?: WriterConnections;
  private readonly thread?: SqliteWriter;

  constructor(
    private readonly orm: MikroORM,
    readonly kind: DatabaseKind,
    writers = DEFAULT_POSTGRESQL_WRITERS,
    /** SQLite: the writer thread's settings. */
    sqlite: SqliteWriterOptions = {},
  ) {
    if (kind === 'postgresql') this.connections = new WriterConnections(orm.config.get('clientUrl')!, writers);
    else this.thread = new SqliteWriter(orm.config.get('dbName')!, sqlite);
    this.group = new GroupCommit(orm, kind, writers, this.connections, this.thread);
  }

  /**
   * `partition`: units of one key (an instance, a school) are written by the same writer, in arrival order.
   * `held`: the unit writes through the batch's buffer (batch-writes.ts), as the engine's store does, and `reads`
   * says what it reads first, for the batch to read ahead.
   */
  run<T>(work: (em: SqlEntityManager) => Promise<T>, partition?: string, held = false, reads?: StepReads): Promise<T> {
    return this.group.run(work, partition, held, reads);
  }

  /** Write transactions queued behind the running ones. */
  queued(): number {
    return this.group.waiting();
  }

  /** What group commit did since the process started. */
  get batches(): Readonly<BatchCounts> {
    return this.group.counts;
  }

  /** Closes the writers' own connections and thread (the ORM's are the ORM's to close). */
  async close(): Promise<void> {
    await this.connections?.close();
    await this.thread?.stop();
  }

  /** A fresh context for reads. */
  reader(): EntityManager {
    return this.orm.em.fork();
  }
}

/** PostgreSQL writers per process: with held writes a batch costs about what one transition did, so two writers with
 * bigger batches did as well as four or more on the 2-core machine (docs/performance.md). */
export const DEFAULT_POSTGRESQL_WRITERS = 2;
