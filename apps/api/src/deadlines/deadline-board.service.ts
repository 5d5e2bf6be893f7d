import { Inject, Injectable } from '@nestjs/common';
import type { DeadlineBoard, DeadlineBoardItem } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CALENDAR_SOURCE, CLOCK, type CalendarSource, type Clock } from '@grif/engine';
import { DeadlineBoardQueries, PeopleRepository, type OutstandingItem } from '@grif/persistence';
import { schoolDay } from './school-day';

/**
 * The records office's day: every document out that is late, and every one due back before today
 * ends on the school's calendar. Late means the ladder already said so (overdue, escalated) or the
 * due time has passed and its alarm is still on its way: the board does not wait for the alarm.
 */
@Injectable()
export class DeadlineBoardService {
  constructor(
    private readonly board: DeadlineBoardQueries,
    private readonly people: PeopleRepository,
    @Inject(CALENDAR_SOURCE) private readonly calendars: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async today(actor: Actor): Promise<DeadlineBoard> {
    const now = this.clock.now();
    const { zone } = await this.calendars.calendarFor(actor.schoolId);
    const day = schoolDay(now, zone);
    const [items, names] = await Promise.all([
      this.board.outstanding(actor.schoolId, day.endsAt.toISOString()),
      this.people.namesOf(actor.schoolId),
    ]);
    const asOf = now.toISOString();
    const late = (i: OutstandingItem) => i.state !== 'issued' || (i.dueAt !== null && i.dueAt <= asOf);
    const view = (i: OutstandingItem): DeadlineBoardItem => ({
      documentId: i.documentId,
      regNumber: i.regNumber,
      title: i.title,
      classification: i.classification as DeadlineBoardItem['classification'],
      holderName: i.holderId ? (names.get(i.holderId) ?? i.holderId) : '—',
      issuedAt: i.issuedAt,
      dueAt: i.dueAt,
      state: i.state,
    });
    return {
      asOf,
      today: day.date,
      overdue: items.filter(late).map(view),
      dueToday: items.filter((i) => !late(i)).map(view),
    };
  }
}
