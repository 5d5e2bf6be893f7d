import { Queue } from 'bullmq';
import { DEADLINE_QUEUE, deadlineJobId } from '@grif/queue';
import { assertNothingLostNothingTwice, jobCounts, until } from './support/invariants';
import { Load } from './support/load';
import { checked, did, say } from './support/report';
import { ChaosStack, sized } from './support/stack';

/** The worker's fault injection (apps/worker/src/main.ts): each deadline job stays open this long after its event. */
const HOLD_MS = 4000;

/**
 * SIGTERM of a worker during a job (issue 12): the job finishes, the worker exits 0, and no job is
 * left stalled. One worker only, so that whatever is active right after it exits would be its own.
 */
describe('chaos: SIGTERM of a worker during a job', () => {
  const stack = new ChaosStack();
  const hold = { GRIF_TEST_HOLD_AFTER_FIRE_MS: String(HOLD_MS) };
  beforeAll(() => stack.start({ apis: 1, workers: 1, workerEnv: hold }));
  afterAll(() => stack.close());

  it('the job in hand finishes, nothing is left stalled, nothing lost or applied twice', async () => {
    const load = new Load(stack.api, { loops: sized(2, 3), acts: true, dueInMs: 2000 });
    load.start();
    did(
      `started the load: ${sized(2, 3)} document loops and an act loop; deadline jobs held ${HOLD_MS} ms after firing`,
    );
    const deadlines = new Queue(DEADLINE_QUEUE, { connection: { url: stack.redis!.url }, prefix: stack.prefix });
    try {
      const rounds = sized(1, 2);
      for (let i = 0; i < rounds; i++) {
        const worker = stack.liveWorkers()[0];
        const seen = worker.output().length;
        // A deadline job in hand: its event committed, the job still active (held HOLD_MS before it completes).
        let heldId = '';
        await until(
          'a deadline job held by the worker',
          async () => {
            const held = [
              ...worker
                .output()
                .slice(seen)
                .matchAll(/holding ([0-9a-f-]{36})/g),
            ].map((m) => m[1]);
            for (const id of held.reverse())
              if ((await (await deadlines.getJob(deadlineJobId(id)))?.getState()) === 'active') heldId = id;
            return heldId !== '';
          },
          60_000,
        );
        worker.proc.kill('SIGTERM');
        did(`SIGTERM to worker pid ${worker.proc.pid} (${i + 1}/${rounds}) while it held deadline job ${heldId}`);
        expect(await worker.exited).toEqual({ code: 0, signal: null });
        const out = worker.output();
        expect(out.indexOf('jobs drained')).toBeGreaterThan(out.lastIndexOf(`holding ${heldId}`));
        const job = await deadlines.getJob(deadlineJobId(heldId));
        expect(await job?.getState()).toBe('completed');
        // "fired", or "settled"/"stale" when the document was returned before its alarm rang: either way, done.
        expect(['fired', 'settled', 'stale']).toContain(job?.returnvalue);
        const counts = await jobCounts(stack);
        expect(counts.active).toBe(0);
        checked(
          `the worker exited 0 after "jobs drained"; job ${heldId} completed ("${job?.returnvalue}"); no job left active`,
        );
        await stack.startWorker(hold);
        did('started a new worker');
      }
    } finally {
      await deadlines.close();
    }
    await load.stop();
    did(`stopped the load: ${load.summary()}`);
    await new Promise((r) => setTimeout(r, 2500));
    await assertNothingLostNothingTwice(stack, load, { settleMs: 90_000 });
    say('worker SIGTERM: passed');
  });
});
