import { CARRIER_EVENTS } from '@grif/workflows';
import { INDEXED_CARRIER_EVENTS } from './20261207-carrier-mark-events.migration';

describe('the partial index of the carrier events', () => {
  it('holds the events RegisterQueries.changedAfter asks for: a type added to CARRIER_EVENTS needs a new index', () => {
    expect([...CARRIER_EVENTS]).toEqual(INDEXED_CARRIER_EVENTS);
  });
});
