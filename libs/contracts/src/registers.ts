import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS, LANGS } from '@grif/domain';

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
  lang: z
    .enum(LANGS)
    .optional()
    .describe(
      "CSV only: the language of the column headers and of the words for marks, states and kinds (default: the user's locale, then Accept-Language, then ky).",
    ),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

const day = z.iso.date();
/**
 * The four journals a records office prints and files (registration, issues, copies, carriers) also
 * answer `format=pdf`: the same query's rows for the period `from`–`to`, as a printable A4 PDF.
 */
const printable = {
  format: z
    .enum(['json', 'csv', 'pdf'])
    .default('json')
    .describe(
      'csv: the whole register (every page) as RFC 4180 CSV; pdf: the journal for the period `from`–`to` as a printable A4 PDF.',
    ),
  from: day
    .optional()
    .describe('format=pdf (required there): the first day of the period, yyyy-MM-dd in Asia/Bishkek.'),
  to: day
    .optional()
    .describe('format=pdf (required there): the last day of the period, included; at most 366 days after `from`.'),
  lang: z
    .enum(LANGS)
    .optional()
    .describe(
      "CSV and PDF: the language of the column headers and of the words for marks, states and kinds (default: the user's locale, then Accept-Language, then ky; a PDF is in ky or ru, ky for an English reader).",
    ),
};

const bothDays = (q: { from: unknown; to: unknown }) => day.safeParse(q.from).success && day.safeParse(q.to).success;

/** What `format=pdf` needs on top of the journal's own query: a period of at most a year, no `at`, ky or ru. */
export const journalPrintSchema = z
  .object({
    from: day,
    to: day,
    at: z.undefined({ error: 'not with format=pdf: the period decides' }).optional(),
    lang: z.enum(['ky', 'ru'], { error: 'a printed journal is in ky or ru' }).optional(),
  })
  // Only a period of two real days is judged: a bad day has its own error already.
  .refine((q) => !bothDays(q) || q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => !bothDays(q) || Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, {
    message: 'at most 367 days at once',
    path: ['to'],
  });
export type JournalPrint = z.infer<typeof journalPrintSchema>;

export const documentListQuerySchema = listQuerySchema.extend({
  year: z.coerce.number().int().optional(),
  direction: z.enum(DIRECTIONS).optional(),
  state: z.string().max(40).optional(),
  classification: z.enum(CLASSIFICATIONS).optional(),
  holderId: z.string().max(64).optional(),
  q: z.string().max(200).optional(),
  mine: z.enum(['1', 'true']).optional().describe('Only what is issued to the caller now.'),
});

/** The registration journal: the document list's query, and `format=pdf` for a period. */
export const registrationQuerySchema = documentListQuerySchema.extend(printable);

export const ISSUE_STATUSES = ['open', 'overdue', 'returned'] as const;
export const issueQuerySchema = listQuerySchema.extend({
  ...printable,
  status: z.enum(ISSUE_STATUSES).optional(),
  holderId: z.string().max(64).optional(),
  documentId: z.string().max(64).optional(),
});
export const copyQuerySchema = listQuerySchema.extend({
  ...printable,
  of: z
    .string()
    .trim()
    .max(60)
    .optional()
    .describe("The original's registration number (e.g. К-0012/2026): only the copies made of it."),
  originalId: z.string().max(64).optional().describe('The same filter by the original document id.'),
});
export const carrierQuerySchema = listQuerySchema.extend(printable);
export const cabinetQuerySchema = listQuerySchema.extend({
  cabinetId: z.string().max(64).optional().describe('One cabinet; every cabinet when absent.'),
});

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
    copyRegNumber: z.string().describe("The copy's own registration number."),
    purpose: z.string(),
    madeBy: z.string(),
    madeAt: instant,
    classification: z.string().nullable(),
  })
  .meta({ id: 'CopyRow', description: 'A line of the copy journal (R-4.1c).' });
export type CopyRow = z.infer<typeof copyRowSchema>;
export const copyPageSchema = pageOf('CopyRowPage', copyRowSchema);

export const PLACE_KINDS = ['cabinet', 'location', 'issued', 'unstored', 'holder'] as const;
export const CARRIER_TYPES = ['document', 'copy', 'media'] as const;

const cabinetFields = {
  cabinetId: z.string().nullable(),
  cabinetName: z.string().nullable(),
  roomName: z.string().nullable(),
  secureRoom: z.boolean().nullable().describe('The room is a secure office room (R-4.2.2).'),
};

export const carrierRowSchema = z
  .object({
    itemType: z.enum(CARRIER_TYPES),
    itemId: z.string(),
    regNumber: z.string().nullable().describe('Documents and copies; null for a medium.'),
    label: z.string().describe("A document's title, or a medium's label."),
    classification: z.string(),
    state: z.string().nullable().describe("A document's state; null for a medium."),
    custodianId: z
      .string()
      .nullable()
      .describe(
        'Who answers for it now: the person it is issued to, the holder of a medium, otherwise the records clerk in office (null when none is appointed).',
      ),
    custodianName: z.string().nullable(),
    holderId: z.string().nullable().describe('The person it is issued to (a medium: its holder); null when not out.'),
    holderName: z.string().nullable(),
    placeKind: z
      .enum(PLACE_KINDS)
      .describe(
        'cabinet: lies in a registered cabinet; location: kept at a free-text place; issued: out with its holder; unstored: classified, not yet put away; holder: a medium kept by its holder.',
      ),
    location: z.string().nullable().describe('The free-text place (placeKind location).'),
    ...cabinetFields,
    since: instant.describe('When it came to its present custodian or place.'),
  })
  .meta({
    id: 'CarrierRow',
    description:
      'A carrier of confidential information (R-3): a document or copy under a restricted mark still in the school, or a registered medium, with its custodian and place.',
  });
export type CarrierRow = z.infer<typeof carrierRowSchema>;
export const carrierPageSchema = pageOf('CarrierRowPage', carrierRowSchema);

export const cabinetItemRowSchema = z
  .object({
    cabinetId: z.string(),
    cabinetName: z.string(),
    roomName: z.string(),
    secureRoom: z.boolean(),
    itemType: z.enum(['document', 'copy']),
    itemId: z.string(),
    regNumber: z.string(),
    label: z.string(),
    classification: z.string().nullable(),
    state: z.string(),
    present: z.boolean().describe('It lies in the cabinet; false while it is issued (it is due back here).'),
    holderId: z.string().nullable(),
    holderName: z.string().nullable(),
    since: instant,
  })
  .meta({
    id: 'CabinetItemRow',
    description: "One item of a cabinet's contents: every document or copy whose place is that cabinet.",
  });
export type CabinetItemRow = z.infer<typeof cabinetItemRowSchema>;
export const cabinetItemPageSchema = pageOf('CabinetItemRowPage', cabinetItemRowSchema);
