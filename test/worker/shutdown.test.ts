import { Deadline } from '@grif/persistence';
import { deadlineJobId } from '@grif/queue';
import { ApiHarness, eventually, startApi } from '../support/api';
import { Child, spawnNode } from '../support/processes';

/**
 * SIGTERM to a worker in the middle of a job: the job finishes (drained, not left for
 * another worker's stalled check), then Redis closes, then the database — in that order,
 * by the one owner of shutdown. Compiled code: `npm run build` first.
 */
describe('SIGTERM drains jobs, then closes Redis, then the database', () => {
  let api: ApiHarness;
  let worker: Child;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.close();
  });

  it('the job held open at SIGTERM completes before the process exits 0', async () => {
    worker = spawnNode('apps/worker/src/main.js', {
      ...api.db.env,
      REDIS_URL: api.rt.queue.redisUrl,
      GRIF_QUEUE_PREFIX: api.rt.queue.prefix,
      GRIF_TEST_HOLD_AFTER_FIRE_MS: '2500',
    });
    await worker.waitFor(/grif-worker: started/, 15_000);
    const id = await api.document('official_use');
    const dueAt = new Date(Date.now() + 500).toISOString();
    const issued = await api.call(
      'clerk',
      'POST',
      `/api/documents/${id}/events`,
      { type: 'ISSUE', holderId: api.ids.teacher, purpose: 'иш', dueAt },
      { 'idempotency-key': `drain-${id}` },
    );
    expect(issued.status).toBe(200);
    const d = await api.rt.transactions
      .reader()
      .findOneOrFail(Deadline, { instanceId: id, eventType: 'DEADLINE_PASSED' });
    await worker.waitFor(new RegExp(`holding ${d.id}`), 10_000);

    worker.proc.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const job = await api.rt.alarm.queue.getJob(deadlineJobId(d.id));
    expect(await job?.getState()).toBe('completed');
    expect(job?.returnvalue).toBe('fired');

    const out = worker.output();
    const at = (text: string) => out.indexOf(text);
    expect(at('jobs drained')).toBeGreaterThan(at(`holding ${d.id}`));
    expect(at('redis closed')).toBeGreaterThan(at('jobs drained'));
    expect(at('database closed')).toBeGreaterThan(at('redis closed'));
    await eventually(
      async () =>
        (await api.call('clerk', 'GET', `/api/documents/${id}`)).body.state === 'overdue' ? true : undefined,
      2000,
    );
  });
});
