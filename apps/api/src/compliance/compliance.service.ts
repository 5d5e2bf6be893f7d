import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Inject, Injectable, type StreamableFile } from '@nestjs/common';
import type { ActLanguage } from '@grif/acts';
import { complianceQuerySchema, type ComplianceRow } from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import { SchoolsRepository } from '@grif/persistence';
import { pdfFile } from '../http/pdf-file';
import { parseBody } from '../http/zod-body';
import { type Clause, complianceMatrix, type TestResult } from './compliance-matrix';
import { renderCompliance } from './compliance-pdf';
import { CLAUSES_FILE, repoRoot } from './repo-root';
import { scanSource, type SourceLine } from './source-scan';

/** Where tools/compliance-reporter.js leaves the last run's results; GRIF_TEST_RESULTS names another file. */
const RESULTS_FILE = 'reports/test-results.json';

interface Source {
  root: string;
  clauses: Clause[];
  references: Map<string, SourceLine[]>;
}

/**
 * The compliance matrix of the checkout the server runs from. The source does not change under a running server,
 * so it is scanned once, at the first request; the test results are read at each request, since a test run may
 * end at any time.
 */
@Injectable()
export class ComplianceService {
  private source?: Source;

  constructor(
    private readonly schools: SchoolsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The matrix as JSON, or with `format=pdf` printed in `lang` (else the reader's language, ky for en). */
  async answer(
    actor: Actor,
    query: Record<string, unknown>,
    fallback: Lang,
  ): Promise<ComplianceRow[] | StreamableFile> {
    const q = parseBody(complianceQuerySchema, query);
    if (q.format !== 'pdf') return this.matrix();
    return this.pdf(actor, q.lang ?? (fallback === 'ru' ? 'ru' : 'ky'));
  }

  matrix(): ComplianceRow[] {
    const { clauses, references, root } = this.scanned();
    return complianceMatrix(clauses, references, this.results(root)?.tests ?? null);
  }

  private async pdf(actor: Actor, lang: ActLanguage): Promise<StreamableFile> {
    const { clauses, references, root } = this.scanned();
    const results = this.results(root);
    const now = this.clock.now();
    const pdf = await renderCompliance(
      complianceMatrix(clauses, references, results?.tests ?? null),
      (await this.schools.nameOf(actor.schoolId)) ?? '',
      results?.at ?? null,
      now,
      lang,
    );
    return pdfFile(`compliance-${now.toISOString().slice(0, 10)}.pdf`, pdf, 'attachment');
  }

  private scanned(): Source {
    if (!this.source) {
      const root = repoRoot();
      const clauses = JSON.parse(readFileSync(join(root, CLAUSES_FILE), 'utf8')) as Clause[];
      this.source = { root, clauses, references: scanSource(root) };
    }
    return this.source;
  }

  /** The last run's results and when they were written; null when there has been no run (or it cannot be read). */
  private results(root: string): { tests: TestResult[]; at: Date } | null {
    const named = process.env.GRIF_TEST_RESULTS;
    const file = named ? (isAbsolute(named) ? named : join(root, named)) : join(root, RESULTS_FILE);
    try {
      const tests = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      return Array.isArray(tests) ? { tests: tests.filter(isTestResult), at: statSync(file).mtime } : null;
    } catch {
      return null;
    }
  }
}

const isTestResult = (t: unknown): t is TestResult =>
  typeof t === 'object' &&
  t !== null &&
  ['fullName', 'file', 'status'].every((k) => typeof (t as Record<string, unknown>)[k] === 'string');
