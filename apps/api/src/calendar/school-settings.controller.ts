import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  calendarChangeSchema,
  deadlineSettingsBodySchema,
  deadlineSettingsSchema,
  schoolCalendarViewSchema,
  workingCalendarSchema,
} from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { SchoolSettingsService } from './school-settings.service';

/** Everyone plans by the calendar and the ladder; the director, who orders the school's working time, sets them. */
@ApiTags('calendar')
@ApiBearerAuth()
@Controller('api')
export class SchoolSettingsController {
  constructor(private readonly settings: SchoolSettingsService) {}

  @AnyUser("own school only: everyone plans by the school's working calendar")
  @Get('calendar')
  @ApiAnswer(200, schoolCalendarViewSchema, "The school's working calendar: hours, working week, dated entries.")
  @ApiErrors(401, 403)
  calendar(@CurrentActor() actor: Actor) {
    return this.settings.calendar(actor);
  }

  @Put('calendar')
  @Roles('director')
  @ApiJsonBody(workingCalendarSchema)
  @ApiAnswer(200, calendarChangeSchema, 'Saved; running deadlines it moves were set again in the same transaction.')
  @ApiErrors(400, 401, 403)
  changeCalendar(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.settings.changeCalendar(actor, body);
  }

  @AnyUser("own school only: everyone plans by the school's deadline settings")
  @Get('settings/deadlines')
  @ApiAnswer(200, deadlineSettingsSchema, 'The reminder lead, when the director is told, the default issue length.')
  @ApiErrors(401, 403)
  deadlines(@CurrentActor() actor: Actor) {
    return this.settings.deadlines(actor);
  }

  @Put('settings/deadlines')
  @Roles('director')
  @ApiJsonBody(deadlineSettingsBodySchema)
  @ApiAnswer(200, deadlineSettingsSchema, 'Saved; running reminders and escalations follow.')
  @ApiErrors(400, 401, 403)
  changeDeadlines(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.settings.changeDeadlines(actor, body);
  }
}
