import { Body, Controller, Get, Headers, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import {
  accessTraceSchema,
  breachEventAcceptedSchema,
  breachEventRequestSchema,
  breachListItemSchema,
  breachListQuerySchema,
  breachReportedSchema,
  breachViewSchema,
  historyItemSchema,
  reportBreachRequestSchema,
} from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, Roles } from '../auth/roles.decorator';
import { AnswerStatus } from '../http/answer-status';
import { eventRequest, EventRoute } from '../http/event-route';
import { ApiAnswer, ApiErrors, ApiJsonBody, ApiQueryOf } from '../http/api-contract';
import { BreachesService } from './breaches.service';

@ApiTags('breaches')
@ApiBearerAuth()
@Controller('api/breaches')
export class BreachesController {
  constructor(private readonly breaches: BreachesService) {}

  @AnyUser(
    'R-5.2.3: anyone reports a breach of their own account; support and the officer for anyone (the workflow decides)',
  )
  @Post()
  @UseInterceptors(AnswerStatus)
  @ApiJsonBody(reportBreachRequestSchema)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'the same key answers the same 201 again' })
  @ApiAnswer(201, breachReportedSchema, 'Reported (R-5.2.3); `late` when after one working day from discovery.')
  @ApiErrors(400, 401, 403, 409, 422)
  report(@CurrentActor() actor: Actor, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined) {
    return this.breaches.report(actor, body, key);
  }

  @AnyUser('R-5.2.3: the desks see every case of the school; anyone else the cases they reported or own (canSeeBreach)')
  @Get()
  @ApiQueryOf(breachListQuerySchema)
  @ApiAnswer(200, breachListItemSchema.array(), 'Cases, newest first; a reporter sees their own only.')
  @ApiErrors(400, 401, 403)
  list(@CurrentActor() actor: Actor, @Query('queue') queue: string | undefined) {
    return this.breaches.list(actor, queue);
  }

  @AnyUser("R-5.2.3: canSeeBreach: the desks, or the case's reporter or owner; anyone else 404")
  @Get(':id')
  @ApiAnswer(200, breachViewSchema, 'The case, its current step and deadline, and what the caller may do now.')
  @ApiErrors(401, 403, 404)
  get(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.breaches.get(actor, id);
  }

  @AnyUser("R-5.2.3: canSeeBreach, then the event's roles in the breach workflow")
  @EventRoute(breachEventRequestSchema, breachEventAcceptedSchema)
  send(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return this.breaches.send(actor, id, eventRequest(body, headers));
  }

  @AnyUser("R-5.2.3: canSeeBreach: the desks, or the case's reporter or owner; anyone else 404")
  @Get(':id/history')
  @ApiAnswer(200, historyItemSchema.array(), 'The hash-chained history, oldest first.')
  @ApiErrors(401, 403, 404)
  history(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.breaches.history(actor, id);
  }

  @Get(':id/access-trace')
  @Roles('security_officer')
  @ApiAnswer(200, accessTraceSchema, "A Grif account's sessions and events around the breach, for the investigation.")
  @ApiErrors(401, 403, 404)
  accessTrace(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.breaches.accessTrace(actor, id);
  }
}
