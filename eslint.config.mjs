// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const IO_AND_FRAMEWORKS = [
  { group: ['@nestjs/*', '@mikro-orm/*', 'bullmq', 'ioredis', 'pdf-lib', '@pdf-lib/*', '@signpdf/*', 'pg', 'better-sqlite3', 'express'], message: 'workflows/ and libs/domain are pure: no framework, database, queue or PDF library.' },
  { group: ['node:*', 'fs', 'fs/*', 'path', 'http', 'https', 'net', 'child_process', 'os', 'crypto', 'worker_threads', 'dgram', 'dns', 'tls'], message: 'workflows/ and libs/domain are pure: no Node I/O modules.' },
];
const NO_APPS = { group: ['**/apps/**', '@grif/api', '@grif/worker'], message: 'libs/ and workflows/ never import apps/.' };
const CLOCK_AND_CHANCE = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'No clock in pure code: take the time from the event envelope.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'No clock in pure code: take the time from the event envelope.' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'No randomness in pure code.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'apps/admin/dist/**', 'test-artifacts/**', 'data/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]", message: 'No focused tests.' }],
    },
  },
  {
    files: ['libs/**/*.ts', 'workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_APPS] }] },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...IO_AND_FRAMEWORKS, NO_APPS, { group: ['@grif/*', '!@grif/domain', '**/libs/**'], message: 'workflows/ imports xstate and libs/domain (as @grif/domain) only.' }] }],
      'no-restricted-syntax': ['error', ...CLOCK_AND_CHANCE],
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...IO_AND_FRAMEWORKS, NO_APPS, { group: ['@grif/*', 'xstate', '**/workflows/**'], message: 'libs/domain depends on nothing of ours.' }] }],
      'no-restricted-syntax': ['error', ...CLOCK_AND_CHANCE],
    },
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['@grif/*', '!@grif/contracts', '**/libs/**', '**/workflows/**', '**/apps/api/**'], message: 'The UI takes the API contract from @grif/contracts and its body types from api/schema.d.ts, nothing else of the server.' }] }] },
  },
  {
    files: ['libs/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_APPS, { group: ['@nestjs/*', '@mikro-orm/*', 'bullmq', 'ioredis', 'pg', 'better-sqlite3'], message: 'The engine defines ports; persistence and queue implement them.' }, { group: ['@grif/persistence', '@grif/queue', '@grif/runtime', '@grif/audit', '@grif/contracts'], message: 'engine → workflows, domain only.' }] }],
    },
  },
);
