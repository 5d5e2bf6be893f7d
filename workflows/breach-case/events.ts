import { z } from 'zod';
import { BREACH_CAUSES, BREACH_SEVERITIES, BREACH_SYSTEMS } from '@grif/domain';
import { actEventSchemas } from '../acts/act-events';

const text = (max: number) => z.string().trim().min(1).max(max);

/** `POST /api/breaches`: who reports what, and when it was discovered. */
export const reportBreachSchema = z.strictObject({
  system: z.enum(BREACH_SYSTEMS),
  /** The account's login: a Grif username, or the portal login. */
  account: text(200),
  discoveredAt: z.iso.datetime({ offset: true }),
  description: text(4000),
  /** Required when the report is later than one working day after discovery. */
  lateReason: text(2000).optional(),
  /** Support or the officer reporting for someone else names the owner of a portal account. */
  ownerId: text(64).optional(),
});
export type ReportBreach = z.infer<typeof reportBreachSchema>;

export const breachEventSchemas = {
  TRIAGE: z.strictObject({ severity: z.enum(BREACH_SEVERITIES), personalData: z.boolean() }),
  CONTAIN: z.strictObject({}),
  CONFIRM_RESET: z.strictObject({}),
  INVESTIGATE: z.strictObject({ cause: z.enum(BREACH_CAUSES), accessed: text(4000) }),
  REMEDIATE: z.strictObject({ measures: text(4000), rebriefing: z.boolean() }),
  SUBMIT_REPORT: z.strictObject({}),
  RENDERED: actEventSchemas.RENDERED,
  SIGN: actEventSchemas.SIGN,
  /** A step's limit in working hours has passed (a deadline's alarm). */
  STEP_OVERDUE: z.strictObject({ deadlineKey: text(100), deadlineId: text(64) }),
} as const;

export type BreachEventType = keyof typeof breachEventSchemas;
export type BreachPayload<T extends BreachEventType> = z.infer<(typeof breachEventSchemas)[T]>;

/** The states of a case, for clients that list them without the machine. */
export const BREACH_STATES = [
  'reported',
  'triaged',
  'awaiting_reset',
  'contained',
  'investigated',
  'remediated',
  'rendering',
  'awaiting_signatures',
  'closed',
] as const;
