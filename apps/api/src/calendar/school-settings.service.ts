import { Inject, Injectable } from '@nestjs/common';
import { CalendarChange, deadlineSettingsBodySchema, SchoolCalendarView, workingCalendarSchema } from '@grif/contracts';
import { Actor, DEFAULT_DEADLINE_SETTINGS, DeadlineSettings } from '@grif/domain';
import { CALENDAR_SOURCE, CalendarSource, WorkflowEngine } from '@grif/engine';
import { PeopleRepository } from '@grif/persistence';
import { parseBody } from '../http/zod-body';

/** The school's working calendar and deadline ladder: read by everyone, changed by the director. */
@Injectable()
export class SchoolSettingsService {
  constructor(
    @Inject(CALENDAR_SOURCE) private readonly settings: CalendarSource,
    private readonly engine: WorkflowEngine,
    private readonly people: PeopleRepository,
  ) {}

  async calendar(actor: Actor): Promise<SchoolCalendarView> {
    const changed = await this.settings.changedAt(actor.schoolId, 'calendar');
    return {
      calendar: await this.settings.calendarFor(actor.schoolId),
      updatedAt: changed?.at ?? null,
      updatedBy: changed ? await this.people.nameOf(actor.schoolId, changed.by) : null,
    };
  }

  /** Every pending deadline the change moves is set again in the same transaction. */
  async changeCalendar(actor: Actor, body: unknown): Promise<CalendarChange> {
    const calendar = parseBody(workingCalendarSchema, body);
    const { moved } = await this.engine.changePolicy(actor, 'calendar', calendar);
    return { ...(await this.calendar(actor)), movedDeadlines: moved };
  }

  deadlines(actor: Actor): Promise<DeadlineSettings> {
    return this.settings.deadlinesFor(actor.schoolId);
  }

  /** A new reminder lead or escalation delay reaches the issues already running, as a calendar change does. */
  async changeDeadlines(actor: Actor, body: unknown): Promise<DeadlineSettings> {
    const parsed = parseBody(deadlineSettingsBodySchema, body);
    const value = { defaultReturnDays: DEFAULT_DEADLINE_SETTINGS.defaultReturnDays, ...parsed };
    await this.engine.changePolicy(actor, 'deadlines', value);
    return value;
  }
}
