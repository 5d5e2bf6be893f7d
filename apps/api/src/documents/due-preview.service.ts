import { Inject, Injectable } from '@nestjs/common';
import { DuePreview, duePreviewQuerySchema } from '@grif/contracts';
import { Actor, GrifError, returnTerms } from '@grif/domain';
import { CALENDAR_SOURCE, CalendarSource, CLOCK, type Clock, WorkflowEngine } from '@grif/engine';
import type { DocumentContext } from '@grif/workflows';
import { parseBody } from '../http/zod-body';

/** What an ISSUE made now would be due, by the same rule the machine applies, so the clerk sees it before confirming. */
@Injectable()
export class DuePreviewService {
  constructor(
    private readonly engine: WorkflowEngine,
    @Inject(CALENDAR_SOURCE) private readonly settings: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async preview(actor: Actor, id: string, query: unknown): Promise<DuePreview> {
    const { dueAt } = parseBody(duePreviewQuerySchema, query);
    const view = await this.engine.view(actor, id);
    // a document's route answers for documents only.
    if (view.instance.machineId !== 'document') throw new GrifError('not_found', 'NOT_FOUND');
    const mark = (view.snapshot.context as DocumentContext).classification;
    const [calendar, deadlines] = await Promise.all([
      this.settings.calendarFor(actor.schoolId),
      this.settings.deadlinesFor(actor.schoolId),
    ]);
    const terms = returnTerms(calendar, deadlines, mark, this.clock.now(), dueAt);
    return { ...terms, rule: terms.latest ? 'R-4.2.3' : null };
  }
}
