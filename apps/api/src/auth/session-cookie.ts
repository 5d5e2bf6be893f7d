import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { SESSION_TTL_HOURS } from '../identity/identity.service';
import { issueCsrfCookie } from '../http/csrf';

/** The session cookie over plain HTTP (a school's LAN install, the tests). */
export const SESSION_COOKIE = 'grif_session';
/**
 * Over HTTPS: the `__Host-` prefix makes a browser take it only with Secure, Path=/ and no Domain, so
 * neither a sibling subdomain nor a plain-HTTP page can set or overwrite it.
 */
export const SECURE_SESSION_COOKIE = '__Host-grif_session';

/** The name this request's session cookie has: HTTPS (req.secure, GRIF_TRUST_PROXY behind a proxy) or not. */
export const sessionCookieName = (req: Request) => (req.secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);

const cookieOptions = (req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: 'strict',
  secure: req.secure,
  path: '/',
});

/** A browser signs in with the token as an HttpOnly, SameSite=Strict cookie (the answer also carries it for API clients). */
@Injectable()
export class SetsSessionCookie implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler<{ token: string }>): Observable<{ token: string }> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      tap(({ token }) => {
        const req = http.getRequest<Request>();
        http.getResponse<Response>().cookie(sessionCookieName(req), token, {
          ...cookieOptions(req),
          maxAge: SESSION_TTL_HOURS * 3600_000,
        });
        // The double-submit token that every unsafe request of this session must repeat (http/csrf.ts).
        issueCsrfCookie(req, http.getResponse<Response>(), SESSION_TTL_HOURS * 3600_000);
      }),
    );
  }
}

/** Signing out drops the cookie too: the one of this scheme, and the other one if the browser still sent it. */
@Injectable()
export class ClearsSessionCookie implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = ctx.switchToHttp();
    return next.handle().pipe(
      tap(() => {
        const req = http.getRequest<Request>();
        const res = http.getResponse<Response>();
        const sent = (req.cookies ?? {}) as Record<string, string>;
        res.clearCookie(sessionCookieName(req), cookieOptions(req));
        // A plain-HTTP cookie left from before the install moved to HTTPS.
        if (req.secure && sent[SESSION_COOKIE])
          res.clearCookie(SESSION_COOKIE, { ...cookieOptions(req), secure: false });
      }),
    );
  }
}
