import { z } from 'zod';
import { addWorkingDays, addWorkingHours } from './calendar';
import type { WorkingCalendar } from './calendar';

/** Where the breached account lives: the school portal or Grif itself. */
export const BREACH_SYSTEMS = ['portal', 'grif'] as const;
export type BreachSystem = (typeof BREACH_SYSTEMS)[number];
export const BREACH_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type BreachSeverity = (typeof BREACH_SEVERITIES)[number];
/** What the investigation finds; shared credentials break and make the owner liable. */
export const BREACH_CAUSES = ['shared_credentials', 'phishing', 'lost_device', 'weak_password', 'unknown'] as const;
export type BreachCause = (typeof BREACH_CAUSES)[number];

/** The steps of a case, each with a limit in working hours from when it began. */
export const BREACH_STEPS = ['triage', 'containment', 'investigation', 'remediation', 'report'] as const;
export type BreachStep = (typeof BREACH_STEPS)[number];

const hours = z.number().positive().max(400);
export const BreachLimitsSchema = z.strictObject({
  triageHours: hours,
  containmentHours: hours,
  investigationHours: hours,
  remediationHours: hours,
  reportHours: hours,
});
export type BreachLimits = z.infer<typeof BreachLimitsSchema>;

/** The school's default: triage the same half-day, contain at once, a day or three for the rest. */
export const DEFAULT_BREACH_LIMITS: BreachLimits = {
  triageHours: 4,
  containmentHours: 2,
  investigationHours: 16,
  remediationHours: 24,
  reportHours: 16,
};

/** a breach is reported within one working day of its discovery, on the school's calendar. */
export const breachReportDueAt = (cal: WorkingCalendar, discoveredAt: string): string =>
  addWorkingDays(cal, new Date(discoveredAt), 1).toISOString();

/** When a step that begins at `from` must be done: its limit in working hours on the school's calendar. */
export function breachStepDueAt(cal: WorkingCalendar, limits: BreachLimits, step: BreachStep, from: string): string {
  return addWorkingHours(cal, new Date(from), limits[`${step}Hours`]).toISOString();
}
