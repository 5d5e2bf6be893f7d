import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Page } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { sendCsv } from '../http/csv';
import { RegistersService } from './registers.service';

const COLUMNS = {
  registration: ['regNumber', 'direction', 'kind', 'documentDate', 'correspondent', 'title', 'classification', 'state', 'createdAt'],
  issues: ['regNumber', 'classification', 'holderName', 'purpose', 'issuedBy', 'issuedAt', 'acknowledgedAt', 'dueAt', 'overdueAt', 'returnedAt', 'condition'],
  copies: ['originalRegNumber', 'copyNumber', 'classification', 'purpose', 'madeBy', 'madeAt'],
  carriers: ['itemType', 'label', 'classification', 'holderName', 'since'],
} as const;

/** JSON pages, or the whole register as CSV with `format=csv`. */
function answer<T>(res: Response, name: keyof typeof COLUMNS, out: { q: { format: string }; page: Page<T> }) {
  if (out.q.format === 'csv') return sendCsv(res, name, [...COLUMNS[name]], out.page.items as Record<string, unknown>[]);
  return out.page;
}

@ApiTags('registers')
@ApiBearerAuth()
@Controller('api/registers')
export class RegistersController {
  constructor(private readonly registers: RegistersService) {}

  @Get('registration')
  async registration(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'registration', await this.registers.documents(req.auth.actor, { sort: 'regNumber', ...q }));
  }

  @Get('issues')
  async issues(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'issues', await this.registers.issues(req.auth.actor, q));
  }

  @Get('copies')
  async copies(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'copies', await this.registers.copies(req.auth.actor, q));
  }

  @Get('carriers')
  async carriers(@Req() req: AuthedRequest, @Query() q: Record<string, string>, @Res({ passthrough: true }) res: Response) {
    return answer(res, 'carriers', await this.registers.carriers(req.auth.actor, q));
  }
}

export { answer as registerAnswer };
