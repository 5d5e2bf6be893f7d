import { Injectable } from '@nestjs/common';
import { User } from '@grif/persistence';
import { GrifRuntime } from '@grif/runtime';

/** Display names of a school's people, so answers show who, not an id. */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly rt: GrifRuntime) {}

  async names(schoolId: string): Promise<Map<string, string>> {
    const users = await this.rt.transactions.reader().find(User, { schoolId }, { fields: ['id', 'displayName'] });
    return new Map([...users.map((u) => [u.id, u.displayName] as [string, string]), ['system', 'Grif']]);
  }

  async nameOf(schoolId: string, id: string): Promise<string> {
    const u = await this.rt.transactions.reader().findOne(User, { id, schoolId }, { fields: ['displayName'] });
    return u?.displayName ?? id;
  }
}
