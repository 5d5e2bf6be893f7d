import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, Provider } from '@nestjs/common';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import { MikroORM } from '@mikro-orm/core';
import type { Queue } from 'bullmq';
import { CALENDAR_SOURCE, CLOCK, Clock, systemClock, WorkflowEngine, WorkflowRegistry } from '@grif/engine';
import {
  StoredCalendarSource,
  MikroDeadlineSource,
  MikroEngineStore,
  MikroOutboxSource,
  ormOptions,
  REPOSITORIES,
  SqliteCheckpointer,
  storedMachineVersions,
  WriteTransactions,
} from '@grif/persistence';
import { DeadlineAlarm, OutboxRelay, QUEUE_NAMES, QueueName, DEADLINE_QUEUE } from '@grif/queue';
import { WORKFLOWS } from '@grif/workflows';
import { AuditTrail } from '@grif/audit';
import { GRIF_CONFIG, GrifConfig, grifConfigSchema } from './config';
import { ShutdownSequence } from './shutdown';
import { OutageLog } from './outage-log';
import { HealthProbe } from './health-probe';
import { QUEUES, queueProvider } from './queues';

export interface CoreModuleOptions {
  useFactory: (...args: any[]) => GrifConfig | Promise<GrifConfig>;
  inject?: any[];
}

/** The validated configuration, on its own so BullMQ's async root can read it. */
@Global()
@Module({})
class GrifConfigModule {}

/** Opens the database; refuses to go on when it holds machine versions this build cannot run. */
async function openDatabase(
  config: GrifConfig,
  registry: WorkflowRegistry,
  shutdown: ShutdownSequence,
  outage: OutageLog,
): Promise<MikroORM> {
  const sqlite = config.db.kind === 'sqlite';
  const orm = await MikroORM.init(
    ormOptions(config.db, {
      warn: (message) => outage.failed('database', new Error(message)),
      checkpointsElsewhere: sqlite,
    }),
  );
  try {
    const stored = await storedMachineVersions(orm).catch((err: unknown) => {
      if (!/no such table|does not exist/.test((err as Error).message)) throw err;
      throw new Error(
        `grif: the ${config.db.kind} database has no Grif tables yet: run \`npm run db:migrate\` first (npm start does). (${(err as Error).message.split('\n')[0]})`,
      );
    });
    registry.assertKnown(stored);
  } catch (err) {
    await orm.close(true);
    throw err;
  }
  shutdown.register('database', 'orm', () => orm.close(true));
  if (sqlite) {
    const checkpointer = new SqliteCheckpointer(config.db.target, {
      onError: (err) =>
        new Logger('database').warn(
          `SQLite checkpoints stopped (the writers checkpoint themselves now): ${err.message}`,
        ),
    });
    // Registered after the ORM, so it stops first (the last opened closes first).
    shutdown.register('database', 'sqlite checkpoints', () => checkpointer.stop());
  }
  return orm;
}

const factory = <T>(provide: any, useFactory: (...args: any[]) => T, inject: any[]): Provider => ({
  provide,
  useFactory,
  inject,
});

