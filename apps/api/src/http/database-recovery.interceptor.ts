import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { tap } from 'rxjs';
import { OutageLog } from '@grif/core';

/** A request that got through means the database answers again: the outage's closing log line. */
@Injectable()
export class DatabaseRecoveryInterceptor implements NestInterceptor {
  constructor(private readonly outage: OutageLog) {}

  intercept(ctx: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(
      tap(() => {
        // /health answers its own 503 without throwing: that is no sign of recovery.
        const status = ctx.switchToHttp().getResponse<Response>().statusCode;
        if (status < 500 && this.outage.isDown('database')) this.outage.succeeded('database');
      }),
    );
  }
}
