import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '@grif/domain';
import {
  accountEventViewSchema,
  appointmentViewSchema,
  appointSchema,
  createUserSchema,
  disableUserSchema,
  endAppointmentSchema,
  passwordResetSchema,
  userCreatedSchema,
  userViewSchema,
} from '@grif/contracts';
import { CurrentActor } from '../auth/current-actor.decorator';
import { CitesRule, Roles } from '../auth/roles.decorator';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { UsersService } from './users.service';

/** Who reads the accounts: the administrator keeps them; the officer and the director supervise who holds what. */
const USER_READERS: readonly Role[] = ['admin', 'security_officer', 'director'];

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(...USER_READERS)
  @ApiAnswer(200, userViewSchema.array(), 'The accounts of the school, by name, with their roles and state.')
  @ApiErrors(401, 403)
  list(@CurrentActor() actor: Actor) {
    return this.users.list(actor);
  }

  @Post()
  @Roles('admin')
  @ApiJsonBody(createUserSchema)
  @ApiAnswer(201, userCreatedSchema, 'Created with no role and a one-time password, shown this once.')
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.users.create(actor, body);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('admin')
  @ApiJsonBody(disableUserSchema)
  @ApiAnswer(200, userViewSchema, 'Disabled with the reason; every session of the person has ended.')
  @ApiErrors(400, 401, 403, 404, 409, 422)
  disable(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.users.disable(actor, id, body);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('admin')
  @ApiAnswer(200, userViewSchema, 'Enabled again.')
  @ApiErrors(401, 403, 404)
  enable(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.enable(actor, id);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @Roles('admin')
  @ApiAnswer(200, passwordResetSchema, 'A new one-time password, shown once; every session of the person has ended.')
  @ApiErrors(401, 403, 404, 409)
  resetPassword(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.resetPassword(actor, id);
  }

  @Get(':id/events')
  @Roles(...USER_READERS)
  @ApiAnswer(200, accountEventViewSchema.array(), 'Every change to the account, newest first, with who made it.')
  @ApiErrors(401, 403, 404)
  events(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.events(actor, id);
  }

  @Get(':id/appointments')
  @Roles(...USER_READERS)
  @ApiAnswer(200, appointmentViewSchema.array(), 'Every appointment of the person, newest first (R-2.3, R-4.3).')
  @ApiErrors(401, 403, 404)
  appointments(@CurrentActor() actor: Actor, @Param('id') id: string) {
    return this.users.appointments(actor, id);
  }

  /** a role only by a recorded order; the person's sessions end. */
  @Post(':id/appointments')
  @Roles('admin')
  @CitesRule('R-2.3')
  @ApiJsonBody(appointSchema)
  @ApiAnswer(201, appointmentViewSchema, 'Appointed by that order; every session of the person has ended.')
  @ApiErrors(400, 401, 403, 404, 409)
  appoint(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: unknown) {
    return this.users.appoint(actor, id, body);
  }

  /** an appointment ends by an order too; the person's sessions end. */
  @Post(':id/appointments/:appointmentId/end')
  @HttpCode(200)
  @Roles('admin')
  @CitesRule('R-2.3')
  @ApiJsonBody(endAppointmentSchema)
  @ApiAnswer(200, appointmentViewSchema, 'Ended by that order; every session of the person has ended.')
  @ApiErrors(400, 401, 403, 404, 409)
  end(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Param('appointmentId') appointmentId: string,
    @Body() body: unknown,
  ) {
    return this.users.endAppointment(actor, id, appointmentId, body);
  }
}
