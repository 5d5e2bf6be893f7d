import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { tap } from 'rxjs';
import { OutageLog } from '@grif/core';

/** A request that got through means the database answers again: the outage's closing log line. */
@Injectable()
export class DatabaseRecoveryInterceptor implements NestInterceptor {
  constructor(private readonly outage: OutageLog) {}

  intercept(_ctx: ExecutionContext, next: CallHandler) {
    return next.handle().pipe(tap(() => this.outage.isDown('database') && this.outage.succeeded('database')));
  }
}
