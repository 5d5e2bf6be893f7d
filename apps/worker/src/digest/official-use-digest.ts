import { Inject, Injectable, Logger } from '@nestjs/common';
import { CALENDAR_SOURCE, CalendarSource, CLOCK, Clock } from '@grif/engine';
import { DailyDigests, SchoolsRepository } from '@grif/persistence';
import { NotificationMailer } from '../mail/notification-mailer';
import { closedWorkingDay } from './closed-working-day';

/**
 * End of each working day: every For Official Use item not back in storage, listed for the records
 * clerk and the information-security officer of each school (R-4.2.3 wants them back the same day).
 * Run every GRIF_DIGEST_MS by a job scheduler; a run before the close, a second run, a retry or a
 * concurrent worker writes nothing, because the digest of a (school, date) is made once, in one
 * transaction with its notifications. An empty list is still sent ("everything is back"): the clerk
 * then knows the check ran.
 */
@Injectable()
export class OfficialUseDigest {
  private readonly log = new Logger('digest');

  constructor(
    private readonly schools: SchoolsRepository,
    private readonly digests: DailyDigests,
    private readonly mailer: NotificationMailer,
    @Inject(CALENDAR_SOURCE) private readonly calendars: CalendarSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One pass over every school; answers how many digests it made. */
  async run(): Promise<number> {
    const now = this.clock.now();
    let made = 0;
    for (const schoolId of await this.schools.ids()) {
      const date = closedWorkingDay(await this.calendars.calendarFor(schoolId), now);
      if (!date || (await this.digests.has(schoolId, date))) continue;
      const digest = await this.digests.write(schoolId, date, now);
      if (!digest) continue; // another worker made it a moment ago
      made++;
      this.log.log(`school ${schoolId}, ${date}: ${digest.items} For Official Use items out, ${digest.notified} told`);
      // The digest is written; its e-mails can wait for the reconciler's pass if the SMTP server is away.
      await this.mailer.send({ digestId: digest.digestId }).catch((err: unknown) => {
        this.log.warn(`digest ${digest.digestId}: e-mail not sent now, tried again later: ${(err as Error).message}`);
      });
    }
    return made;
  }
}
