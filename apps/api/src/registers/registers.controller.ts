import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { READERS, Roles } from '../auth/roles.decorator';
import { registerAnswer } from './register-answer';
import {
  cabinetItemPageSchema,
  cabinetQuerySchema,
  carrierPageSchema,
  carrierQuerySchema,
  copyPageSchema,
  copyQuerySchema,
  documentListQuerySchema,
  documentPageSchema,
  issuePageSchema,
  issueQuerySchema,
} from '@grif/contracts';
import { ApiErrors, ApiQueryOf, ApiRegisterAnswer } from '../http/api-contract';
import { ExportLang } from '../http/export-lang.decorator';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  /** Open to all: staff see only what is issued to them (the service narrows it). */
  @Get('registration')
  @ApiQueryOf(documentListQuerySchema)
  @ApiRegisterAnswer(documentPageSchema, 'The registration journal (R-4.1b), by journal number unless sorted otherwise')
  @ApiErrors(400, 401, 403)
  async registration(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('registration', await this.registers.documents(actor, { sort: 'regNumber', ...q }), lang);
  }

  @Get('issues')
  @Roles(...READERS)
  @ApiQueryOf(issueQuerySchema)
  @ApiRegisterAnswer(issuePageSchema, 'The issue journal (R-4.2.1)')
  @ApiErrors(400, 401, 403)
  async issues(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('issues', await this.registers.issues(actor, q), lang);
  }

  @Get('copies')
  @Roles(...READERS)
  @ApiQueryOf(copyQuerySchema)
  @ApiRegisterAnswer(copyPageSchema, 'The copy journal (R-4.1c)')
  @ApiErrors(400, 401, 403)
  async copies(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('copies', await this.registers.copies(actor, q), lang);
  }

  @Get('carriers')
  @Roles(...READERS)
  @ApiQueryOf(carrierQuerySchema)
  @ApiRegisterAnswer(
    carrierPageSchema,
    'The carriers register (R-3): every classified document and copy still in the school and every registered medium, with its custodian and place, now or `at` a past moment',
  )
  @ApiErrors(400, 401, 403)
  async carriers(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('carriers', await this.registers.carriers(actor, q), lang);
  }

  @Get('cabinets')
  @Roles(...READERS)
  @ApiQueryOf(cabinetQuerySchema)
  @ApiRegisterAnswer(
    cabinetItemPageSchema,
    'The contents of each cabinet (or of one, `cabinetId`): every document and copy whose place is that cabinet, lying there or issued, now or `at` a past moment',
  )
  @ApiErrors(400, 401, 403, 404)
  async cabinets(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    return registerAnswer('cabinets', await this.registers.cabinets(actor, q), lang);
  }
}
