import { diffContext, recordedContexts } from './timeline-diff';

describe('the context diff of a timeline', () => {
  it('names each added, changed and removed leaf by its dotted path', () => {
    expect(diffContext({ a: 1, h: { name: 'A' }, gone: true }, { a: 1, h: { name: 'B' }, list: [1] })).toEqual([
      { path: 'h.name', before: 'A', after: 'B' },
      { path: 'list', after: [1] },
      { path: 'gone', before: true },
    ]);
  });

  it('folds each payload into the recorded context and diffs it against the step before', () => {
    const steps = recordedContexts([{ title: 'T', holder: null }, { holder: { id: 'u1' } }, { holder: { id: 'u1' } }]);
    expect(steps[0].diff).toEqual([
      { path: 'title', after: 'T' },
      { path: 'holder', after: null },
    ]);
    expect(steps[1].diff).toEqual([
      { path: 'holder.id', after: 'u1' },
      { path: 'holder', before: null },
    ]);
    expect(steps[2].diff).toEqual([]);
  });
});
