import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { GrifRuntime } from '@grif/runtime';
import { healthSchema } from '@grif/contracts';
import { Public } from '../auth/public.decorator';
import { ApiAnswer } from '../http/api-contract';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly rt: GrifRuntime) {}

  @Public()
  @Get()
  @ApiAnswer(200, healthSchema, 'The database and Redis answer.')
  @ApiAnswer(503, healthSchema, 'The database or Redis does not answer.')
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([this.rt.pingDatabase(), this.rt.pingRedis()]);
    const ok = database && redis;
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'degraded', database: database ? 'up' : 'down', redis: redis ? 'up' : 'down', outboxPending: ok ? await this.rt.outboxPending() : null };
  }
}
