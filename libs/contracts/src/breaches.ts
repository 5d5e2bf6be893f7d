import { z } from 'zod';
import { BreachLimitsSchema, BREACH_CAUSES, BREACH_SEVERITIES, BREACH_STEPS, BREACH_SYSTEMS } from '@grif/domain';
// The machine-free module of workflows/ (see vocabulary.ts).
import { BREACH_STATES, breachEventSchemas, reportBreachSchema } from '../../../workflows/breach-case/events';

const instant = z.iso.datetime({ offset: true });
const person = z.object({ userId: z.string(), name: z.string() });
const step = z.object({ name: z.enum(BREACH_STEPS), dueAt: instant, escalated: z.boolean() });

export const breachStateSchema = z.enum(BREACH_STATES).meta({ id: 'BreachState' });

/** `POST /api/breaches`. */
export const reportBreachRequestSchema = reportBreachSchema.meta({ id: 'ReportBreachRequest' });
export const breachReportedSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    state: z.literal('reported'),
    version: z.int(),
    late: z.boolean().describe('reported later than one working day after discovery (R-5.2.3)'),
    reportDueAt: instant,
  })
  .meta({ id: 'BreachReported' });

export const breachListQuerySchema = z.object({ queue: z.enum(['officer', 'support']).optional() });
export const breachListItemSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    state: breachStateSchema,
    system: z.enum(BREACH_SYSTEMS),
    account: z.string(),
    owner: person.nullable(),
    reporter: person,
    late: z.boolean(),
    discoveredAt: instant,
    reportedAt: instant,
    severity: z.enum(BREACH_SEVERITIES).nullable(),
    step: step.nullable(),
  })
  .meta({ id: 'BreachListItem' });

const by = { by: z.string(), at: instant };
export const breachViewSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    state: breachStateSchema,
    version: z.int(),
    system: z.enum(BREACH_SYSTEMS),
    account: z.string(),
    owner: person.nullable(),
    reporter: person,
    onBehalf: z.boolean(),
    discoveredAt: instant,
    reportedAt: instant,
    reportDueAt: instant,
    late: z.boolean(),
    lateReason: z.string().nullable(),
    description: z.string(),
    triage: z.object({ severity: z.enum(BREACH_SEVERITIES), personalData: z.boolean(), ...by }).nullable(),
    containment: z
      .object({ at: instant, by: z.string(), sessionsRevoked: z.boolean(), resetConfirmedAt: instant.nullable() })
      .nullable(),
    investigation: z
      .object({ cause: z.enum(BREACH_CAUSES), accessed: z.string(), ownerLiable: z.boolean(), ...by })
      .nullable(),
    remediation: z.object({ measures: z.string(), rebriefing: z.boolean(), ...by }).nullable(),
    step: step.nullable(),
    signers: z.array(person.extend({ role: z.string(), signedAt: instant.nullable() })),
    pdfSha256: z.string().nullable(),
    availableEvents: z.array(z.string()),
    blockedEvents: z.array(z.object({ type: z.string(), rule: z.string().optional(), code: z.string() })),
    names: z.record(z.string(), z.string()).describe('display names of everyone the case mentions, by user id'),
  })
  .meta({ id: 'BreachView' });
export type BreachView = z.infer<typeof breachViewSchema>;

/** What a person sends to `POST /api/breaches/{id}/events`; SIGN carries the certificate passphrase, never stored. */
export const breachEventRequestSchema = z
  .union([
    z.strictObject({ type: z.literal('TRIAGE'), ...breachEventSchemas.TRIAGE.shape }),
    z.strictObject({ type: z.literal('CONTAIN') }),
    z.strictObject({ type: z.literal('CONFIRM_RESET') }),
    z.strictObject({ type: z.literal('INVESTIGATE'), ...breachEventSchemas.INVESTIGATE.shape }),
    z.strictObject({ type: z.literal('REMEDIATE'), ...breachEventSchemas.REMEDIATE.shape }),
    z.strictObject({ type: z.literal('SUBMIT_REPORT') }),
    z.strictObject({ type: z.literal('SIGN'), passphrase: z.string().min(1).max(1000) }),
  ])
  .meta({ id: 'BreachEventRequest' });
export const breachEventAcceptedSchema = z
  .object({ state: breachStateSchema, version: z.int(), pdfSha256: z.string().optional() })
  .meta({ id: 'BreachEventAccepted' });

export const accessTraceSchema = z
  .object({
    sessions: z.array(z.object({ createdAt: instant, lastSeenAt: instant.nullable(), client: z.string().nullable() })),
    events: z.array(
      z.object({ at: instant, instanceId: z.string(), type: z.string(), regNumber: z.string().nullable() }),
    ),
  })
  .meta({ id: 'AccessTrace' });

export const breachLimitsSchema = BreachLimitsSchema.meta({ id: 'BreachLimits' });
