import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { breachStatsQuerySchema, breachStatsSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiQueryOf } from '../http/api-contract';
import { BreachStatsService } from './breach-stats.service';

/** Registered before BreachesController: `stats` is not a case id. */
@ApiTags('breaches')
@ApiBearerAuth()
@Controller('api/breaches')
export class BreachStatsController {
  constructor(private readonly stats: BreachStatsService) {}

  /** The officer who runs the cases, the director they answer to, the auditor who checks them. */
  @Get('stats')
  @Roles('security_officer', 'director', 'auditor')
  @ApiQueryOf(breachStatsQuerySchema)
  @ApiAnswer(200, breachStatsSchema, 'Cases reported in the period, late reports, median hours to containment, causes.')
  @ApiErrors(400, 401, 403)
  get(@CurrentActor() actor: Actor, @Query() q: Record<string, string>) {
    return this.stats.stats(actor, q);
  }
}
