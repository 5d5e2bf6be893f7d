import { complianceMatrix, ownStatus, type TestResult } from './compliance-matrix';
import type { SourceLine } from './source-scan';

const CLAUSES = [
  { id: 'R-1.1', title: 'Named nowhere' },
  { id: 'R-4.2', title: 'Heading' },
  { id: 'R-4.2.1', title: 'Passing item' },
  { id: 'R-4.2.5', title: 'Failing item' },
  { id: 'R-4.2.6', title: 'Item without a test' },
];
const at = (file: string, line: number): SourceLine => ({ file, line });
const REFS = new Map<string, SourceLine[]>([
  ['R-4.2.1', [at('libs/a.ts', 3)]],
  ['R-4.2.5', [at('libs/a.ts', 9), at('workflows/b.ts', 1)]],
  ['R-4.2.6', [at('libs/c.ts', 2)]],
]);
const RESULTS: TestResult[] = [
  { fullName: 'issue R-4.2.1: only the holder acknowledges', file: 'test/a.test.ts', status: 'passed' },
  { fullName: 'issue R-4.2.1: pending one', file: 'test/a.test.ts', status: 'pending' },
  { fullName: 'R-4.2.5 a copy never goes out', file: 'test/b.test.ts', status: 'passed' },
  { fullName: 'R-4.2.5 the original never goes out', file: 'test/b.test.ts', status: 'failed' },
  { fullName: 'R-4.2.50 is another clause', file: 'test/c.test.ts', status: 'failed' },
  { fullName: 'unrelated', file: 'test/d.test.ts', status: 'passed' },
];

describe('the compliance matrix', () => {
  it('joins each clause with the lines that name it and the tests whose names cite it, in the clauses order', () => {
    const rows = complianceMatrix(CLAUSES, REFS, RESULTS);
    expect(rows.map((r) => r.rule)).toEqual(CLAUSES.map((c) => c.id));
    const item = rows.find((r) => r.rule === 'R-4.2.5')!;
    expect(item.title).toBe('Failing item');
    expect(item.enforcedIn).toEqual([at('libs/a.ts', 9), at('workflows/b.ts', 1)]);
    expect(item.tests).toEqual([
      { name: 'R-4.2.5 a copy never goes out', file: 'test/b.test.ts', status: 'pass' },
      { name: 'R-4.2.5 the original never goes out', file: 'test/b.test.ts', status: 'fail' },
    ]);
    expect(rows.find((r) => r.rule === 'R-4.2.1')!.tests.map((t) => t.status)).toEqual(['pass', 'skipped']);
  });

  it('gives each clause its status; a heading stands as the worst of its items', () => {
    const status = Object.fromEntries(complianceMatrix(CLAUSES, REFS, RESULTS).map((r) => [r.rule, r.status]));
    expect(status).toEqual({
      'R-1.1': 'not_enforced',
      'R-4.2': 'fail',
      'R-4.2.1': 'pass',
      'R-4.2.5': 'fail',
      'R-4.2.6': 'untested',
    });
  });

  it('says not run for every enforced clause (and a heading over them) when there are no results yet', () => {
    const rows = complianceMatrix(CLAUSES, REFS, null);
    expect(rows.map((r) => [r.rule, r.status, r.tests.length])).toEqual([
      ['R-1.1', 'not_enforced', 0],
      ['R-4.2', 'not_run', 0],
      ['R-4.2.1', 'not_run', 0],
      ['R-4.2.5', 'not_run', 0],
      ['R-4.2.6', 'not_run', 0],
    ]);
  });

  it('orders the statuses: a failure first, then no code, no results, no test, only skipped tests, pass', () => {
    const code = [at('libs/a.ts', 1)];
    const t = (status: 'pass' | 'fail' | 'skipped') => ({ name: 'n', file: 'f', status });
    expect(ownStatus([], [t('fail')], true)).toBe('fail');
    expect(ownStatus([], [t('pass')], true)).toBe('not_enforced');
    expect(ownStatus(code, [], false)).toBe('not_run');
    expect(ownStatus(code, [], true)).toBe('untested');
    expect(ownStatus(code, [t('skipped')], true)).toBe('not_run');
    expect(ownStatus(code, [t('pass'), t('skipped')], true)).toBe('pass');
  });
});
