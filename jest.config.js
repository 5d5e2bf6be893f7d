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
  // Four workers on CI's two cores: the suites wait on timers, child processes and the browser, and the browser's own
  // CPU is not jest's. Two left a fifth of the cores idle (548 s of wall time); three gave 489–568 s; four 535 s
  // against three's 568 s in alternating runs on one machine (docs/performance.md, session 12).
  maxWorkers: 4,
  // The compliance matrix reads each test's latest result from reports/test-results.json (tools/compliance-reporter.js).
  reporters: ['default', '<rootDir>/tools/compliance-reporter.js'],
};
