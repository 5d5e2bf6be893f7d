import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';

/** An answer whose status depends on what happened: 201 made or 200 unchanged; a replayed request answers as the first did. */
export interface StatusAnswer<T> {
  status: number;
  body: T;
}

/** Sends a StatusAnswer's body with its status. */
@Injectable()
export class AnswerStatus implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler<StatusAnswer<unknown>>): Observable<unknown> {
    return next.handle().pipe(
      map((answer) => {
        ctx.switchToHttp().getResponse<Response>().status(answer.status);
        return answer.body;
      }),
    );
  }
}
