import IORedis from 'ioredis';
import { Deadline, OutboxMessage } from '@grif/persistence';
import { deadlineJobId } from '@grif/queue';
import { Reconciler } from '@grif/worker';
import { startGrif, TestRuntime } from '../support/harness';
import { ApiHarness, eventually, startApi } from '../support/api';
import { Child, freePort, startPrivateRedis } from '../support/processes';
import { testQueuePrefix } from '../support/test-database';

/**
 * FLUSHALL wipes every key of the Redis it is sent to, so this suite brings its own
 * throw-away redis-server on a free port: other suites (jest runs files in parallel
 * locally; CI runs suites one at a time with --runInBand) and other people's runs on
 * the shared 127.0.0.1:6379 never see the flush.
 */
let redis: Child;
let redisUrl: string;
/** The API and engine of this process: no workers, and a relay that runs only after each commit (no poll). */
let api: ApiHarness;
let k = 0;
const send = (user: string, id: string, body: object) =>
  api.call(user, 'POST', `/api/documents/${id}/events`, body, { 'idempotency-key': `redis-loss-${++k}-${id}` });
const issue = async (id: string, inMs: number) => {
  const dueAt = new Date(Date.now() + inMs).toISOString();
  const r = await send('clerk', id, { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'текшерүү', dueAt });
  expect(r).toEqual({ status: 200, body: { state: 'issued', version: 4 } });
  return dueAt;
};
const state = async (id: string) => (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.state as string;
const deadlinePassed = async (id: string) =>
  ((await api.call('auditor', 'GET', `/api/documents/${id}/history`)).body as { type: string }[]).filter(
    (e) => e.type === 'DEADLINE_PASSED',
  );
const deadlineOf = (id: string) =>
  api.rt.transactions.reader().findOneOrFail(Deadline, { instanceId: id, eventType: 'DEADLINE_PASSED' });
/** Another process's runtime (workers, reconciler, relay) on the same database and queue prefix. */
const workerRuntime = async () =>
  (await startGrif('core', api.db.settings, { queue: { redisUrl, prefix: api.rt.queue.prefix }, worker: true })).rt;

beforeAll(async () => {
  const port = await freePort();
  redis = await startPrivateRedis(port);
  redisUrl = `redis://127.0.0.1:${port}`;
  api = await startApi({ queue: { redisUrl, prefix: testQueuePrefix() }, relayPollMs: 3_600_000 });
});
afterAll(async () => {
  await api?.close();
  await redis?.stop();
});

describe('deadlines: losing Redis loses no deadline (the table is the truth)', () => {
  let worker: TestRuntime;
  beforeAll(async () => {
    worker = await workerRuntime();
  });
  afterAll(() => worker?.close());

  it('a pending deadline survives FLUSHALL: the reconciler re-arms it from the table and the document goes overdue', async () => {
    const id = await api.document('official_use');
    const dueAt = await issue(id, 3000);
    const d = await deadlineOf(id);
    expect(d).toMatchObject({ status: 'pending', dueAt });
    const queue = api.rt.alarm.queue;
    await eventually(
      async () => ((await (await queue.getJob(deadlineJobId(d.id)))?.getState()) === 'delayed' ? true : undefined),
      3000,
      20,
    );

    const admin = new IORedis(redisUrl);
    try {
      expect(await admin.flushall()).toBe('OK');
    } finally {
      admin.disconnect();
    }
    expect(await queue.getJob(deadlineJobId(d.id))).toBeUndefined();
    expect(await state(id)).toBe('issued');

    // What the worker's reconciler does at start-up and every GRIF_RECONCILE_MS.
    expect(await worker.reconcile()).toBe(1);
    expect(await (await queue.getJob(deadlineJobId(d.id)))?.getState()).toBe('delayed');
    await eventually(async () => ((await state(id)) === 'overdue' ? true : undefined), 10_000);
    expect(await deadlinePassed(id)).toHaveLength(1);
    expect((await deadlineOf(id)).status).toBe('fired');
    // Nothing is left to re-arm.
    expect(await worker.reconcile()).toBe(0);
  });
});

describe('notifications: losing Redis loses no notification (an effect is done only when delivered)', () => {
  let worker: TestRuntime | undefined;
  afterAll(() => worker?.close());
  const lossesTo = async (user: string, ids: string[]) => {
    const items = (await api.call(user, 'GET', '/api/notifications')).body.items as {
      template: string;
      instanceId: string;
    }[];
    return items.filter((n) => n.template === 'document.lost' && ids.includes(n.instanceId));
  };

  it('ten losses queued while no worker runs, then FLUSHALL: the started worker delivers each notification exactly once', async () => {
    // No worker runs now; this process's relay hands each notify row to Redis right after its commit.
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = await api.issuedDocument();
      expect((await send('teacher', id, { type: 'REPORT_LOSS', circumstances: `жоголду ${i}` })).status).toBe(200);
      ids.push(id);
    }
    const notifyRows = () =>
      api.rt.transactions.reader().find(OutboxMessage, { instanceId: { $in: ids }, kind: 'notify' });
    await eventually(async () => ((await notifyRows()).every((r) => r.dispatchedAt) ? true : undefined), 5000);
    expect((await notifyRows()).map((r) => r.deliveredAt)).toEqual(Array(10).fill(null));
    expect(await api.rt.queues.notifications.getJobCountByTypes('waiting', 'prioritized')).toBe(10);

    const admin = new IORedis(redisUrl);
    try {
      expect(await admin.flushall()).toBe('OK');
    } finally {
      admin.disconnect();
    }
    expect(await api.rt.queues.notifications.getJobCountByTypes('waiting', 'prioritized')).toBe(0);

    // The worker's reconciler hands the undelivered rows over again at start-up.
    worker = await workerRuntime();
    await eventually(async () => ((await lossesTo('security', ids)).length === 10 ? true : undefined), 10_000);
    await eventually(async () => ((await notifyRows()).every((r) => r.deliveredAt) ? true : undefined), 5000);
    expect((await lossesTo('clerk', ids)).length).toBe(10);
    // Exactly once: another pass finds nothing undelivered, and nobody got a second copy.
    expect(await worker.app.get(Reconciler).reconcile()).toMatchObject({ effects: 0 });
    for (const user of ['security', 'clerk'])
      expect(new Set((await lossesTo(user, ids)).map((n) => n.instanceId)).size).toBe(10);
    expect((await lossesTo('security', ids)).length).toBe(10);
  });
});

