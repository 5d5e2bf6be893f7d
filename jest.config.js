/** @type {import('jest').Config} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
const aliases = {
  '^@grif/domain$': '<rootDir>/libs/domain/src',
  '^@grif/engine$': '<rootDir>/libs/engine/src',
  '^@grif/persistence$': '<rootDir>/libs/persistence/src',
  '^@grif/queue$': '<rootDir>/libs/queue/src',
  '^@grif/audit$': '<rootDir>/libs/audit/src',
  '^@grif/contracts$': '<rootDir>/libs/contracts/src',
  '^@grif/acts$': '<rootDir>/libs/acts/src',
  '^@grif/core$': '<rootDir>/apps/core/src',
  '^@grif/worker$': '<rootDir>/apps/worker/src',
  '^@grif/workflows$': '<rootDir>/workflows',
};
// Password hashing at a cheaper scrypt N in the suites only (apps/api/src/identity/password.ts): jest sets
// NODE_ENV=test, and the processes the suites start inherit both. password.spec.ts checks the real parameters.
process.env.GRIF_TEST_SCRYPT_N ??= String(2 ** 10);

module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', swc] },
  moduleNameMapper: aliases,
  testMatch: ['<rootDir>/{libs,workflows,apps,test}/**/*.{spec,test}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/admin/'],
  testTimeout: 60000,
  // Three workers on CI's two cores: 489–568 s on SQLite against 548 s with two. The cores are busier than jest's CPU
  // figures say, which miss the browser's (the PostgreSQL leg kept both 99 % busy). Four were no faster beyond the
  // noise (535 against 568 s), and a start-up suite's 5 s limit failed under them (docs/performance.md, session 12).
  maxWorkers: 3,
  // The compliance matrix reads each test's latest result from reports/test-results.json (tools/compliance-reporter.js).
  reporters: ['default', '<rootDir>/tools/compliance-reporter.js'],
};
