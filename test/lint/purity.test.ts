/**
 * Purity is enforced by the lint (eslint.config.mjs): each probe below is a forbidden thing in pure code,
 * linted as if it lived in workflows/ or libs/domain, and must be caught by the rule named beside it.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

type Message = { ruleId: string | null; message: string; line: number; severity: number };
type Probe = { filePath: string; code: string };

const repo = path.resolve(__dirname, '../..');
const WORKFLOWS = 'workflows/document/probe.ts';
const DOMAIN = 'libs/domain/src/probe.ts';

const CLOCK_CHANCE_AND_WORLD: [string, string, string][] = [
  ['Date.now()', 'export const t = Date.now();', 'no-restricted-properties'],
  ['Date.now as a value', 'export const now = Date.now;', 'no-restricted-properties'],
  ['Date()', 'export const t = Date();', 'no-restricted-syntax'],
  ['Date(x), which ignores x', 'export const t = (x: number) => Date(x);', 'no-restricted-syntax'],
  ['new Date()', 'export const t = new Date();', 'no-restricted-syntax'],
  ['new Date without parentheses', 'export const t = new Date;', 'no-restricted-syntax'],
  ['DateTime.now()', "import { DateTime } from 'luxon';\nexport const t = DateTime.now();", 'no-restricted-properties'],
  ['DateTime.local()', "import { DateTime } from 'luxon';\nexport const t = DateTime.local();", 'no-restricted-syntax'],
  ['DateTime.utc()', "import { DateTime } from 'luxon';\nexport const t = DateTime.utc();", 'no-restricted-syntax'],
  [
    'DateTime.local({ zone })',
    "import { DateTime } from 'luxon';\nexport const t = DateTime.local({ zone: 'Asia/Bishkek' });",
    'no-restricted-syntax',
  ],
  ['performance', 'export const t = performance.now();', 'no-restricted-globals'],
  ['crypto', 'export const id = crypto.randomUUID();', 'no-restricted-globals'],
  ['process', 'export const zone = process.env.TZ;', 'no-restricted-globals'],
  ['fetch', "export const answer = fetch('https://example.org');", 'no-restricted-globals'],
  ['setTimeout', 'export const h = setTimeout(() => undefined, 1);', 'no-restricted-globals'],
  ['setInterval', 'export const h = setInterval(() => undefined, 1);', 'no-restricted-globals'],
  ['setImmediate', 'export const h = setImmediate(() => undefined);', 'no-restricted-globals'],
  ['clearTimeout', 'export const stop = (h: never) => clearTimeout(h);', 'no-restricted-globals'],
  ['clearInterval', 'export const stop = (h: never) => clearInterval(h);', 'no-restricted-globals'],
  ['clearImmediate', 'export const stop = (h: never) => clearImmediate(h);', 'no-restricted-globals'],
  ['queueMicrotask', 'queueMicrotask(() => undefined);', 'no-restricted-globals'],
  ['globalThis, around the rules', 'export const t = globalThis.Date.now();', 'no-restricted-globals'],
  ['Math.random()', 'export const n = Math.random();', 'no-restricted-properties'],
  ['dynamic import()', "export const m = import('zod');", 'no-restricted-syntax'],
  ['eval', "export const v = eval('1');", 'no-eval'],
];

const IMPORTS: [string, string, string][] = [
  ['a Node module', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'grif/pure-imports'],
  ['a package off the list', "import { Queue } from 'bullmq';\nexport const q = Queue;", 'grif/pure-imports'],
  ['a type-only import', "import type { Queue } from 'bullmq';\nexport type Q = Queue;", 'grif/pure-imports'],
  ['an import type expression', "export type S = import('node:fs').Stats;", 'grif/pure-imports'],
  ['Nest', "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;", 'grif/pure-imports'],
  ['another lib of ours', "import { x } from '@grif/persistence';\nexport const y = x;", 'grif/pure-imports'],
  [
    'a subpath of an allowed package',
    "import { getShortestPaths } from 'xstate/graph';\nexport const g = getShortestPaths;",
    'grif/pure-imports',
  ],
  ['a re-export', "export * from 'ioredis';", 'grif/pure-imports'],
  ['a named re-export', "export { Queue } from 'bullmq';", 'grif/pure-imports'],
  ['require()', "export const fs = require('fs');", 'grif/pure-imports'],
  ['require() of a computed name', "const name = 'fs';\nexport const fs = require(name);", 'grif/pure-imports'],
  ['import = require()', "import fs = require('fs');\nexport const r = fs;", 'grif/pure-imports'],
];

const eachArea = (rows: [string, string, string][]) =>
  rows.flatMap(([name, code, rule]) => [
    { area: WORKFLOWS, name, code, rule },
    { area: DOMAIN, name, code, rule },
  ]);

const REFUSED = [
  ...eachArea(CLOCK_CHANCE_AND_WORLD),
  ...eachArea(IMPORTS),
  {
    area: WORKFLOWS,
    name: 'a relative path out of workflows/',
    code: "import { x } from '../../libs/persistence/src';\nexport const y = x;",
    rule: 'grif/pure-imports',
  },
  {
    area: WORKFLOWS,
    name: 'libs/domain by path, not by @grif/domain',
    code: "import { RULES } from '../../libs/domain/src/rules';\nexport const r = RULES;",
    rule: 'grif/pure-imports',
  },
  {
    area: DOMAIN,
    name: 'xstate',
    code: "import { setup } from 'xstate';\nexport const s = setup;",
    rule: 'grif/pure-imports',
  },
  {
    area: DOMAIN,
    name: '@grif/domain, a cycle',
    code: "import { RULES } from '@grif/domain';\nexport const r = RULES;",
    rule: 'grif/pure-imports',
  },
  {
    area: DOMAIN,
    name: 'workflows/ by path',
    code: "import { documentWorkflow } from '../../../workflows';\nexport const d = documentWorkflow;",
    rule: 'grif/pure-imports',
  },
  {
    area: DOMAIN,
    name: 'a relative path out of libs/domain',
    code: "import { x } from '../../engine/src';\nexport const y = x;",
    rule: 'grif/pure-imports',
  },
  {
    area: 'libs/engine/src/probe.ts',
    name: 'Nest, from a lib that is not pure',
    code: "import { Injectable } from '@nestjs/common';\nexport const i = Injectable;",
    rule: 'no-restricted-imports',
  },
  {
    area: 'libs/persistence/src/probe.ts',
    name: 'Nest, from persistence',
    code: "import { Module } from '@nestjs/common';\nexport const m = Module;",
    rule: 'no-restricted-imports',
  },
  {
    area: 'apps/admin/src/probe.tsx',
    name: 'workflows/ from the UI',
    code: "import type { RegisterDocument } from '../../../workflows/document/events';\nexport type R = RegisterDocument;",
    rule: 'no-restricted-imports',
  },
  {
    area: 'apps/admin/src/probe.tsx',
    name: '@grif/workflows from the UI',
    code: "import { documentWorkflow } from '@grif/workflows';\nexport const d = documentWorkflow;",
    rule: 'no-restricted-imports',
  },
  {
    area: 'apps/admin/src/probe.tsx',
    name: 'a workflows/ import type from the UI',
    code: "export type R = import('../../../workflows/document/events').RegisterDocument;",
    rule: 'no-restricted-syntax',
  },
  {
    area: 'workflows/document/probe.test.ts',
    name: 'a focused test beside pure code',
    code: "it.only('x', () => undefined);",
    rule: 'no-restricted-syntax',
  },
];

const ALLOWED_IN_WORKFLOWS = `
import { setup } from 'xstate';
import { z } from 'zod';
import { DateTime } from 'luxon';
import { isRestricted } from '@grif/domain';
import type { Envelope } from '../definition';
import { registerDocumentSchema } from './events';

export const machine = setup({});
export const schema = z.object({ at: z.string() }).and(registerDocumentSchema);
export const restricted = isRestricted;
export const at = (e: Envelope) => new Date(e.at);
export const local = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Bishkek' });
export const newYear = DateTime.utc(2025, 1, 1);
export const schoolYear = DateTime.local(2025, 9, 1, { zone: 'Asia/Bishkek' });
`;

const ALLOWED_IN_DOMAIN = `
import { z } from 'zod';
import { DateTime } from 'luxon';
import { RULES } from './rules';

export const rules = RULES;
export const schema = z.string();
export const at = (ms: number) => new Date(ms);
export const local = (iso: string) => DateTime.fromISO(iso);
`;

const ALLOWED_IN_TESTS = `
import { getShortestPaths } from 'xstate/graph';
it('may walk the graph', () => expect(getShortestPaths).toBeDefined());
`;

const DISABLED = `// eslint-disable-next-line no-restricted-properties
export const t = Date.now();
/* eslint-disable */
export const n = Math.random();
`;

/** Every probe is linted by one ESLint instance in one child process; see lint-probes.mjs for why. */
function lintAll(probes: Probe[]): Message[][] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-probes.mjs')], {
    cwd: repo,
    input: JSON.stringify(probes),
    encoding: 'utf8',
  });
  return JSON.parse(out) as Message[][];
}

const errorsOf = (messages: Message[]) => messages.filter((m) => m.severity === 2);
const rulesOf = (messages: Message[]) => errorsOf(messages).map((m) => m.ruleId);

describe('purity lint', () => {
  const probes: Probe[] = [
    ...REFUSED.map(({ area, code }) => ({ filePath: area, code: code + '\n' })),
    { filePath: WORKFLOWS, code: ALLOWED_IN_WORKFLOWS },
    { filePath: DOMAIN, code: ALLOWED_IN_DOMAIN },
    { filePath: 'workflows/document/probe.test.ts', code: ALLOWED_IN_TESTS },
    { filePath: WORKFLOWS, code: DISABLED },
    { filePath: DOMAIN, code: DISABLED },
  ];
  let results: Message[][];
  const resultOf = (filePath: string, code: string) =>
    results[probes.findIndex((p) => p.filePath === filePath && p.code === code)];

  beforeAll(() => {
    results = lintAll(probes);
  });

  it.each(REFUSED.map((r) => [r.area, r.name, r.rule, r.code] as const))(
    '%s refuses %s (%s)',
    (area, _name, rule, code) => {
      const messages = resultOf(area, code + '\n');
      expect(rulesOf(messages)).toContain(rule);
      expect(errorsOf(messages).every((m) => m.ruleId !== null)).toBe(true);
    },
  );

  it('says what is allowed when it refuses an import', () => {
    const [refusal] = errorsOf(resultOf(WORKFLOWS, "import { Queue } from 'bullmq';\nexport const q = Queue;\n"));
    expect(refusal.message).toContain('xstate, zod, luxon, @grif/domain');
  });

  it('says why it refuses the clock', () => {
    const [refusal] = errorsOf(resultOf(DOMAIN, 'export const t = Date.now();\n'));
    expect(refusal.message).toContain('take the time from the event envelope');
  });

  it.each([
    ['workflows/', WORKFLOWS, ALLOWED_IN_WORKFLOWS],
    ['libs/domain', DOMAIN, ALLOWED_IN_DOMAIN],
    ['a test beside pure code', 'workflows/document/probe.test.ts', ALLOWED_IN_TESTS],
  ])('lints the allowed code of %s clean', (_area, filePath, code) => {
    expect(resultOf(filePath, code)).toEqual([]);
  });

  it.each([WORKFLOWS, DOMAIN])('%s: an eslint-disable comment hides nothing and is itself an error', (filePath) => {
    const rules = rulesOf(resultOf(filePath, DISABLED));
    expect(rules).toContain('no-restricted-properties');
    expect(rules.filter((r) => r === 'no-restricted-properties')).toHaveLength(2);
    expect(rules.filter((r) => r === 'grif/no-inline-config')).toHaveLength(2);
  });
});