// Runs last: it takes this process's relay down for good.
describe('deadlines: a crash between commit and enqueue only delays the alarm (outbox)', () => {
  let second: TestRuntime | undefined;
  afterAll(() => second?.close());

  it('the ISSUE commits its outbox row but no job; a second runtime on the same database and prefix delivers it, and the document goes overdue', async () => {
    // The "crash": this process's relay is gone, so nothing moves the committed outbox row.
    await api.rt.relay.stop();

    const id = await api.document('official_use');
    await issue(id, 1500);
    const d = await deadlineOf(id);
    expect(d.status).toBe('pending');
    const queue = api.rt.alarm.queue;
    expect(await queue.getJob(deadlineJobId(d.id))).toBeUndefined();
    const arm = () =>
      api.rt.transactions.reader().findOneOrFail(OutboxMessage, { instanceId: id, kind: 'deadline.arm' });
    expect((await arm()).dispatchedAt).toBeNull();
    expect(JSON.parse((await arm()).payload)).toEqual({ deadlineId: d.id, dueAt: d.dueAt });

    second = await workerRuntime();
    await eventually(async () => ((await state(id)) === 'overdue' ? true : undefined), 10_000);
    expect((await arm()).dispatchedAt).not.toBeNull();
    expect(await deadlinePassed(id)).toHaveLength(1);
    expect((await deadlineOf(id)).status).toBe('fired');
    expect(await (await queue.getJob(deadlineJobId(d.id)))?.getState()).toBe('completed');
  });
});
