import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError, hasRole } from '@grif/domain';
import { verifySchool, writeCheckpoint } from '@grif/audit';
import { GrifRuntime } from '@grif/runtime';
import { checkpointSchema, checkpointUnchangedSchema, verifyResultSchema } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ApiAnswer, ApiErrors } from '../http/api-contract';

function auditorOf(req: AuthedRequest) {
  if (!hasRole(req.auth.actor, 'auditor', 'security_officer', 'director', 'admin')) throw new GrifError('forbidden', 'ROLE_REQUIRED');
  return req.auth.actor;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly rt: GrifRuntime) {}

  /** Recomputes every hash chain of the caller's school and the ledger of heads; names the first broken link. */
  @Get('verify')
  @ApiAnswer(200, verifyResultSchema, 'Every chain and the ledger of heads recomputed; the first broken link, if any (R-1.5).')
  @ApiErrors(401, 403)
  async verify(@Req() req: AuthedRequest) {
    return verifySchool(this.rt.transactions.reader(), auditorOf(req).schoolId);
  }

  /** Seals the current heads into the ledger now (the worker also does it every few minutes). */
  @Post('checkpoints')
  @ApiAnswer(201, checkpointSchema, 'The heads that moved since the last checkpoint, sealed.')
  @ApiAnswer(200, checkpointUnchangedSchema, 'No head moved: nothing to seal.')
  @ApiErrors(401, 403)
  async checkpoint(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    const row = await writeCheckpoint(this.rt.transactions, auditorOf(req).schoolId, this.rt.clock.now());
    res.status(row ? 201 : 200);
    return row ? { seq: row.seq, at: row.at, heads: JSON.parse(row.heads).length, hash: row.hash } : { unchanged: true };
  }
}
