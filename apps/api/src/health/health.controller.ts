import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthProbe } from '@grif/core';
import { healthSchema } from '@grif/contracts';
import { Public } from '../auth/public.decorator';
import { ApiAnswer } from '../http/api-contract';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probe: HealthProbe) {}

  @Public()
  @Get()
  @ApiAnswer(200, healthSchema, 'The database and Redis answer.')
  @ApiAnswer(503, healthSchema, 'The database or Redis does not answer.')
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([this.probe.database(), this.probe.redis()]);
    const ok = database && redis;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database: database ? 'up' : 'down', redis: redis ? 'up' : 'down', outboxPending: database ? await this.probe.outboxPending() : null };
  }
}
