import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { breachLimitsSchema } from '@grif/contracts';
import { Actor, BreachLimitsSchema } from '@grif/domain';
import { CALENDAR_SOURCE, CalendarSource, WorkflowEngine } from '@grif/engine';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { parseBody } from '../http/zod-body';

/** How many working hours each step of a breach case may take; the director sets them. */
@ApiTags('breaches')
@ApiBearerAuth()
@Controller('api/settings/breach-limits')
export class BreachLimitsController {
  constructor(
    private readonly engine: WorkflowEngine,
    @Inject(CALENDAR_SOURCE) private readonly settings: CalendarSource,
  ) {}

  @AnyUser('own school only: every case step is planned by these limits (R-5.2.3)')
  @Get()
  @ApiAnswer(200, breachLimitsSchema, 'The limit of each step, in working hours of the school calendar.')
  @ApiErrors(401)
  limits(@CurrentActor() actor: Actor) {
    return this.settings.breachLimitsFor(actor.schoolId);
  }

  @Put()
  @Roles('director')
  @ApiJsonBody(breachLimitsSchema)
  @ApiAnswer(200, breachLimitsSchema, 'Saved; steps begun from now on take these limits.')
  @ApiErrors(400, 401, 403)
  async change(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const value = parseBody(BreachLimitsSchema, body);
    await this.engine.changePolicy(actor, 'breachLimits', value);
    return value;
  }
}
