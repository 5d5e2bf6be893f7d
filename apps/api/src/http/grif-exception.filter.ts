import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorKind, GrifError, Lang, LANGS } from '@grif/domain';
import type { ErrorBody } from '@grif/contracts';
import { OutageLog } from '@grif/core';
import { isDatabaseUnavailable, isUniqueViolation } from '@grif/persistence';
import { bodyParserRefusal } from './body-parser-errors';
import { RETRY_AFTER_S } from './retry-after';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  refused: 422,
  unavailable: 503,
  throttled: 429,
  too_large: 413,
  unsupported: 415,
};

/** The user's language: an explicit Accept-Language wins, then their profile, then Kyrgyz. */
export function requestLang(req: Request & { auth?: { user: { locale: string } } }): Lang {
  const header = (req.headers['accept-language'] ?? '').toLowerCase();
  for (const part of header.split(',')) {
    const tag = part.trim().slice(0, 2) as Lang;
    if (LANGS.includes(tag)) return tag;
  }
  const profile = req.auth?.user.locale as Lang | undefined;
  return profile && LANGS.includes(profile) ? profile : 'ky';
}

/** Business errors carry codes; this is the only place they become HTTP. */
@Catch()
export class GrifExceptionFilter implements ExceptionFilter {
  private readonly log = new Logger('http');

  constructor(private readonly outage: OutageLog) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    let body: ErrorBody;
    if (isDatabaseUnavailable(err)) {
      // Not a bug but a moment: say when to come back, and log it once per outage, not per request.
      this.outage.failed('database', err);
      err = new GrifError('unavailable', 'DATABASE_UNAVAILABLE', {}, { cause: err });
    } else if (!(err instanceof GrifError) && isUniqueViolation(err)) {
      // A unique key taken that no repository named more precisely: the caller's conflict.
      err = new GrifError('conflict', 'DUPLICATE', {}, { cause: err });
    } else if (typeof (err as { type?: unknown } | null)?.type === 'string' && !(err instanceof GrifError)) {
      // A body-parser error that came by another way than request-edge.ts: still a 4xx, never a 500.
      err = bodyParserRefusal(err) ?? err;
    }
    if (err instanceof GrifError) {
      if (err.kind === 'unavailable') res.setHeader('Retry-After', String(RETRY_AFTER_S));
      if (err.details.retryAfterS)
        res.setHeader('Retry-After', String(Math.max(1, Math.ceil(err.details.retryAfterS))));
      body = { statusCode: STATUS[err.kind], code: err.code, message: err.localized(requestLang(req)) };
      if (err.rule) body.rule = err.rule;
      if (err.details.fields) body.fields = err.details.fields;
    } else if (err instanceof HttpException) {
      const status = err.getStatus();
      // 404s of unknown routes, and Nest's own 400s (a path with a broken %-escape).
      body = {
        statusCode: status,
        code: status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED',
        message: err.message,
      };
    } else {
      this.log.error(err instanceof Error ? err.stack : String(err));
      body = { statusCode: 500, code: 'INTERNAL', message: 'Internal error' };
    }
    res.status(body.statusCode).json(body);
  }
}
