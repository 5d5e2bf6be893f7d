import { Controller, Get, Inject, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError, hasRole } from '@grif/domain';
import { AuditTrail } from '@grif/audit';
import { CLOCK, type Clock } from '@grif/engine';
import type { AuthedRequest } from '../auth/auth.guard';

function auditorOf(req: AuthedRequest) {
  if (!hasRole(req.auth.actor, 'auditor', 'security_officer', 'director', 'admin')) throw new GrifError('forbidden', 'ROLE_REQUIRED');
  return req.auth.actor;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly trail: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Recomputes every hash chain of the caller's school and the ledger of heads; names the first broken link. */
  @Get('verify')
  async verify(@Req() req: AuthedRequest) {
    return this.trail.verify(auditorOf(req).schoolId);
  }

  /** Seals the current heads into the ledger now (the worker also does it every few minutes). */
  @Post('checkpoints')
  async checkpoint(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    const sealed = await this.trail.seal(auditorOf(req).schoolId, this.clock.now());
    res.status(sealed ? 201 : 200);
    return sealed ?? { unchanged: true };
  }
}
