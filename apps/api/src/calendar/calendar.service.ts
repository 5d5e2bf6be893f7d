import { Inject, Injectable } from '@nestjs/common';
import { CalendarDay, calendarDaysQuerySchema } from '@grif/contracts';
import { Actor, daysBetween, Lang } from '@grif/domain';
import { CALENDAR_SOURCE, CalendarSource } from '@grif/engine';
import { parseBody } from '../http/zod-body';

/** The school's working calendar as people read it: one line per day, names in their language. */
@Injectable()
export class CalendarService {
  constructor(@Inject(CALENDAR_SOURCE) private readonly calendars: CalendarSource) {}

  async days(actor: Actor, query: unknown, lang: Lang): Promise<CalendarDay[]> {
    const { from, to } = parseBody(calendarDaysQuerySchema, query);
    const calendar = await this.calendars.calendarFor(actor.schoolId);
    return daysBetween(calendar, from, to).map((d) => ({
      date: d.date,
      kind: d.kind,
      name: d.name?.[lang] ?? null,
      opens: d.opens,
      closes: d.closes,
      estimated: d.estimated,
    }));
  }
}
