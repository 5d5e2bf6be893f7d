/**
 * The chaos suite (issue 12, docs/chaos.md): `npm run chaos` (full) or `npm run chaos:short` (CI).
 * Its own config so that `npm test` never runs it: each file starts its own PostgreSQL and Redis and
 * takes them down on purpose. One file at a time (--runInBand), from dist/ (`npm run build` first).
 */
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['<rootDir>/test/chaos/**/*.chaos.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 300_000,
  reporters: ['default'],
  globalTeardown: '<rootDir>/test/chaos/support/global-teardown.js',
};
