import { createMachine } from 'xstate';
import { documentWorkflow } from '@grif/workflows';
import { extractStatechart, pathTaken } from './statechart';

/** A small machine with a compound state, an eventless arrow and a context-only event. */
const machine = createMachine({
  id: 'sample',
  initial: 'draft',
  states: {
    draft: { on: { EDIT: {}, SUBMIT: 'review' } },
    review: {
      initial: 'first',
      on: { REJECT: 'rejected' },
      states: { first: { on: { APPROVE: 'second' } }, second: { always: '#sample.done' } },
    },
    done: { type: 'final' },
    rejected: { type: 'final' },
  },
});

describe('the statechart read from a machine definition', () => {
  const chart = extractStatechart(machine);

  it('lists every state node with its parent, the initial ones and the final ones', () => {
    expect(chart.states).toEqual([
      { id: 'draft', key: 'draft', parent: null, initial: true, final: false },
      { id: 'review', key: 'review', parent: null, initial: false, final: false },
      { id: 'review.first', key: 'first', parent: 'review', initial: true, final: false },
      { id: 'review.second', key: 'second', parent: 'review', initial: false, final: false },
      { id: 'done', key: 'done', parent: null, initial: false, final: true },
      { id: 'rejected', key: 'rejected', parent: null, initial: false, final: true },
    ]);
  });

  it('lists every transition: targetless events as loops, eventless ones as "always"', () => {
    expect(chart.transitions).toEqual(
      expect.arrayContaining([
        { from: 'draft', to: 'draft', event: 'EDIT' },
        { from: 'draft', to: 'review', event: 'SUBMIT' },
        { from: 'review', to: 'rejected', event: 'REJECT' },
        { from: 'review.first', to: 'review.second', event: 'APPROVE' },
        { from: 'review.second', to: 'done', event: 'always' },
      ]),
    );
    expect(chart.transitions).toHaveLength(5);
  });

  it('marks the path from the history: leaves mapped to the arrow the definition has, ancestors visited', () => {
    const marks = pathTaken(
      chart,
      [
        { type: 'CREATE', fromState: null, toState: 'draft' },
        { type: 'SUBMIT', fromState: 'draft', toState: 'review.first' },
        { type: 'REJECT', fromState: 'review.first', toState: 'rejected' },
      ],
      'rejected',
    );
    expect(marks.current).toEqual(['rejected']);
    expect(marks.visited.sort()).toEqual(['draft', 'rejected', 'review', 'review.first']);
    expect(marks.taken).toEqual([
      { from: 'draft', to: 'review', event: 'SUBMIT' },
      { from: 'review', to: 'rejected', event: 'REJECT' },
    ]);
  });

  it('reads the real document machine: every state of its definition, each event of the issue ladder', () => {
    const doc = extractStatechart(documentWorkflow.machine);
    expect(doc.states.map((s) => s.id)).toEqual(Object.keys(documentWorkflow.machine.root.states));
    expect(doc.transitions).toContainEqual({ from: 'in_storage', to: 'issued', event: 'ISSUE' });
    expect(doc.transitions).toContainEqual({ from: 'issued', to: 'overdue', event: 'DEADLINE_PASSED' });
  });
});
