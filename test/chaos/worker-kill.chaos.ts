import { assertNothingLostNothingTwice, until } from './support/invariants';
import { Load } from './support/load';
import { did, say } from './support/report';
import { ChaosStack, sized } from './support/stack';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * kill -9 of a worker under a steady load of transitions, deadlines, notifications and act renders
 * (issue 12): another worker takes the killed one's jobs over once their 4 s locks expire, and
 * nothing is lost or applied twice.
 */
describe('chaos: kill -9 of a worker under load', () => {
  const stack = new ChaosStack();
  beforeAll(() => stack.start({ apis: 1, workers: 2 }));
  afterAll(() => stack.close());

  it('nothing lost, nothing applied twice', async () => {
    const load = new Load(stack.api, { loops: sized(2, 4), acts: true, dueInMs: 3000 });
    load.start();
    did(`started the load: ${sized(2, 4)} document loops and an act loop, each ISSUE due 3 s ahead`);
    const kills = sized(2, 3);
    const starting: Promise<unknown>[] = [];
    for (let i = 0; i < kills; i++) {
      await pause(sized(4000, 8000));
      // A worker that has started (the replacements may still be booting: then the jobs wait for them).
      const started = () => stack.liveWorkers().filter((w) => /grif-worker: started/.test(w.output()));
      await until('a started worker to kill', async () => started().length > 0, 120_000);
      const victim = started()[0];
      victim.proc.kill('SIGKILL');
      const exit = await victim.exited;
      expect(exit.signal).toBe('SIGKILL');
      did(
        `kill -9 worker pid ${victim.proc.pid} (${i + 1}/${kills}) after ${load.transitions} writes; starting a new one`,
      );
      starting.push(stack.startWorker());
    }
    await Promise.all(starting);
    await pause(sized(3000, 8000));
    await load.stop();
    did(`stopped the load: ${load.summary()}`);
    await pause(3500); // the last ISSUEs' due times pass
    await assertNothingLostNothingTwice(stack, load, { settleMs: 60_000 });
    say('worker kill -9: passed');
  });
});
