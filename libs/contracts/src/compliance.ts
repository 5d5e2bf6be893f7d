import { z } from 'zod';

/**
 * A clause's standing in the compliance matrix: `pass` every test naming it passed; `fail` one failed; `untested` no
 * test names it; `not_run` no test results yet (or only skipped ones); `not_enforced` no code names it.
 */
export const COMPLIANCE_STATUSES = ['pass', 'fail', 'untested', 'not_run', 'not_enforced'] as const;
export type ComplianceStatus = (typeof COMPLIANCE_STATUSES)[number];

/** A test's latest result: `skipped` also stands for jest's pending and todo. */
export const COMPLIANCE_TEST_STATUSES = ['pass', 'fail', 'skipped'] as const;

export const complianceRowSchema = z
  .object({
    rule: z.string().describe('The clause id of the Regulation, as the code and the tests cite it.'),
    title: z.string().describe("The clause's short title, from the English rendering of the Regulation."),
    enforcedIn: z
      .object({ file: z.string(), line: z.int().min(1) })
      .array()
      .describe('Every line of non-test source that names the clause (a `// R-x.y` comment, a rule definition).'),
    tests: z
      .object({ name: z.string(), file: z.string(), status: z.enum(COMPLIANCE_TEST_STATUSES) })
      .array()
      .describe('Every test whose full name names the clause, with its latest result.'),
    status: z.enum(COMPLIANCE_STATUSES),
  })
  .meta({ id: 'ComplianceRow' });
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

/** `GET /api/compliance`: JSON, or `format=pdf` a printable matrix in `lang` ky or ru. */
export const complianceQuerySchema = z.object({
  format: z.enum(['json', 'pdf'], { error: 'json or pdf' }).optional(),
  lang: z.enum(['ky', 'ru'], { error: 'a printed matrix is in ky or ru' }).optional(),
});
