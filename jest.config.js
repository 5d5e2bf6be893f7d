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
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', swc] },
  moduleNameMapper: aliases,
  testMatch: ['<rootDir>/{libs,workflows,apps,test}/**/*.{spec,test}.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/apps/admin/'],
  testTimeout: 60000,
  // The compliance matrix reads each test's latest result from reports/test-results.json (tools/compliance-reporter.js).
  reporters: ['default', '<rootDir>/tools/compliance-reporter.js'],
};
