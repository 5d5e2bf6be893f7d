import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { calendarDaySchema, calendarDaysQuerySchema } from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiQueryOf } from '../http/api-contract';
import { ReaderLang } from '../http/reader-lang.decorator';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** Open to every staff role: everyone plans by the school's working days. */
  @AnyUser("own school only: everyone plans by the school's working days")
  @Get('days')
  @ApiQueryOf(calendarDaysQuerySchema)
  @ApiAnswer(200, calendarDaySchema.array(), 'One entry per day of the range, in Asia/Bishkek.')
  @ApiErrors(400, 401, 403)
  days(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ReaderLang() lang: Lang) {
    return this.calendar.days(actor, q, lang);
  }
}
