import type { ComplianceRow, ComplianceStatus } from '@grif/contracts';
import { isSubClauseOf, ruleIdsIn } from './rule-ids';
import type { SourceLine } from './source-scan';

export interface Clause {
  id: string;
  title: string;
}

/** One test of the last jest run, as tools/compliance-reporter.js writes it (`status` is jest's own). */
export interface TestResult {
  fullName: string;
  file: string;
  status: string;
}

type TestRow = ComplianceRow['tests'][number];

/** The worst first: a rule's standing is the worst of what it is made of. */
const SEVERITY: ComplianceStatus[] = ['fail', 'not_enforced', 'untested', 'not_run', 'pass'];
const worst = (statuses: ComplianceStatus[]): ComplianceStatus => SEVERITY.find((s) => statuses.includes(s)) ?? 'pass';

const testStatus = (jest: string): TestRow['status'] =>
  jest === 'passed' ? 'pass' : jest === 'failed' ? 'fail' : 'skipped';

/**
 * A clause by its own code and tests. A failed test shows first, whatever else is missing; then no code naming it;
 * then no results at all (`results` null: no test run yet); then no test naming it; tests that were all skipped count
 * as not run.
 */
export function ownStatus(enforcedIn: SourceLine[], tests: TestRow[], resultsKnown: boolean): ComplianceStatus {
  if (tests.some((t) => t.status === 'fail')) return 'fail';
  if (enforcedIn.length === 0) return 'not_enforced';
  if (!resultsKnown) return 'not_run';
  if (tests.length === 0) return 'untested';
  if (tests.every((t) => t.status === 'skipped')) return 'not_run';
  return 'pass';
}

/**
 * The compliance matrix, a row per clause in the Regulation's order. A clause with sub-clauses (R-4.2 over
 * …) is a heading: it stands as the worst of its sub-clauses (and of its own code and tests, when
 * something names the heading itself), so a gap in any item shows on the heading too.
 */
export function complianceMatrix(
  clauses: Clause[],
  references: Map<string, SourceLine[]>,
  results: TestResult[] | null,
): ComplianceRow[] {
  const testsOf = new Map<string, TestRow[]>();
  for (const t of results ?? []) {
    for (const id of ruleIdsIn(t.fullName)) {
      const list = testsOf.get(id) ?? [];
      list.push({ name: t.fullName, file: t.file, status: testStatus(t.status) });
      testsOf.set(id, list);
    }
  }
  const rows = clauses.map((c) => {
    const enforcedIn = references.get(c.id) ?? [];
    const tests = testsOf.get(c.id) ?? [];
    return { rule: c.id, title: c.title, enforcedIn, tests, status: ownStatus(enforcedIn, tests, results !== null) };
  });
  return rows.map((row) => {
    const subs = rows.filter((r) => isSubClauseOf(r.rule, row.rule));
    if (subs.length === 0) return row;
    const namedItself = row.enforcedIn.length > 0 || row.tests.length > 0;
    return { ...row, status: worst([...subs.map((s) => s.status), ...(namedItself ? [row.status] : [])]) };
  });
}
