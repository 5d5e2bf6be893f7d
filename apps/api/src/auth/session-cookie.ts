import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { SESSION_TTL_HOURS } from '../identity/identity.service';

export const SESSION_COOKIE = 'grif_session';

/** A browser signs in with the token as an HttpOnly, SameSite=Strict cookie (the answer also carries it for API clients). */
@Injectable()
export class SetsSessionCookie implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler<{ token: string }>): Observable<{ token: string }> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      tap(({ token }) => {
        http.getResponse<Response>().cookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: http.getRequest<Request>().secure,
          path: '/',
          maxAge: SESSION_TTL_HOURS * 3600_000,
        });
      }),
    );
  }
}

/** Signing out drops the cookie too. */
@Injectable()
export class ClearsSessionCookie implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(tap(() => ctx.switchToHttp().getResponse<Response>().clearCookie(SESSION_COOKIE, { path: '/' })));
  }
}
