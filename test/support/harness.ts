import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AuditTrail } from '@grif/audit';
import type { Queue } from 'bullmq';
import { CoreModule, GrifConfig, HealthProbe, MailSettings, QUEUES } from '@grif/core';
import { Actor, Role } from '@grif/domain';
import { CLOCK, Clock, WorkflowEngine } from '@grif/engine';
import {
  DatabaseSettings,
  PeopleRepository,
  SchoolsRepository,
  SessionsRepository,
  WriteTransactions,
} from '@grif/persistence';
import { DeadlineAlarm, OutboxRelay, QueueName, QueueSettings } from '@grif/queue';
import { JobsModule, JobsOptions, Reconciler } from '@grif/worker';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureHttp } from '../../apps/api/src/bootstrap';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { DEMO_PEOPLE, DEMO_SCHOOL } from '../../apps/api/src/identity/demo-school';
import { createTestDatabase, TestDatabase, testQueuePrefix } from './test-database';

export interface GrifOptions {
  /** An existing database (a second process on it); a fresh one by default. */
  db?: DatabaseSettings;
  queue?: Partial<QueueSettings>;
  /** Run every job processor and the reconciler in this process too. */
  worker?: boolean;
  jobs?: JobsOptions;
  relayPollMs?: number;
  reconcileMs?: number;
  checkpointMs?: number;
  /** The end-of-day list's check period; none unless a test asks (it would add notifications to every inbox). */
  digestMs?: number;
  /** An SMTP server for the notification e-mails; none by default. */
  mail?: MailSettings;
  clock?: Clock;
  /** SQLite: how long a write waits for another connection's lock (the outage tests shorten it). */
  busyTimeoutMs?: number;
  /** Settings of the config beside those above (the session idle time, trust proxy…). */
  config?: Partial<Pick<GrifConfig, 'sessionIdleMinutes' | 'trustProxy' | 'auditKeySecret'>>;
}

/** What the tests reach into, taken from the started Nest modules. */
export interface TestRuntime {
  app: INestApplicationContext;
  engine: WorkflowEngine;
  transactions: WriteTransactions;
  alarm: DeadlineAlarm;
  relay: OutboxRelay;
  queues: Record<QueueName, Queue>;
  queue: QueueSettings;
  db: DatabaseSettings;
  clock: Clock;
  /** One reconciler pass (workers only); returns how many deadlines it re-armed. */
  reconcile(): Promise<number>;
  checkpoint(): Promise<number>;
  outboxPending(): Promise<number>;
  close(): Promise<void>;
}

export function testConfig(db: DatabaseSettings, opts: GrifOptions = {}): GrifConfig {
  return {
    db: opts.busyTimeoutMs ? { ...db, busyTimeoutMs: opts.busyTimeoutMs } : db,
    queue: {
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      prefix: testQueuePrefix(),
      ...opts.queue,
    },
    relayPollMs: opts.relayPollMs ?? 1000,
    reconcileMs: opts.reconcileMs ?? 60_000,
    checkpointMs: opts.checkpointMs ?? 300_000,
    digestMs: opts.digestMs ?? 0,
    mail: opts.mail,
    port: 0,
    demo: false,
    dataDir: '/nonexistent',
    // Suites move their clock by hours to reach deadlines, between uses of the sessions signed in at start:
    // the idle timeout (30 minutes in production) would end those. The session suites set 30 themselves.
    sessionIdleMinutes: 12 * 60,
    ...opts.config,
  };
}

/** The same modules main starts, through @nestjs/testing: the API (HTTP app, not listening yet) or the core (+ workers). */
export async function startGrif(
  kind: 'api',
  db: DatabaseSettings,
  opts?: GrifOptions,
): Promise<{ rt: TestRuntime; app: INestApplication }>;
export async function startGrif(
  kind: 'core',
  db: DatabaseSettings,
  opts?: GrifOptions,
): Promise<{ rt: TestRuntime; app: INestApplicationContext }>;
export async function startGrif(kind: 'api' | 'core', db: DatabaseSettings, opts: GrifOptions = {}) {
  const config = testConfig(db, opts);
  const root =
    kind === 'api'
      ? ApiModule.forRoot({ useFactory: () => config }, { worker: opts.worker, jobs: opts.jobs })
      : {
          module: class TestCoreModule {},
          imports: [
            CoreModule.forRootAsync({ useFactory: () => config }),
            ...(opts.worker ? [JobsModule.register(opts.jobs)] : []),
          ],
        };
  let builder = Test.createTestingModule({ imports: [root] });
  if (opts.clock) builder = builder.overrideProvider(CLOCK).useValue(opts.clock);
  const moduleRef = await builder.compile();
  const app = kind === 'api' ? configureHttp(moduleRef.createNestApplication({ logger: false })) : moduleRef;
  await app.init();
  const reconciler = opts.worker ? app.get(Reconciler) : undefined;
  const rt: TestRuntime = {
    app,
    engine: app.get(WorkflowEngine),
    transactions: app.get(WriteTransactions),
    alarm: app.get(DeadlineAlarm),
    relay: app.get(OutboxRelay),
    queues: app.get(QUEUES),
    queue: config.queue,
    db,
    clock: app.get(CLOCK),
    reconcile: async () => {
      if (!reconciler) throw new Error('reconcile() needs a runtime started with worker: true');
      return (await reconciler.reconcile()).deadlines;
    },
    checkpoint: () => app.get(AuditTrail).sealAll(rt.clock.now()),
    outboxPending: () => app.get(HealthProbe).outboxPending(),
    close: () => app.close(),
  };
  return { rt, app };
}

export interface Harness {
  db: TestDatabase;
  rt: TestRuntime;
  identity: IdentityService;
  schoolId: string;
  ids: Record<string, string>;
  actor(username: string): Actor;
  close(): Promise<void>;
}

const ROLES_OF: Record<string, Role[]> = Object.fromEntries(
  DEMO_PEOPLE.map((p) => [p.username, p.roles.map((r) => r.role)]),
);

/** Seeds the demo school's people into a started runtime; returns the harness around it. */
export async function withDemoSchool(db: TestDatabase, rt: TestRuntime, identity: IdentityService): Promise<Harness> {
  const { schoolId, users } = await identity.createSchool(DEMO_SCHOOL, DEMO_PEOPLE);
  return {
    db,
    rt,
    identity,
    schoolId,
    ids: users,
    actor: (u) => ({ userId: users[u], schoolId, roles: ROLES_OF[u], kind: 'user' }),
    close: async () => {
      await rt.close();
      await db.drop();
    },
  };
}

/** A migrated database with the demo school, and the core (no HTTP) on a queue prefix of its own. */
/** `writers`: PostgreSQL's group-commit writers (one puts every send in the same batches, as SQLite has). */
export async function startHarness(opts: GrifOptions = {}, writers?: number): Promise<Harness> {
  const db = await createTestDatabase();
  const { rt } = await startGrif('core', { ...db.settings, ...(writers ? { writers } : {}) }, opts);
  return withDemoSchool(
    db,
    rt,
    new IdentityService(
      rt.app.get(PeopleRepository),
      rt.app.get(SessionsRepository),
      rt.app.get(SchoolsRepository),
      rt.clock,
    ),
  );
}

export const REGISTRATION = {
  direction: 'incoming',
  kind: 'letter',
  title: 'Билим берүү министрлигинин каты',
  correspondent: 'КР Билим берүү жана илим министрлиги',
  documentDate: '2026-11-20',
  pages: 3,
} as const;
