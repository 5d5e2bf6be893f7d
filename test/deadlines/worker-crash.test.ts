import { Deadline } from '@grif/persistence';
import { deadlineJobId } from '@grif/queue';
import { ApiHarness, eventually, startApi } from '../support/api';
import { Child, spawnNode } from '../support/processes';

/**
 * The API and engine run in this process without workers; deadline jobs run only in
 * the worker processes spawned here (compiled code: `npm run build` first). On SQLite
 * the children share the database file with this process (WAL + busy_timeout).
 */
describe('deadlines: kill -9 of a worker in the middle of a deadline job', () => {
  let api: ApiHarness;
  const workers: Child[] = [];
  const startWorker = async (env: Record<string, string>) => {
    const w = spawnNode('apps/worker/src/main.js', {
      ...api.db.env,
      REDIS_URL: api.rt.queue.redisUrl,
      GRIF_QUEUE_PREFIX: api.rt.queue.prefix,
      // The default lock (4 s, renewed every 2 s; another worker's stalled check every 2 s) is what is exercised.
      GRIF_JOB_LOCK_MS: undefined,
      GRIF_TEST_HOLD_AFTER_FIRE_MS: '0',
      ...env,
    });
    workers.push(w);
    await w.waitFor(/grif-worker: started/, 15_000);
    return w;
  };
  const history = async (id: string) =>
    (await api.call('auditor', 'GET', `/api/documents/${id}/history`)).body as { type: string; actor: string }[];

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    for (const w of workers) await w.stop();
    await api?.close();
  });

  it('a second worker takes the job over after the lock expires; the event is not sent twice and the deadline is fired', async () => {
    const a = await startWorker({ GRIF_TEST_HOLD_AFTER_FIRE_MS: '60000' });
    const id = await api.document('official_use');
    const dueAt = new Date(Date.now() + 1500).toISOString();
    const issued = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'отчёт', dueAt },
      { 'idempotency-key': `crash-${id}` },
    );
    expect(issued.status).toBe(200);
    const d = await api.rt.transactions
      .reader()
      .findOneOrFail(Deadline, { instanceId: id, eventType: 'DEADLINE_PASSED' });
    const queue = api.rt.alarm.queue;
    const jobState = async () => (await queue.getJob(deadlineJobId(d.id)))?.getState();

    // Worker A committed DEADLINE_PASSED and now holds the job open (it is still active).
    await eventually(
      async () => ((await history(id)).some((e) => e.type === 'DEADLINE_PASSED') ? true : undefined),
      10_000,
    );
    await a.waitFor(new RegExp(`holding ${d.id}`), 5000);
    expect(await jobState()).toBe('active');

    expect(a.proc.kill('SIGKILL')).toBe(true);
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // Still active in Redis: nobody has noticed the crash yet.
    expect(await jobState()).toBe('active');

    const b = await startWorker({});
    // B's stalled-job check finds A's lock expired, moves the job back and runs it: the table says it is settled.
    await eventually(async () => ((await jobState()) === 'completed' ? true : undefined), 15_000);
    const job = await queue.getJob(deadlineJobId(d.id));
    expect(job!.returnvalue).toBe('settled');
    expect(b.output()).toContain(`deadline ${d.id}: settled`);

    const h = await history(id);
    expect(h.filter((e) => e.type === 'DEADLINE_PASSED')).toEqual([expect.objectContaining({ actor: 'system' })]);
    expect((await api.call('clerk', 'GET', `/api/documents/${id}`)).body.state).toBe('overdue');
    expect((await api.rt.transactions.reader().findOneOrFail(Deadline, { id: d.id })).status).toBe('fired');
  });
});
