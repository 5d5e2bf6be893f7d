import { MikroORM } from '@mikro-orm/core';
import type { Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { Clock, systemClock, WorkflowEngine, WorkflowRegistry } from '@grif/engine';
import {
  databaseSettings, DatabaseSettings, FixedCalendarSource, MikroDeadlineSource, MikroEngineStore,
  MikroOutboxSource, NotifyParams, deliverNotification, ormOptions, School, WriteTransactions,
} from '@grif/persistence';
import {
  assertRedisReachable, DeadlineAlarm, DeadlineWorkerHooks, OutboxRelay, producerConnection, queueSettings, QueueSettings,
  startDeadlineWorker, startEffectWorker, workerConnection,
} from '@grif/queue';
import { WORKFLOWS } from '@grif/workflows';
import { writeCheckpoint } from '@grif/audit';

export interface RuntimeOptions {
  db?: DatabaseSettings;
  queue?: Partial<QueueSettings>;
  clock?: Clock;
  /** Run the deadline and effect workers and the reconciler in this process. */
  worker?: boolean;
  /** Relay poll period; the relay also runs right after each commit. */
  relayPollMs?: number;
  reconcileMs?: number;
  /** How often the worker appends a checkpoint to each school's ledger of chain heads. */
  checkpointMs?: number;
  hooks?: DeadlineWorkerHooks;
  log?: (msg: string) => void;
}

/**
 * One process's Grif: database, engine, outbox relay, and (for workers) the
 * BullMQ workers and the deadline reconciler. The API, the worker and the tests
 * all start exactly this, so they cannot drift apart.
 */
export class GrifRuntime {
  private readonly connections: Redis[] = [];
  private readonly workers: Worker[] = [];
  private reconcileTimer?: NodeJS.Timeout;
  private checkpointTimer?: NodeJS.Timeout;

  private constructor(
    readonly orm: MikroORM,
    readonly transactions: WriteTransactions,
    readonly engine: WorkflowEngine,
    readonly relay: OutboxRelay,
    readonly alarm: DeadlineAlarm,
    readonly deadlines: MikroDeadlineSource,
    private readonly outbox: MikroOutboxSource,
    readonly queue: QueueSettings,
    readonly db: DatabaseSettings,
    readonly clock: Clock,
  ) {}

  static async start(opts: RuntimeOptions = {}): Promise<GrifRuntime> {
    const queue = { ...queueSettings(), ...opts.queue };
    const log = opts.log ?? (() => undefined);
    await assertRedisReachable(queue.redisUrl);
    const db = opts.db ?? databaseSettings();
    const orm = await MikroORM.init(ormOptions(db));
    const clock = opts.clock ?? systemClock;
    const registry = new WorkflowRegistry(WORKFLOWS);
    try {
      const stored = await orm.em.fork().getConnection().execute<{ machine_id: string; machine_version: number }[]>(
        'select distinct machine_id, machine_version from workflow_instances',
      );
      registry.assertKnown(stored.map((r: { machine_id: string; machine_version: number }) => ({ machineId: r.machine_id, machineVersion: Number(r.machine_version) })));
    } catch (err) {
      await orm.close(true);
      throw err;
    }

    const transactions = new WriteTransactions(orm, db.kind);
    const producer = producerConnection(queue.redisUrl);
    producer.on('error', (e) => log(`redis: ${e.message}`));
    const alarm = new DeadlineAlarm(producer, queue.prefix, clock);
    const outbox = new MikroOutboxSource(transactions);
    const relay = new OutboxRelay(outbox, alarm, producer, queue.prefix, clock, (e) => log(`relay: ${(e as Error).message}`));
    const engine = new WorkflowEngine(registry, new MikroEngineStore(transactions), clock, new FixedCalendarSource(), {
      outboxWritten: () => relay.kick(),
    });
    const rt = new GrifRuntime(orm, transactions, engine, relay, alarm, new MikroDeadlineSource(transactions), outbox, queue, db, clock);
    rt.connections.push(producer);
    relay.start(opts.relayPollMs ?? 1000);
    if (opts.worker) await rt.startWorkers(opts, log);
    return rt;
  }

  private async startWorkers(opts: RuntimeOptions, log: (m: string) => void): Promise<void> {
    const c1 = workerConnection(this.queue.redisUrl);
    const c2 = workerConnection(this.queue.redisUrl);
    this.connections.push(c1, c2);
    this.workers.push(startDeadlineWorker(this.engine, c1, this.queue.prefix, this.queue.lockMs, { log, ...opts.hooks }));
    this.workers.push(
      startEffectWorker(
        {
          notify: async (job) => {
            const { schoolId, instanceId, ...params } = job.data as NotifyParams & { schoolId: string; instanceId: string };
            await deliverNotification(this.transactions, String(job.id).replace(/^outbox-/, ''), schoolId, instanceId, params, this.clock.now());
          },
        },
        c2,
        this.queue.prefix,
        this.queue.lockMs,
      ),
    );
    await this.reconcile();
    this.reconcileTimer = setInterval(() => void this.reconcile().catch((e) => log(`reconcile: ${(e as Error).message}`)), opts.reconcileMs ?? 60_000);
    this.reconcileTimer.unref();
    // A lost race with another worker (same school, same seq) just means that one wrote it.
    this.checkpointTimer = setInterval(() => void this.checkpoint().catch((e) => log(`checkpoint: ${(e as Error).message}`)), opts.checkpointMs ?? 5 * 60_000);
    this.checkpointTimer.unref();
  }

  async pingDatabase(): Promise<boolean> {
    return this.orm.em.fork().getConnection().execute('select 1').then(() => true, () => false);
  }

  async pingRedis(): Promise<boolean> {
    return this.connections[0].ping().then((r) => r === 'PONG', () => false);
  }

  outboxPending(): Promise<number> {
    return this.outbox.countPending();
  }

  /** Appends to every school's ledger of chain heads what moved since its last checkpoint. */
  async checkpoint(): Promise<number> {
    const schools = await this.transactions.reader().find(School, {}, { fields: ['id'] });
    let written = 0;
    for (const s of schools) if (await writeCheckpoint(this.transactions, s.id, this.clock.now())) written++;
    return written;
  }

  /** Re-arms every pending deadline from the table (Redis may have lost them). */
  reconcile(): Promise<number> {
    return this.alarm.reconcile(this.deadlines);
  }

  async close(): Promise<void> {
    if (this.reconcileTimer) clearInterval(this.reconcileTimer);
    if (this.checkpointTimer) clearInterval(this.checkpointTimer);
    await Promise.all(this.workers.map((w) => w.close()));
    await this.relay.stop();
    await this.alarm.close();
    for (const c of this.connections) c.disconnect();
    await this.orm.close(true);
  }
}
