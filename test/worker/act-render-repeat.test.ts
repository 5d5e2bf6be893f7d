import { OutboxMessage, WorkflowEvent } from '@grif/persistence';
import { outboxJobId, RENDER_ACT_JOB } from '@grif/queue';
import { ApiHarness, eventually, startApi } from '../support/api';
import { actEvent, expiredDocuments, rendered } from '../support/acts';

/**
 * A render job that runs again after it succeeded (Redis lost it before the outbox row's settlement was
 * seen, as the chaos suite's FLUSHALL does; or its worker died after the commit) ends quietly: no second
 * RENDERED, and no failed job for a person to look at — the PDF's creation time differs, so its hash does.
 */
describe('act rendering: a repeated render job', () => {
  let api: ApiHarness;
  beforeAll(async () => {
    api = await startApi({ worker: true });
  });
  afterAll(() => api?.close());

  it('completes as settled, and the act keeps its one RENDERED', async () => {
    const { originals } = await expiredDocuments(api, 1);
    const act = await api.call('clerk', 'POST', '/api/acts', { kind: 'destruction', documentIds: originals });
    expect((await actEvent(api, 'clerk', act.body.id, { type: 'SUBMIT' })).status).toBe(200);
    await rendered(api, act.body.id);
    const row = await api.rt.transactions
      .reader()
      .findOneOrFail(OutboxMessage, { instanceId: act.body.id, kind: 'renderAct' });
    expect(row.deliveredAt).not.toBeNull();
    const queue = api.rt.queues.acts;
    const first = await queue.getJob(outboxJobId(row.id));
    expect(await first!.getState()).toBe('completed');
    const data = first!.data;
    await first!.remove();

    const again = await queue.add(RENDER_ACT_JOB, data, { jobId: outboxJobId(row.id) });
    const end = await eventually(async () => {
      const state = await again.getState();
      return state === 'completed' || state === 'failed' ? state : undefined;
    }, 20_000);
    expect(end).toBe('completed');
    expect((await queue.getJob(outboxJobId(row.id)))!.returnvalue).toEqual({ outcome: 'settled' });
    const reader = api.rt.transactions.reader();
    expect(await reader.count(WorkflowEvent, { instanceId: act.body.id, type: 'RENDERED' })).toBe(1);
  });
});
