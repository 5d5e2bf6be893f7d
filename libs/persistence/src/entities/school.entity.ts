import { EntitySchema } from '@mikro-orm/core';

export class School {
  constructor(
    public id: string,
    public name: string,
    public createdAt: string,
  ) {}
}

export const SchoolSchema = new EntitySchema<School>({
  class: School,
  tableName: 'schools',
  properties: {
    id: { type: 'string', primary: true, length: 36 },
    name: { type: 'string', length: 300 },
    createdAt: { type: 'string', length: 24 },
  },
});
