import { Injectable } from '@nestjs/common';
import { User } from '@grif/persistence';
import { WriteTransactions } from '@grif/persistence';
import { CLOCK, Clock } from '@grif/engine';
import { Inject } from '@nestjs/common';

/** Display names of a school's people, so answers show who, not an id. */
@Injectable()
export class PeopleDirectory {
  constructor(private readonly tx: WriteTransactions, @Inject(CLOCK) private readonly clock: Clock) {}

  async names(schoolId: string): Promise<Map<string, string>> {
    const users = await this.tx.reader().find(User, { schoolId }, { fields: ['id', 'displayName'] });
    return new Map([...users.map((u) => [u.id, u.displayName] as [string, string]), ['system', 'Grif']]);
  }

  async nameOf(schoolId: string, id: string): Promise<string> {
    const u = await this.tx.reader().findOne(User, { id, schoolId }, { fields: ['displayName'] });
    return u?.displayName ?? id;
  }
}
