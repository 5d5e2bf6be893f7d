import { CARRIER_EVENTS } from '@grif/workflows';
import { MARKED_EVENTS } from './20261209-document-marked-at.migration';

describe("the documents' marked_at (R-3)", () => {
  it('was filled from the events the projection stamps it for: a type added to CARRIER_EVENTS needs a new backfill', () => {
    expect([...CARRIER_EVENTS]).toEqual(MARKED_EVENTS);
  });
});
