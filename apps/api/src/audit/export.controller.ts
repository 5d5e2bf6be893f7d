import { Controller, Get, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AUDITORS, Roles } from '../auth/roles.decorator';
import { ApiErrors } from '../http/api-contract';
import { AuditExportService } from './export.service';

@ApiTags('audit')
@ApiBearerAuth()
@Roles(...AUDITORS)
@Controller('api/audit')
export class AuditExportController {
  constructor(private readonly exports: AuditExportService) {}

  /** Reads only; the bundle is checked offline by tools/audit-verify.mjs (docs/audit.md, "Export bundle"). */
  @Get('export')
  @ApiResponse({
    status: 200,
    description:
      "The school's audit bundle (R-1.5), JSON Lines: a signed manifest, every instance with its events, the ledger of heads, the acts as base64. `npm run audit:verify -- <file>` checks it offline.",
    content: { 'application/x-ndjson': { schema: { type: 'string' } } },
  })
  @ApiErrors(401, 403)
  export(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return this.exports.export(actor);
  }
}
