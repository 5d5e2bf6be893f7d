import type { EntityManager } from '@mikro-orm/knex';
import type { CalendarSource, SchoolPolicy } from '@grif/engine';
import {
  BreachLimits,
  BreachLimitsSchema,
  DEFAULT_BREACH_LIMITS,
  DEFAULT_CALENDAR,
  DEFAULT_DEADLINE_SETTINGS,
  DeadlineSettings,
  DeadlineSettingsSchema,
  WorkingCalendar,
  WorkingCalendarSchema,
} from '@grif/domain';
import { SchoolSetting } from './entities';
import { RawSql } from './raw-sql';
import { forget, memoInTransaction, remember } from './transaction-memo';
import type { WriteTransactions } from './write-transactions';

const DEFAULTS: SchoolPolicy = {
  calendar: DEFAULT_CALENDAR,
  deadlines: DEFAULT_DEADLINE_SETTINGS,
  breachLimits: DEFAULT_BREACH_LIMITS,
};
// A stored value was validated when it was written; parsing again guards against a hand-edited row.
const SCHEMAS = {
  calendar: WorkingCalendarSchema,
  deadlines: DeadlineSettingsSchema,
  breachLimits: BreachLimitsSchema,
} as const;

/**
 * The school's own settings, each falling back to the default Grif ships with (school No. 35's). Every event
 * reads them: once per write transaction (group commit runs many events in one), in plain SQL (see RawSql).
 */
export function readPolicy(em: EntityManager, schoolId: string): Promise<SchoolPolicy> {
  return memoInTransaction(em, policyKey(schoolId), () => loadPolicy(em, schoolId));
}

const policyKey = (schoolId: string) => `policy:${schoolId}`;

async function loadPolicy(em: EntityManager, schoolId: string): Promise<SchoolPolicy> {
  const rows = await new RawSql(em).rows<SettingRow>('select name, value from school_settings where school_id = ?', [
    schoolId,
  ]);
  return policyOf(rows);
}

/** The school's settings rows, read with a batch's other reads (step-reads.ts), kept for the transaction. */
export function rememberPolicy(em: EntityManager, schoolId: string, rows: SettingRow[]): void {
  remember(em, policyKey(schoolId), policyOf(rows));
}

interface SettingRow {
  name: string;
  value: string;
}

function policyOf(rows: SettingRow[]): SchoolPolicy {
  const policy = { ...DEFAULTS };
  for (const r of rows) {
    if (r.name === 'calendar') policy.calendar = parsedSetting('calendar', r.value);
    if (r.name === 'deadlines') policy.deadlines = parsedSetting('deadlines', r.value);
    if (r.name === 'breachLimits') policy.breachLimits = parsedSetting('breachLimits', r.value);
  }
  return policy;
}

/**
 * A stored setting parsed and checked once per distinct text: every event reads its school's, and a calendar
 * with a year of holidays costs more to check than the event's statements.
 */
function parsedSetting<K extends keyof SchoolPolicy>(name: K, text: string): SchoolPolicy[K] {
  const key = `${name}:${text}`;
  let value = parsedSettings.get(key);
  if (value === undefined) {
    if (parsedSettings.size >= 256) parsedSettings.clear();
    parsedSettings.set(key, (value = deepFreeze(SCHEMAS[name].parse(JSON.parse(text)))));
  }
  return value as SchoolPolicy[K];
}
const parsedSettings = new Map<string, SchoolPolicy[keyof SchoolPolicy]>();

/** Shared between events, so frozen: a caller that tried to change one would throw instead of changing the next event's. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export async function writePolicy<K extends keyof SchoolPolicy>(
  em: EntityManager,
  schoolId: string,
  name: K,
  value: SchoolPolicy[K],
  by: string,
  at: string,
): Promise<void> {
  const json = JSON.stringify(value);
  forget(em, policyKey(schoolId));
  const n = await em.nativeUpdate(SchoolSetting, { schoolId, name }, { value: json, updatedAt: at, updatedBy: by });
  if (!n) await em.insert(SchoolSetting, new SchoolSetting(schoolId, name, json, at, by));
}

/** The settings as readers outside a transaction see them (screens, the end-of-day job). */
export class StoredCalendarSource implements CalendarSource {
  constructor(private readonly tx: WriteTransactions) {}

  async calendarFor(schoolId: string): Promise<WorkingCalendar> {
    return (await readPolicy(this.tx.reader() as EntityManager, schoolId)).calendar;
  }

  async deadlinesFor(schoolId: string): Promise<DeadlineSettings> {
    return (await readPolicy(this.tx.reader() as EntityManager, schoolId)).deadlines;
  }

  async breachLimitsFor(schoolId: string): Promise<BreachLimits> {
    return (await readPolicy(this.tx.reader() as EntityManager, schoolId)).breachLimits;
  }

  async changedAt(schoolId: string, name: keyof SchoolPolicy): Promise<{ at: string; by: string } | null> {
    const row = await this.tx.reader().findOne(SchoolSetting, { schoolId, name }, { disableIdentityMap: true });
    return row ? { at: row.updatedAt, by: row.updatedBy } : null;
  }
}
