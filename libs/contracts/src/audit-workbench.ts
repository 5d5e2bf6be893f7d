import { z } from 'zod';

/**
 * The auditor's workbench (read-only): event search, an instance's timeline with the context's diff
 * at each step, its statechart read from the machine definition, and its printable history.
 */
const day = z.iso.date();

export const auditEventQuerySchema = z
  .object({
    actor: z
      .string()
      .max(36)
      .optional()
      .describe('The id of the person who sent the events (chosen by name in the UI).'),
    type: z.string().max(60).optional().describe('The event type, e.g. ISSUE.'),
    from: day.optional().describe('The first day, yyyy-MM-dd in Asia/Bishkek.'),
    to: day.optional().describe('The last day, included, yyyy-MM-dd in Asia/Bishkek.'),
    documentId: z.string().max(36).optional().describe("A document's events."),
    caseId: z.string().max(36).optional().describe("A breach case's events."),
    instanceId: z.string().max(36).optional().describe("Any instance's events (a document, a case, an act)."),
    subject: z
      .string()
      .max(60)
      .optional()
      .describe("By what a reader knows it: a document's reg number, a breach case's or an act's number (exact)."),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'the last day is before the first' });
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export const auditEventSchema = z
  .object({
    instanceId: z.string(),
    machine: z.string().describe('document, destruction, custody_transfer or breach_case.'),
    seq: z.int().min(1),
    type: z.string(),
    at: z.iso.datetime({ offset: true }),
    actorName: z.string().describe("The sender's display name (Grif for the system's own events)."),
    subject: z
      .string()
      .describe("What the instance is to a reader: a document's reg number, a case's or an act's number."),
  })
  .meta({ id: 'AuditEvent' });
export const auditEventPageSchema = z
  .object({ items: z.array(auditEventSchema), total: z.int().min(0), page: z.int().min(1), pageSize: z.int().min(1) })
  .meta({ id: 'AuditEventPage' });
export type AuditEventPage = z.infer<typeof auditEventPageSchema>;

export const auditInstanceSchema = z
  .object({ id: z.string(), machine: z.string(), subject: z.string(), state: z.string() })
  .meta({ id: 'AuditInstance' });

export const contextChangeSchema = z
  .object({
    path: z.string().describe('Dotted path in the context, e.g. holder.displayName.'),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
  })
  .meta({ id: 'ContextChange' });

export const timelineSchema = z
  .object({
    instance: auditInstanceSchema,
    steps: z.array(
      z.object({
        seq: z.int().min(1),
        type: z.string(),
        at: z.iso.datetime({ offset: true }),
        actorName: z.string(),
        fromState: z.string().nullable(),
        state: z.string(),
        diff: z.array(contextChangeSchema),
      }),
    ),
    names: z
      .record(z.string(), z.string())
      .describe(
        'What each id in the changes names (a person, "room / cabinet", "index — title"): show these, not ids.',
      ),
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof timelineSchema>;

const arrow = z.object({ from: z.string(), to: z.string(), event: z.string() });
export const statechartSchema = z
  .object({
    machine: z.string(),
    version: z.int().min(1),
    states: z.array(
      z.object({
        id: z.string().describe('Dotted path below the root, the same words as the history states.'),
        key: z.string(),
        parent: z.string().nullable(),
        initial: z.boolean(),
        final: z.boolean(),
      }),
    ),
    transitions: z.array(arrow),
    current: z.array(z.string()).describe('The current state and its ancestors.'),
    visited: z.array(z.string()),
    taken: z
      .array(arrow)
      .describe('The arrows of the definition the history took (a step it has none for, as recorded).'),
  })
  .meta({ id: 'Statechart' });
export type StatechartAnswer = z.infer<typeof statechartSchema>;

export const historyPdfQuerySchema = z.object({
  lang: z.enum(['ky', 'ru'], { error: 'a printed history is in ky or ru' }).optional(),
});
