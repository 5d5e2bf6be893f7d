import { Injectable } from '@nestjs/common';
import { ActLanguage, renderAct } from '@grif/acts';
import { PeopleRepository, SchoolsRepository } from '@grif/persistence';
import type { ActContextBase } from '@grif/workflows';
import { actContent } from './act-content';

type AnyActContext = ActContextBase & {
  order?: { number: string; date: string };
  outgoingClerkId?: string;
  incomingClerkId?: string;
};

/** An act's PDF from its machine's context, in the school's and the people's own names. */
@Injectable()
export class ActRenderer {
  constructor(
    private readonly schools: SchoolsRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** `printout`: the paper copy of a signed act, with each signature's time and the signed PDF's hash. */
  async render(
    schoolId: string,
    c: AnyActContext,
    language: ActLanguage = 'ky',
    printout = false,
  ): Promise<Uint8Array> {
    const names = await this.people.namesOf(schoolId);
    const school = (await this.schools.nameOf(schoolId)) ?? '';
    const content = actContent(
      c,
      school,
      {
        order: c.order,
        outgoingName: c.outgoingClerkId ? names.get(c.outgoingClerkId) : undefined,
        incomingName: c.incomingClerkId ? names.get(c.incomingClerkId) : undefined,
        printout,
        names,
      },
      language,
    );
    return renderAct(content, { language, timeZone: 'Asia/Bishkek' });
  }
}