/**
 * The core of every Grif process (API, worker, tests): configuration, the database,
 * the workflow registry and engine, the BullMQ queues, the outbox relay, and the
 * one owner of shutdown. The libraries stay free of Nest; this module wires them.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationBootstrap {
  private readonly log = new Logger('core');

  constructor(
    @Inject(GRIF_CONFIG) private readonly config: GrifConfig,
    private readonly relay: OutboxRelay,
    private readonly shutdown: ShutdownSequence,
  ) {}

  static forRootAsync(options: CoreModuleOptions): DynamicModule {
    const configModule: DynamicModule = {
      module: GrifConfigModule,
      providers: [
        {
          provide: GRIF_CONFIG,
          useFactory: async (...args: unknown[]) => {
            const config = await options.useFactory(...args);
            const checked = grifConfigSchema.safeParse(config);
            if (!checked.success)
              throw new Error(
                `grif: invalid configuration: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
              );
            return config;
          },
          inject: options.inject ?? [],
        },
      ],
      exports: [GRIF_CONFIG],
    };
    const providers: Provider[] = [
      ShutdownSequence,
      { provide: WorkflowRegistry, useValue: new WorkflowRegistry(WORKFLOWS) },
      factory(MikroORM, openDatabase, [GRIF_CONFIG, WorkflowRegistry, ShutdownSequence, OutageLog]),
      { provide: CLOCK, useValue: systemClock },
      OutageLog,
      HealthProbe,
      factory(
        WriteTransactions,
        (orm: MikroORM, config: GrifConfig, shutdown: ShutdownSequence) => {
          const tx = new WriteTransactions(orm, config.db.kind, config.db.writers, {
            busyTimeoutMs: config.db.busyTimeoutMs,
            // openDatabase starts a SqliteCheckpointer for every SQLite database.
            checkpointsElsewhere: true,
          });
          // Registered after the ORM, so its writers' connections close first.
          shutdown.register('database', 'writers', () => tx.close());
          return tx;
        },
        [MikroORM, GRIF_CONFIG, ShutdownSequence],
      ),
      // Every query lives in a repository of libs/persistence; plain classes, built here.
      ...[...REPOSITORIES, AuditTrail].map((R) =>
        factory(R, (tx: WriteTransactions) => new R(tx), [WriteTransactions]),
      ),
      factory(MikroOutboxSource, (tx: WriteTransactions) => new MikroOutboxSource(tx), [WriteTransactions]),
      factory(MikroDeadlineSource, (tx: WriteTransactions) => new MikroDeadlineSource(tx), [WriteTransactions]),
      queueProvider(),
      factory(DeadlineAlarm, (queue: Queue, clock: Clock) => new DeadlineAlarm(queue, clock), [
        getQueueToken(DEADLINE_QUEUE),
        CLOCK,
      ]),
      factory(
        OutboxRelay,
        (
          source: MikroOutboxSource,
          alarm: DeadlineAlarm,
          queues: Record<QueueName, Queue>,
          clock: Clock,
          outage: OutageLog,
        ) =>
          new OutboxRelay(
            source,
            alarm,
            queues,
            clock,
            (err) => outage.failedSomewhere(err),
            () => outage.bothAnswered(),
          ),
        [MikroOutboxSource, DeadlineAlarm, QUEUES, CLOCK, OutageLog],
      ),
      // Each school's own calendar and ladder; school No. 35's until a director edits them.
      factory(CALENDAR_SOURCE, (tx: WriteTransactions) => new StoredCalendarSource(tx), [WriteTransactions]),
      factory(
        WorkflowEngine,
        (registry: WorkflowRegistry, tx: WriteTransactions, clock: Clock, relay: OutboxRelay) =>
          new WorkflowEngine(registry, new MikroEngineStore(tx), clock, {
            outboxWritten: () => relay.kick(),
          }),
        [WorkflowRegistry, WriteTransactions, CLOCK, OutboxRelay],
      ),
    ];
    return {
      module: CoreModule,
      imports: [
        configModule,
        BullModule.forRootAsync({
          imports: [configModule],
          inject: [GRIF_CONFIG],
          useFactory: (config: GrifConfig) => ({
            connection: { url: config.queue.redisUrl },
            prefix: config.queue.prefix,
          }),
        }),
        // Each queue waits for the database (opened and checked), so a refusal to boot leaves no Redis connection behind.
        BullModule.registerQueueAsync(
          ...QUEUE_NAMES.map((name) => ({ name, inject: [MikroORM], useFactory: () => ({}) })),
        ),
      ],
      providers,
      exports: [configModule, BullModule, ...providers.map((p) => (typeof p === 'function' ? p : p.provide))],
    };
  }

  onApplicationBootstrap(): void {
    this.relay.start(this.config.relayPollMs);
    this.shutdown.register('jobs', 'outbox relay', () => this.relay.stop());
    this.log.log(
      `${this.config.db.kind} database; queues on ${this.config.queue.redisUrl.replace(/\/\/[^@]*@/, '//')} (prefix "${this.config.queue.prefix}")`,
    );
  }
}
