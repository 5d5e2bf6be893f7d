import { DateTime } from 'luxon';
import {
  breachReportDueAt,
  breachStepDueAt,
  GrifError,
  hasRole,
  type Actor,
  type BreachLimits,
  type WorkingCalendar,
} from '@grif/domain';
import type { Fact, PersonFact } from '../definition';
import type { ReportBreach } from './events';
import type { BreachContext, BreachInput } from './machine';

/** What reporting needs from the store, inside the reporting transaction. */
export interface BreachStore {
  nextJournalNumber(schoolId: string, year: number, direction: string): Promise<number>;
  userByUsername(schoolId: string, username: string): Promise<{ id: string; displayName: string } | null>;
  policy(schoolId: string): Promise<{ calendar: WorkingCalendar; breachLimits: BreachLimits }>;
}

/** Support and the officer report for anyone; anyone else only for their own account. */
export const BREACH_DESKS = ['tech_support', 'security_officer'] as const;

const invalid = (field: string, message: string) =>
  new GrifError('invalid', 'VALIDATION_FAILED', { fields: [{ field, message }] });

/**
 * How a breach is reported, in the shape the engine's create() takes.: the report is due one working day
 * after discovery on the school's calendar; a later one is `late` and must say why (400 naming `lateReason`).
 */
export function breachReport(actor: Actor) {
  return {
    input: async (
      store: BreachStore,
      at: Date,
      payload: unknown,
      facts: Record<string, Fact>,
      actId: string,
    ): Promise<BreachInput> => {
      const p = payload as ReportBreach;
      const now = at.toISOString();
      if (new Date(p.discoveredAt).getTime() > at.getTime()) throw invalid('discoveredAt', 'in the future');
      const desk = hasRole(actor, ...BREACH_DESKS);
      let ownerId: string | null;
      if (p.system === 'grif') {
        const owner = await store.userByUsername(actor.schoolId, p.account);
        if (!owner) throw invalid('account', 'no such Grif account in this school');
        if (!desk && owner.id !== actor.userId) throw new GrifError('forbidden', 'ROLE_REQUIRED');
        ownerId = owner.id;
      } else {
        if (p.ownerId && !desk && p.ownerId !== actor.userId) throw new GrifError('forbidden', 'ROLE_REQUIRED');
        ownerId = p.ownerId ? ((facts.ownerId as PersonFact | undefined)?.id ?? null) : desk ? null : actor.userId;
      }
      const { calendar, breachLimits } = await store.policy(actor.schoolId);
      const reportDueAt = breachReportDueAt(calendar, new Date(p.discoveredAt).toISOString());
      const late = now > reportDueAt;
      if (late && !p.lateReason) throw invalid('lateReason', `required: the report is due by ${reportDueAt} (R-5.2.3)`);
      const year = DateTime.fromJSDate(at, { zone: 'Asia/Bishkek' }).year;
      const seq = await store.nextJournalNumber(actor.schoolId, year, 'breach_case');
      return {
        actId,
        number: `Б-${seq}/${year}`,
        year,
        createdAt: now,
        createdBy: actor.userId,
        system: p.system,
        account: p.account,
        ownerId,
        reporterId: actor.userId,
        onBehalf: ownerId !== actor.userId,
        discoveredAt: new Date(p.discoveredAt).toISOString(),
        reportedAt: now,
        reportDueAt,
        late,
        lateReason: late ? (p.lateReason ?? null) : null,
        description: p.description,
        firstStepDueAt: breachStepDueAt(calendar, breachLimits, 'triage', now),
      };
    },
    describe: (c: BreachContext) => ({ number: c.number, late: c.late, reportDueAt: c.reportDueAt }),
  };
}
