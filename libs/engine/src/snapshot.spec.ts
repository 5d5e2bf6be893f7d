import { assign, setup, type AnyMachineSnapshot } from 'xstate';
import { WORKFLOWS, type WorkflowDefinition } from '@grif/workflows';
import { initialTransitionOf, transitionOf } from './pure-transition';
import { oneChainOfStates, persistSnapshot, restoreSnapshot } from './snapshot';

/** Nested and final states, a guard and context, as Grif's machines have; no parallel or history state. */
const chain = setup({
  types: {} as { context: { n: number }; events: { type: 'OPEN' } | { type: 'ADD'; by: number } | { type: 'CLOSE' } },
  guards: { small: ({ event }) => event.type === 'ADD' && event.by < 5 },
}).createMachine({
  id: 'chain',
  context: { n: 0 },
  initial: 'draft',
  states: {
    draft: { on: { OPEN: 'open.idle' } },
    open: {
      initial: 'idle',
      states: {
        idle: {
          on: { ADD: { guard: 'small', target: 'busy', actions: assign({ n: ({ context }) => context.n + 1 }) } },
        },
        busy: { on: { ADD: { target: 'idle', actions: assign({ n: ({ context }) => context.n * 2 }) } } },
      },
      on: { CLOSE: 'closed' },
    },
    closed: { type: 'final' },
  },
});
const definition = (machine: WorkflowDefinition['machine']) => ({ machine }) as WorkflowDefinition;

const plain = (s: AnyMachineSnapshot) => ({ value: s.value, context: s.context, status: s.status });

describe('snapshots kept between steps', () => {
  it('every workflow machine is one chain of states, so each step’s snapshot is kept for the next', () => {
    for (const w of WORKFLOWS) expect([w.id, oneChainOfStates(w.machine)]).toEqual([w.id, true]);
  });

  it('a machine with a parallel state is not: its snapshot is restored from what is stored', () => {
    const parallel = setup({}).createMachine({
      id: 'p',
      type: 'parallel',
      states: { a: { initial: 'x', states: { x: {} } }, b: { initial: 'y', states: { y: {} } } },
    });
    expect(oneChainOfStates(parallel)).toBe(false);
    const def = definition(parallel);
    const [first] = initialTransitionOf(parallel, undefined);
    const stored = persistSnapshot(def, first);
    expect(restoreSnapshot(def, stored)).not.toBe(first);
  });

  it('gives the kept snapshot for what was stored, and it takes the same steps as one restored from the text', () => {
    const def = definition(chain);
    let [kept] = initialTransitionOf(chain, undefined);
    const events = [
      { type: 'OPEN' },
      { type: 'ADD', by: 9 }, // refused by the guard
      { type: 'ADD', by: 2 },
      { type: 'ADD', by: 1 },
      { type: 'CLOSE' },
    ] as const;
    for (const event of events) {
      const stored = persistSnapshot(def, kept);
      expect(restoreSnapshot(def, stored)).toBe(kept);
      const fromText = restoreSnapshot(def, JSON.parse(JSON.stringify(stored)));
      expect(fromText).not.toBe(kept);
      const [a, actionsA] = transitionOf(chain, kept, event);
      const [b, actionsB] = transitionOf(chain, fromText, event);
      expect(plain(a)).toEqual(plain(b));
      expect(actionsA.map((x) => x.type)).toEqual(actionsB.map((x) => x.type));
      expect(JSON.stringify(persistSnapshot(def, a))).toBe(JSON.stringify(persistSnapshot(def, b)));
      kept = a;
    }
    expect(plain(kept)).toEqual({ value: 'closed', context: { n: 2 }, status: 'done' });
  });

  it('restores again for another machine than the one the snapshot was kept for', () => {
    const [first] = initialTransitionOf(chain, undefined);
    const stored = persistSnapshot(definition(chain), first);
    const other = definition(chain.provide({}));
    const restored = restoreSnapshot(other, stored);
    expect(restored).not.toBe(first);
    expect(restored.machine).toBe(other.machine);
  });
});
