import { documentMachine } from './machine';
import { DOCUMENT_STATES } from './states';

describe('DOCUMENT_STATES', () => {
  it('names exactly the states of the document machine', () => {
    expect(Object.keys(documentMachine.config.states ?? {}).sort()).toEqual([...DOCUMENT_STATES].sort());
  });
});
