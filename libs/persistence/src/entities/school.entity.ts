import { EntitySchema } from '@mikro-orm/core';

export class School {
  constructor(
    public id: string,
    public name: string,
    public createdAt: string,
    /** Short and unique in the install: people sign in as `name@code` (issue 10). */
    public code: string,
  ) {}
}

export const SchoolSchema = new EntitySchema<School>({
  class: School,
  tableName: 'schools',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 300 },
    code: { type: 'string', length: 30, unique: true },
    createdAt: { type: 'string', length: 24 },
  },
});
