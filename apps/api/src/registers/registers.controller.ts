import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { carrierPageSchema, carrierQuerySchema, copyPageSchema, copyQuerySchema, documentListQuerySchema, documentPageSchema, issuePageSchema, issueQuerySchema } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ApiErrors, ApiQueryOf, ApiRegisterAnswer } from '../http/api-contract';
import { answer } from './register-answer';
import { RegistersService } from './registers.service';

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get('registration')
  @ApiQueryOf(documentListQuerySchema)
  @ApiRegisterAnswer(documentPageSchema, 'The registration journal (R-4.1b), by journal number unless sorted otherwise')
  @ApiErrors(400, 401, 403)
  async registration(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'registration', await this.registers.documents(req.auth.actor, { sort: 'regNumber', ...q }));
  }

  @Get('issues')
  @ApiQueryOf(issueQuerySchema)
  @ApiRegisterAnswer(issuePageSchema, 'The issue journal (R-4.2.1)')
  @ApiErrors(400, 401, 403)
  async issues(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'issues', await this.registers.issues(req.auth.actor, q));
  }

  @Get('copies')
  @ApiQueryOf(copyQuerySchema)
  @ApiRegisterAnswer(copyPageSchema, 'The copy journal (R-4.1c)')
  @ApiErrors(400, 401, 403)
  async copies(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'copies', await this.registers.copies(req.auth.actor, q));
  }

  @Get('carriers')
  @ApiQueryOf(carrierQuerySchema)
  @ApiRegisterAnswer(carrierPageSchema, 'The carriers register (R-3): who holds which classified item, copy or medium, now or `at` a past moment')
  @ApiErrors(400, 401, 403)
  async carriers(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'carriers', await this.registers.carriers(req.auth.actor, q));
  }
}

