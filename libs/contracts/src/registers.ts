import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS } from '@grif/domain';

const instant = z.iso.datetime({ offset: true });

/** Common list query: every register filters, sorts, paginates and exports CSV (`format=csv`). */
export const listQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  sort: z.string().max(40).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  format: z.enum(['json', 'csv']).default('json').describe('csv: the whole register (every page) as RFC 4180 CSV.'),
  at: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('The register as it stood at this moment, computed from the history.'),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export const documentListQuerySchema = listQuerySchema.extend({
  year: z.coerce.number().int().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  state: z.string().max(40).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  holderId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  mine: z.enum(['1', 'true']).optional().describe('Only what is issued to the caller now.'),
});

export const ISSUE_STATUSES = ['open', 'overdue', 'returned'] as const;
export const issueQuerySchema = listQuerySchema.extend({
  status: z.enum(ISSUE_STATUSES).optional(),
  holderId: z.string().max(64).optional(),
  documentId: z.string().max(64).optional(),
});
export const copyQuerySchema = listQuerySchema.extend({ originalId: z.string().max(64).optional() });
export const carrierQuerySchema = listQuerySchema;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
/** One page of a register: its rows, how many there are in all, and where this page is. */
const pageOf = <T extends z.ZodType>(id: string, row: T) =>
  z.object({ items: z.array(row), total: z.int().min(0), page: z.int().min(1), pageSize: z.int().min(1) }).meta({ id });

export const documentRowSchema = z
  .object({
    id: z.string(),
    regNumber: z.string(),
    regYear: z.int(),
    direction: z.string(),
    kind: z.string(),
    title: z.string(),
    correspondent: z.string(),
    documentDate: z.iso.date(),
    state: z.string(),
    classification: z.string().nullable(),
    holderId: z.string().nullable(),
    dueAt: instant.nullable(),
    copyOf: z.string().nullable(),
    copyNumber: z.int().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'DocumentRow', description: 'A line of the registration journal (R-4.1b).' });
export type DocumentRow = z.infer<typeof documentRowSchema>;
export const documentPageSchema = pageOf('DocumentRowPage', documentRowSchema);

export const issueRowSchema = z
  .object({
    id: z.string(),
    documentId: z.string(),
    regNumber: z.string(),
    classification: z.string().nullable(),
    holderId: z.string(),
    holderName: z.string(),
    purpose: z.string(),
    issuedAt: instant,
    issuedBy: z.string(),
    acknowledgedAt: instant.nullable(),
    dueAt: instant.nullable(),
    returnedAt: instant.nullable(),
    condition: z.string().nullable(),
    overdueAt: instant.nullable(),
  })
  .meta({ id: 'IssueRow', description: 'A line of the issue journal (R-4.2.1).' });
export type IssueRow = z.infer<typeof issueRowSchema>;
export const issuePageSchema = pageOf('IssueRowPage', issueRowSchema);

export const copyRowSchema = z
  .object({
    id: z.string(),
    originalId: z.string(),
    originalRegNumber: z.string(),
    copyId: z.string(),
    copyNumber: z.int(),
    purpose: z.string(),
    madeBy: z.string(),
    madeAt: instant,
    classification: z.string().nullable(),
  })
  .meta({ id: 'CopyRow', description: 'A line of the copy journal (R-4.1c).' });
export type CopyRow = z.infer<typeof copyRowSchema>;
export const copyPageSchema = pageOf('CopyRowPage', copyRowSchema);

export const carrierRowSchema = z
  .object({
    itemType: z.enum(['document', 'copy', 'media']),
    itemId: z.string(),
    label: z.string(),
    classification: z.string(),
    holderId: z.string(),
    holderName: z.string(),
    since: instant,
  })
  .meta({
    id: 'CarrierRow',
    description: 'Who holds which classified item, copy or medium at a moment: the carriers register (R-3).',
  });
export type CarrierRow = z.infer<typeof carrierRowSchema>;
export const carrierPageSchema = pageOf('CarrierRowPage', carrierRowSchema);
