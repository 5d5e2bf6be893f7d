// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import grif from './tools/eslint/grif-plugin.mjs';

const repo = path.dirname(fileURLToPath(import.meta.url));
const TESTS = ['**/*.test.ts', '**/*.spec.ts'];

const FOCUSED_TESTS = {
  selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'No focused tests.',
};
const NO_APPS = {
  group: ['**/apps/**', '@grif/api', '@grif/worker', '@grif/core'],
  message: 'libs/ and workflows/ never import apps/.',
};
const NO_NEST = {
  group: ['@nestjs/*', '@mikro-orm/nestjs', '@bull-board/nestjs', 'nestjs-zod'],
  message: 'libs/ stay free of Nest: the Nest modules live in apps/.',
};
const NO_WORKFLOWS_IN_UI = {
  regex: '(^|/)workflows(/|$)|^@grif/workflows(/|$)',
  message: 'The admin UI takes its contracts from @grif/contracts only, never from workflows/.',
};

// Pure code is a function of its inputs: the time comes in the event envelope, effects go out as data.
const CLOCK = 'Pure code: no clock; take the time from the event envelope.';
const CHANCE = 'Pure code: no randomness; ids and tokens are made by the engine at the edge.';
const IO = 'Pure code: no I/O; return an effect and let the engine perform it.';
const TIMERS = 'Pure code: no timers; a deadline is an effect the engine schedules.';
const ENVIRONMENT = 'Pure code: no environment; configuration arrives through the definition or the event.';
const AROUND = 'Pure code: no global object; it reaches around the allow-list and the rules above.';

const PURE_GLOBALS = [
  { name: 'performance', message: CLOCK },
  { name: 'crypto', message: CHANCE },
  { name: 'process', message: ENVIRONMENT },
  { name: 'fetch', message: IO },
  ...[
    'setTimeout',
    'setInterval',
    'setImmediate',
    'clearTimeout',
    'clearInterval',
    'clearImmediate',
    'queueMicrotask',
  ].map((name) => ({ name, message: TIMERS })),
  ...['globalThis', 'global', 'window', 'self'].map((name) => ({ name, message: AROUND })),
];
const PURE_PROPERTIES = [
  { object: 'Date', property: 'now', message: CLOCK },
  { object: 'DateTime', property: 'now', message: CLOCK },
  { object: 'Math', property: 'random', message: CHANCE },
];
const PURE_SYNTAX = [
  FOCUSED_TESTS,
  // Date called as a function ignores its arguments and returns the current time as a string.
  {
    selector: "CallExpression[callee.type='Identifier'][callee.name='Date']",
    message: `Date() ignores its arguments and reads the clock. ${CLOCK}`,
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: `new Date() without arguments reads the clock. ${CLOCK}`,
  },
  // DateTime.local()/utc() with no date, or with only an options object, is "now".
  {
    selector: "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(local|utc)$/][arguments.length=0]",
    message: `DateTime.local()/utc() without a date read the clock. ${CLOCK}`,
  },
  {
    selector:
      "CallExpression[callee.object.name='DateTime'][callee.property.name=/^(local|utc)$/][arguments.length=1][arguments.0.type='ObjectExpression']",
    message: `DateTime.local()/utc() with only options read the clock. ${CLOCK}`,
  },
  { selector: 'ImportExpression', message: 'Pure code: no dynamic import(); import statically from the allow-list.' },
];

/** The rules every pure file obeys; `area` names it in messages, `root` bounds its relative imports. */
const pure = (area, root, packages) => ({
  linterOptions: { noInlineConfig: true },
  plugins: { grif },
  rules: {
    // The allow-list below subsumes the deny-lists that apply to the rest of libs/ and workflows/.
    'no-restricted-imports': 'off',
    'grif/pure-imports': ['error', { area, root: path.join(repo, root), packages }],
    'grif/no-inline-config': 'error',
    'no-restricted-globals': ['error', ...PURE_GLOBALS],
    'no-restricted-properties': ['error', ...PURE_PROPERTIES],
    'no-restricted-syntax': ['error', ...PURE_SYNTAX],
    'no-eval': 'error',
    'no-new-func': 'error',
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'apps/admin/dist/**',
      'test-artifacts/**',
      'data/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', FOCUSED_TESTS],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_APPS] }] },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_APPS, NO_NEST] }] },
  },
  {
    files: ['workflows/**/*.ts'],
    ignores: TESTS,
    ...pure('workflows/', 'workflows', ['xstate', 'zod', 'luxon', '@grif/domain']),
  },
  {
    files: ['libs/domain/**/*.ts'],
    ignores: TESTS,
    ...pure('libs/domain', 'libs/domain', ['zod', 'luxon']),
  },
  {
    files: ['apps/admin/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@grif/*', '!@grif/contracts', '**/libs/**', '**/workflows/**', '**/apps/api/**'],
              message:
                'The UI takes the API contract from @grif/contracts and its body types from api/schema.d.ts, nothing else of the server.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_APPS,
            NO_NEST,
            {
              group: ['@mikro-orm/*', 'bullmq', 'ioredis', 'pg', 'better-sqlite3'],
              message: 'The engine defines ports; persistence and queue implement them.',
            },
            {
              group: ['@grif/persistence', '@grif/queue', '@grif/core', '@grif/audit', '@grif/contracts'],
              message: 'engine → workflows, domain only.',
            },
          ],
        },
      ],
    },
  },
  {
    // Acts render and sign bytes: no database, no queue, no engine; the jobs that call them live in apps/.
    files: ['libs/acts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            NO_APPS,
            NO_NEST,
            {
              group: ['@mikro-orm/*', 'bullmq', 'ioredis', 'pg', 'better-sqlite3'],
              message: 'libs/acts is a pure library of bytes in, bytes out; persistence and queues call it.',
            },
            {
              group: ['@grif/*', '!@grif/domain', '**/workflows/**'],
              message: 'acts → domain only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/admin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [NO_WORKFLOWS_IN_UI] }],
      'no-restricted-syntax': [
        'error',
        FOCUSED_TESTS,
        {
          selector: 'TSImportType[source.value=/(^|\\/)workflows(\\/|$)|^@grif\\/workflows(\\/|$)/]',
          message: NO_WORKFLOWS_IN_UI.message,
        },
      ],
    },
  },
);
