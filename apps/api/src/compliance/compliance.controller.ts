import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { complianceQuerySchema, complianceRowSchema } from '@grif/contracts';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AUDITORS, Roles } from '../auth/roles.decorator';
import { ApiErrors, ApiQueryOf } from '../http/api-contract';
import { ExportLang } from '../http/export-lang.decorator';
import { schemaOf } from '../http/openapi-schemas';
import { ComplianceService } from './compliance.service';

@ApiTags('compliance')
@ApiBearerAuth()
@Roles(...AUDITORS)
@Controller('api/compliance')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  /** Generated from the code and the last test run, never written by hand. */
  @Get()
  @ApiQueryOf(complianceQuerySchema)
  @ApiResponse({
    status: 200,
    description:
      'The compliance matrix: every clause of the Regulation, the lines of code that name it, the tests that name it ' +
      'with their latest result, and its status (`format=pdf`: printable on A4, in `lang` ky or ru).',
    content: {
      'application/json': { schema: schemaOf(complianceRowSchema.array()) },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrors(400, 401, 403)
  matrix(@CurrentActor() actor: Actor, @Query() q: Record<string, unknown>, @ExportLang() lang: Lang) {
    return this.compliance.answer(actor, q, lang);
  }
}
