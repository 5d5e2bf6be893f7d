import { DriverException } from '@mikro-orm/core';
import { isDatabaseUnavailable } from './database-health';

/** What a database outage looks like when it reaches the HTTP layer: each must be a 503, never a 500. */
describe('isDatabaseUnavailable', () => {
  const driver = (message: string, extra: object = {}) =>
    Object.assign(new DriverException(Object.assign(new Error(message), extra)), extra);

  it.each([
    ['PostgreSQL refusing connections', driver('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED' })],
    ['the server shutting down', driver('terminating connection due to administrator command', { code: '57P01' })],
    ['a connection dropped mid-query', driver('Connection terminated unexpectedly')],
    // Seen by the chaos suite (PostgreSQL restarted under load): knex ended the transaction whose connection died.
    [
      'a query of a transaction whose connection died',
      driver('Transaction query already complete, run with DEBUG=knex:tx for more info'),
    ],
    ['SQLite locked past its busy timeout', driver('database is locked', { code: 'SQLITE_BUSY' })],
  ])('%s: unavailable', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it.each([
    ['a unique key taken', driver('duplicate key value violates unique constraint', { code: '23505' })],
    ['a syntax error', driver('syntax error at or near "selec"', { code: '42601' })],
    ['anything else', new Error('boom')],
  ])('%s: not an outage', (_, err) => {
    expect(isDatabaseUnavailable(err)).toBe(false);
  });
});
