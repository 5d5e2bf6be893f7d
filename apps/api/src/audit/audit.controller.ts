import { Controller, Get, Post, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CHECKPOINT_SEALERS, type Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AUDITORS, Roles } from '../auth/roles.decorator';
import { AnswerStatus } from '../http/answer-status';
import { AuditService } from './audit.service';
import { checkpointSchema, checkpointUnchangedSchema, verifyQuerySchema, verifyResultSchema } from '@grif/contracts';
import { ApiAnswer, ApiErrors, ApiQueryOf } from '../http/api-contract';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(...AUDITORS)
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /**
   * Recomputes every hash chain of the caller's school (or one instance's, `?instanceId=`) and the ledger of heads;
   * names the first broken link and what is wrong with it.
   */
  @Get('verify')
  @ApiQueryOf(verifyQuerySchema)
  @ApiAnswer(
    200,
    verifyResultSchema,
    'Every chain (or the one asked for) and the ledger of heads recomputed; the first broken link, if any (R-1.5).',
  )
  @ApiErrors(400, 401, 403, 404)
  verify(@CurrentActor() actor: Actor, @Query() query: Record<string, string>) {
    return this.audit.verify(actor, query);
  }

  /**
   * Seals the current heads into the ledger now (the worker also does it every few minutes): 201 sealed, 200 unchanged.
   * A write, so not the auditor's: only CHECKPOINT_SEALERS (the admin UI offers the button to the same roles).
   */
  @Post('checkpoints')
  @Roles(...CHECKPOINT_SEALERS)
  @UseInterceptors(AnswerStatus)
  @ApiAnswer(201, checkpointSchema, 'The heads that moved since the last checkpoint, sealed.')
  @ApiAnswer(200, checkpointUnchangedSchema, 'No head moved: nothing to seal.')
  @ApiErrors(401, 403)
  checkpoint(@CurrentActor() actor: Actor) {
    return this.audit.seal(actor);
  }
}
