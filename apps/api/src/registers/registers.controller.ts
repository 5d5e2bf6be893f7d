import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor, Lang } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser, READERS, Roles } from '../auth/roles.decorator';
import { registerAnswer } from './register-answer';
import {
  cabinetItemPageSchema,
  cabinetQuerySchema,
  carrierPageSchema,
  carrierQuerySchema,
  copyPageSchema,
  copyQuerySchema,
  documentPageSchema,
  issuePageSchema,
  issueQuerySchema,
  registrationQuerySchema,
} from '@grif/contracts';
import { ApiErrors, ApiQueryOf, ApiRegisterAnswer } from '../http/api-contract';
import { ExportLang } from '../http/export-lang.decorator';
import { JournalPrints } from './journal-prints.service';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/registers')
export class RegistersController {
  constructor(
    private readonly registers: RegistersService,
    private readonly prints: JournalPrints,
  ) {}

  /** Open to all: staff see only what is issued to them (the service narrows it). */
  @AnyUser('the records office reads the whole journal; staff only the lines issued to them now')
  @Get('registration')
  @ApiQueryOf(registrationQuerySchema)
  @ApiRegisterAnswer(
    documentPageSchema,
    'The registration journal (R-4.1b), by journal number unless sorted otherwise',
    'the documents registered in the period',
  )
  @ApiErrors(400, 401, 403)
  async registration(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    const query = { sort: 'regNumber', ...q };
    if (q.format === 'pdf') return this.prints.print('registration', actor, query, lang);
    return registerAnswer('registration', await this.registers.documents(actor, query, registrationQuerySchema), lang);
  }

  @Get('issues')
  @Roles(...READERS)
  @ApiQueryOf(issueQuerySchema)
  @ApiRegisterAnswer(issuePageSchema, 'The issue journal (R-4.2.1)', 'the issues made in the period')
  @ApiErrors(400, 401, 403)
  async issues(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    if (q.format === 'pdf') return this.prints.print('issues', actor, q, lang);
    return registerAnswer('issues', await this.registers.issues(actor, q), lang);
  }

  @Get('copies')
  @Roles(...READERS)
  @ApiQueryOf(copyQuerySchema)
  @ApiRegisterAnswer(copyPageSchema, 'The copy journal (R-4.1c)', 'the copies made in the period')
  @ApiErrors(400, 401, 403)
  async copies(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    if (q.format === 'pdf') return this.prints.print('copies', actor, q, lang);
    return registerAnswer('copies', await this.registers.copies(actor, q), lang);
  }

  @Get('carriers')
  @Roles(...READERS)
  @ApiQueryOf(carrierQuerySchema)
  @ApiRegisterAnswer(
    carrierPageSchema,
    'The carriers register (R-3): every classified document and copy still in the school and every registered medium, with its custodian and place, now or `at` a past moment',
    'the register as it stood at the end of the period (now, when that is still to come)',
  )
  @ApiErrors(400, 401, 403)
  async carriers(@CurrentActor() actor: Actor, @Query() q: Record<string, string>, @ExportLang() lang: Lang) {
    if (q.format === 'pdf') return this.prints.print('carriers', actor, q, lang);
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
