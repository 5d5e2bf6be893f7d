import type { EntityManager } from '@mikro-orm/knex';
import type { CalendarSource, SchoolPolicy } from '@grif/engine';
import {
  DEFAULT_CALENDAR,
  DEFAULT_DEADLINE_SETTINGS,
  DeadlineSettings,
  DeadlineSettingsSchema,
  WorkingCalendar,
  WorkingCalendarSchema,
} from '@grif/domain';
import { SchoolSetting } from './entities';
import { RawSql } from './raw-sql';
import type { WriteTransactions } from './write-transactions';

const DEFAULTS: SchoolPolicy = { calendar: DEFAULT_CALENDAR, deadlines: DEFAULT_DEADLINE_SETTINGS };
// A stored value was validated when it was written; parsing again guards against a hand-edited row.
const SCHEMAS = { calendar: WorkingCalendarSchema, deadlines: DeadlineSettingsSchema } as const;

/** The school's own settings, each falling back to the default Grif ships with (school No. 35's). */
export async function readPolicy(em: EntityManager, schoolId: string): Promise<SchoolPolicy> {
  // Read by every event: plain SQL (see RawSql).
  const rows = await new RawSql(em).rows<{ name: string; value: string }>(
    'select name, value from school_settings where school_id = ?',
    [schoolId],
  );
  const policy = { ...DEFAULTS };
  for (const r of rows) {
    if (r.name === 'calendar') policy.calendar = SCHEMAS.calendar.parse(JSON.parse(r.value));
    if (r.name === 'deadlines') policy.deadlines = SCHEMAS.deadlines.parse(JSON.parse(r.value));
  }
  return policy;
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

  async changedAt(schoolId: string, name: keyof SchoolPolicy): Promise<{ at: string; by: string } | null> {
    const row = await this.tx.reader().findOne(SchoolSetting, { schoolId, name }, { disableIdentityMap: true });
    return row ? { at: row.updatedAt, by: row.updatedBy } : null;
  }
}
