import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AuthedRequest } from '../auth/auth.guard';
import { answer } from './register-answer';
import { RegistersService } from './registers.service';

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

