import { EntitySchema } from '@mikro-orm/core';

/** The names of a school's settings: its working calendar, its deadline ladder, its sealed audit-export key. */
export type SchoolSettingName = 'calendar' | 'deadlines' | 'breachLimits' | 'auditSigningKey';

/** One of a school's settings, as JSON; absent means the default Grif ships with. */
export class SchoolSetting {
  constructor(
    public schoolId: string,
    public name: SchoolSettingName,
    public value: string,
    public updatedAt: string,
    public updatedBy: string,
  ) {}
}

export const SchoolSettingSchema = new EntitySchema<SchoolSetting>({
  class: SchoolSetting,
  tableName: 'school_settings',
  properties: {
    schoolId: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', primary: true, length: 30 },
    value: { type: 'text' },
    updatedAt: { type: 'string', length: 24 },
    updatedBy: { type: 'string', length: 36 },
  },
});
