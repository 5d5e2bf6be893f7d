import { Controller, Get, Res, UseInterceptors } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { healthSchema } from '@grif/contracts';
import { HealthProbe } from '@grif/core';
import { Public } from '../auth/public.decorator';
import { ApiAnswer } from '../http/api-contract';
import { AnswerStatus, StatusAnswer } from '../http/answer-status';
import { RETRY_AFTER_S } from '../http/retry-after';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probe: HealthProbe) {}

  /** 200 when this process reaches its database and Redis; 503 (for load balancers and monitors) when not. */
  @Public()
  @Get()
  @UseInterceptors(AnswerStatus)
  @ApiAnswer(200, healthSchema, 'The database and Redis answer.')
  @ApiAnswer(503, healthSchema, 'The database or Redis does not answer.')
  async health(@Res({ passthrough: true }) res: Response): Promise<StatusAnswer<unknown>> {
    const [database, redis] = await Promise.all([this.probe.database(), this.probe.redis()]);
    const ok = database && redis;
    const body = {
      status: ok ? 'ok' : 'degraded',
      database: database ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
      outboxPending: database ? await this.probe.outboxPending() : null,
    };
    // Like every other 503 of Grif: say when to look again.
    if (!ok) res.setHeader('Retry-After', String(RETRY_AFTER_S));
    return { status: ok ? 200 : 503, body };
  }
}
