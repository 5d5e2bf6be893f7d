import type { NextFunction, Request, Response } from 'express';
import { GrifError, hasRole } from '@grif/domain';
import type { ErrorBody } from '@grif/contracts';
import { isDatabaseUnavailable } from '@grif/persistence';
import { requestLang } from '../http/grif-exception.filter';
import type { IdentityService } from '../identity/identity.service';
import { tokenOf } from '../auth/auth.guard';

const STATUS: Partial<Record<GrifError['kind'], number>> = { unauthenticated: 401, forbidden: 403, unavailable: 503 };

/**
 * Bull Board shows and retries every job of every school: administrators only.
 * It is an Express router outside Nest's guards, so it gets the same session check here,
 * and the same answers: 401, 403, or 503 while the database is away.
 */
export function queueBoardAccess(identity: IdentityService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (err: GrifError) => {
      const statusCode = STATUS[err.kind] ?? 401;
      if (statusCode === 503) res.setHeader('Retry-After', '5');
      const body: ErrorBody = { statusCode, code: err.code, message: err.localized(requestLang(req)) };
      res.status(statusCode).json(body);
    };
    const token = tokenOf(req);
    if (!token) return refuse(new GrifError('unauthenticated', 'UNAUTHENTICATED'));
    identity.authenticate(token).then(
      (auth) => {
        if (!hasRole(auth.actor, 'admin')) return refuse(new GrifError('forbidden', 'ROLE_REQUIRED'));
        if (auth.user.mustChangePassword) return refuse(new GrifError('forbidden', 'PASSWORD_CHANGE_REQUIRED'));
        next();
      },
      (err: unknown) => {
        if (err instanceof GrifError) return refuse(err);
        if (isDatabaseUnavailable(err))
          return refuse(new GrifError('unavailable', 'DATABASE_UNAVAILABLE', {}, { cause: err }));
        next(err);
      },
    );
  };
}
