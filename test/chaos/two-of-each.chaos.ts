import { REGISTRATION } from '../support/harness';
import { assertNothingLostNothingTwice } from './support/invariants';
import { Load } from './support/load';
import { checked, did, say } from './support/report';
import { ChaosStack, sized } from './support/stack';

/**
 * Two API processes and two workers against one database and one Redis (issue 12), under the steady
 * load: the 64-way race (one send applied, 63 refused 409, no gap in the history) and the idempotency
 * test (one key through both processes at once: one event, identical answers) still hold.
 */
describe('chaos: two API processes and two workers', () => {
  const stack = new ChaosStack();
  beforeAll(() => stack.start({ apis: 2, workers: 2 }));
  afterAll(() => stack.close());

  const history = async (id: string) =>
    (await stack.api.call('auditor', 'GET', `/api/documents/${id}/history`)).body as { seq: number; type: string }[];
  const classified = async () => {
    const r = await stack.api.call('clerk', 'POST', '/api/documents', REGISTRATION, {
      'idempotency-key': `reg-${Math.random()}`,
    });
    const c = await stack.api.call(
      'clerk',
      'POST',
      `/api/documents/${r.body.id}/events`,
      { type: 'CLASSIFY', classification: 'open' },
      { 'idempotency-key': `cl-${r.body.id}` },
    );
    expect(c.status).toBe(200);
    return r.body.id as string;
  };
  /** One attempt at API process `i % 2`, no retry: the race is judged by the first answers. */
  const post = (i: number, id: string, body: object, headers: Record<string, string>) =>
    stack.api.once(stack.bases[i % 2], 'clerk', 'POST', `/api/documents/${id}/events`, body, headers);

  it('the 64-way race and the idempotency test hold across processes, under load; nothing lost or twice', async () => {
    const load = new Load(stack.api, { loops: sized(2, 3), acts: true, dueInMs: 3000 });
    load.start();
    did(`started the load across both APIs: ${sized(2, 3)} document loops and an act loop`);
    const rounds = sized(2, 4);
    for (let round = 0; round < rounds; round++) {
      const id = await classified();
      const racers = await Promise.all(
        Array.from({ length: 64 }, (_, i) =>
          post(
            i,
            id,
            { type: 'STORE', location: `шкаф ${i}` },
            { 'idempotency-key': `race-${id}-${i}`, 'if-match': '2' },
          ),
        ),
      );
      expect(racers.filter((r) => r.status === 200)).toHaveLength(1);
      expect(racers.filter((r) => r.status === 409)).toHaveLength(63);
      expect((await history(id)).map((e) => e.seq)).toEqual([1, 2, 3]);

      const same = await classified();
      await stack.api.call(
        'clerk',
        'POST',
        `/api/documents/${same}/events`,
        { type: 'STORE', location: 'шкаф' },
        { 'idempotency-key': `st-${same}` },
      );
      const body = { type: 'ISSUE', holderId: stack.api.ids.teacher, purpose: 'x' };
      const twins = await Promise.all(
        Array.from({ length: 20 }, (_, i) => post(i, same, body, { 'idempotency-key': `same-${same}` })),
      );
      // A twin that arrives while the first is still committing is told so (409 IDEMPOTENCY_IN_PROGRESS);
      // every other one gets the stored answer.
      const answers = new Set(
        twins.filter((t) => t.body?.code !== 'IDEMPOTENCY_IN_PROGRESS').map((t) => JSON.stringify(t)),
      );
      expect(answers).toEqual(new Set([JSON.stringify({ status: 200, body: { state: 'issued', version: 4 } })]));
      expect((await history(same)).filter((e) => e.type === 'ISSUE')).toHaveLength(1);
      checked(
        `round ${round + 1}/${rounds}: 64 racing STOREs over both APIs → 1×200, 63×409, history 1..3; 20 twins of one ISSUE → one event, one answer (${twins.filter((t) => t.status === 409).length} told "in progress")`,
      );
    }
    await load.stop();
    did(`stopped the load: ${load.summary()}`);
    await new Promise((r) => setTimeout(r, 3500));
    await assertNothingLostNothingTwice(stack, load, { settleMs: 60_000 });
    say('two APIs and two workers: passed');
  });
});
