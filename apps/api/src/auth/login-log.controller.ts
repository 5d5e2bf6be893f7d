import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { loginLogQuerySchema, loginLogSchema, type LoginLogEntry } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { LoginEvents } from '@grif/persistence';
import { ApiAnswer, ApiErrors, ApiQueryOf } from '../http/api-contract';
import { parseBody } from '../http/zod-body';
import { CurrentActor } from './current-actor.decorator';
import { Roles } from './roles.decorator';

/** At most this many attempts in one answer: narrow the period or filter for more. */
export const LOGIN_LOG_LIMIT = 500;

/**
 * The sign-in log of the caller's school (ASVS 16.3.1): the information-security officer supervises it,
 * the auditor reads it. Attempts with a name that is nobody's are kept but shown to no school.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/security')
export class LoginLogController {
  constructor(private readonly events: LoginEvents) {}

  @Get('logins')
  @Roles('security_officer', 'auditor')
  @ApiQueryOf(loginLogQuerySchema)
  @ApiAnswer(
    200,
    loginLogSchema,
    `Sign-in attempts of the school, newest first (at most ${LOGIN_LOG_LIMIT}), with the person's name.`,
  )
  @ApiErrors(400, 401, 403)
  async list(@CurrentActor() actor: Actor, @Query() query: Record<string, string>): Promise<LoginLogEntry[]> {
    const q = parseBody(loginLogQuerySchema, query);
    const iso = (s?: string) => (s ? new Date(s).toISOString() : undefined);
    return this.events.ofSchool(actor.schoolId, {
      from: iso(q.from),
      to: iso(q.to),
      outcome: q.outcome,
      username: q.username,
      limit: LOGIN_LOG_LIMIT,
    });
  }
}
