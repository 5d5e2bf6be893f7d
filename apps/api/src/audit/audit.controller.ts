import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError, hasRole } from '@grif/domain';
import { verifySchool } from '@grif/audit';
import { GrifRuntime } from '@grif/runtime';
import type { AuthedRequest } from '../auth/auth.guard';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly rt: GrifRuntime) {}

  /** Recomputes every hash chain of the caller's school and names the first broken link. */
  @Get('verify')
  async verify(@Req() req: AuthedRequest) {
    const actor = req.auth.actor;
    if (!hasRole(actor, 'auditor', 'security_officer', 'director', 'admin')) throw new GrifError('forbidden', 'ROLE_REQUIRED');
    return verifySchool(this.rt.transactions.reader(), actor.schoolId);
  }
}
