import { assign, initialTransition, setup, transition } from 'xstate';
import { initialTransitionOf, transitionOf } from './pure-transition';

/** A machine shaped like Grif's: context from required input, effects as named actions with params. */
const machine = setup({
  types: {} as {
    input: { owner: string };
    context: { owner: string; count: number };
    events: { type: 'BUMP'; by: number } | { type: 'CLOSE' };
  },
  actions: {
    notify: (_, _params: { to: string }) => {},
  },
  guards: {
    small: ({ event }) => event.type === 'BUMP' && event.by < 10,
  },
}).createMachine({
  id: 'counter',
  context: ({ input }) => ({ owner: input.owner, count: 0 }),
  initial: 'open',
  entry: [{ type: 'notify', params: ({ context }) => ({ to: context.owner }) }],
  states: {
    open: {
      on: {
        BUMP: {
          guard: 'small',
          actions: [
            assign({ count: ({ context, event }) => context.count + event.by }),
            { type: 'notify', params: ({ context }) => ({ to: context.owner }) },
          ],
        },
        CLOSE: 'closed',
      },
    },
    closed: { type: 'final' },
  },
});

const plain = (r: readonly [unknown, readonly { type: string; params?: unknown }[]]) => {
  const s = r[0] as { value: unknown; context: unknown; status: string };
  return { value: s.value, context: s.context, status: s.status, actions: r[1].map((a) => [a.type, a.params]) };
};

describe('transitionOf: xstate’s pure transition with a shared inert scope', () => {
  it('plans the same initial snapshot and actions as initialTransition()', () => {
    expect(plain(initialTransitionOf(machine, { owner: 'ana' }))).toEqual(
      plain(initialTransition(machine, { owner: 'ana' })),
    );
  });

  it('plans the same snapshots and actions as transition(), call after call, each with only its own actions', () => {
    let [ours] = initialTransitionOf(machine, { owner: 'ana' });
    let [theirs] = initialTransition(machine, { owner: 'ana' });
    for (const event of [{ type: 'BUMP', by: 2 }, { type: 'BUMP', by: 3 }, { type: 'CLOSE' }] as const) {
      const a = transitionOf(machine, ours, event);
      const b = transition(machine, theirs, event);
      expect(plain(a)).toEqual(plain(b));
      [ours, theirs] = [a[0], b[0]];
    }
    expect(ours.status).toBe('done');
  });

  it('answers the very snapshot it was given for an event no transition takes (how the engine tells a refusal)', () => {
    const [open] = initialTransitionOf(machine, { owner: 'ana' });
    const tooBig = { type: 'BUMP', by: 50 };
    const [next, actions] = transitionOf(machine, open, tooBig);
    expect(next).toBe(open);
    expect(actions).toEqual([]);
  });
});
