import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ruleIdsIn, isSubClauseOf } from './rule-ids';
import { scanSource, sourceFiles } from './source-scan';

/** A checkout in miniature: source that names clauses, and the tests, helpers and UI that must not count. */
const FIXTURE: Record<string, string> = {
  'libs/guard/src/guard.ts': [
    '// R-4.2.5: a For Official Use document never leaves the school.',
    "export const RULES = { 'R-4.1d': 'destruction', 'R-4.2': 'heading' };",
    'export const none = 1;',
  ].join('\n'),
  'libs/guard/src/guard.spec.ts': '// R-1.1 named only by a test',
  'libs/guard/src/fixtures.spec-data.ts': '// R-1.1 named only by test data',
  'libs/guard/src/testing/helper.ts': '// R-1.1 named only by a test helper',
  'workflows/issue/machine.ts': ['export const a = 1;', '', '  /* R-4.2.5 again, and R-4.1a. */'].join('\n'),
  'apps/worker/src/job.ts': '// R-4.2.50 and R-4.2.5x are other ids; so is XR-4.2.5',
  'apps/api/src/compliance/list.ts': '// R-1.1 named by the matrix itself',
  'apps/admin/src/page.ts': '// R-1.1 named by the UI, which enforces nothing',
  'test/api/x.test.ts': '// R-1.1 named by an API test',
  'libs/guard/README.md': 'R-1.1 in prose',
};

describe('the compliance scanner', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'grif-compliance-'));
    for (const [file, text] of Object.entries(FIXTURE)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads only non-test TypeScript of the libraries, workflows and server apps', () => {
    expect(sourceFiles(root)).toEqual([
      'apps/worker/src/job.ts',
      'libs/guard/src/guard.ts',
      'workflows/issue/machine.ts',
    ]);
  });

  it('finds each clause on the lines that name it, 1-based, in comments and rule definitions alike', () => {
    const refs = scanSource(root);
    expect(refs.get('R-4.2.5')).toEqual([
      { file: 'libs/guard/src/guard.ts', line: 1 },
      { file: 'workflows/issue/machine.ts', line: 3 },
    ]);
    expect(refs.get('R-4.1d')).toEqual([{ file: 'libs/guard/src/guard.ts', line: 2 }]);
    expect(refs.get('R-4.2')).toEqual([{ file: 'libs/guard/src/guard.ts', line: 2 }]);
    expect(refs.get('R-4.1a')).toEqual([{ file: 'workflows/issue/machine.ts', line: 3 }]);
    // Named only by tests, helpers, test data, the UI, prose or the matrix itself: not enforced.
    expect(refs.has('R-1.1')).toBe(false);
  });

  it('matches whole ids only: a heading is not found inside its items, nor an id inside a longer one', () => {
    expect(ruleIdsIn('see R-4.2.5, R-4.1a and R-3.')).toEqual(['R-4.2.5', 'R-4.1a', 'R-3']);
    expect(ruleIdsIn('R-4.2.50 R-4.2.5x XR-4.2.5 R-4.2.5.1')).toEqual(['R-4.2.50', 'R-4.2.5x', 'R-4.2.5.1']);
    expect(ruleIdsIn('R-4.2.5 twice: R-4.2.5')).toEqual(['R-4.2.5']);
    expect(ruleIdsIn('no clause here')).toEqual([]);
  });

  it('knows items from their heading', () => {
    expect(isSubClauseOf('R-4.2.5', 'R-4.2')).toBe(true);
    expect(isSubClauseOf('R-4.1a', 'R-4.1')).toBe(true);
    expect(isSubClauseOf('R-4.2', 'R-4.2')).toBe(false);
    expect(isSubClauseOf('R-4.20', 'R-4.2')).toBe(false);
    expect(isSubClauseOf('R-4.1', 'R-4.2')).toBe(false);
  });
});
