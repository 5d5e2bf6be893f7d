import type { NextFunction, Request, Response } from 'express';
import { GrifError, hasRole } from '@grif/domain';
import type { ErrorBody } from '@grif/contracts';
import { requestLang } from '../http/grif-exception.filter';
import type { IdentityService } from '../identity/identity.service';
import { tokenOf } from '../auth/auth.guard';

const STATUS = { unauthenticated: 401, forbidden: 403 } as const;

/**
 * Bull Board shows and retries every job of every school: administrators only.
 * It is an Express router outside Nest's guards, so it gets the same session check here.
 */
export function queueBoardAccess(identity: IdentityService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (err: GrifError) => {
      const kind = err.kind === 'forbidden' ? 'forbidden' : 'unauthenticated';
      const body: ErrorBody = { statusCode: STATUS[kind], code: err.code, message: err.localized(requestLang(req)) };
      res.status(body.statusCode).json(body);
    };
    const token = tokenOf(req);
    if (!token) return refuse(new GrifError('unauthenticated', 'UNAUTHENTICATED'));
    identity.authenticate(token).then(
      (auth) => {
        if (!hasRole(auth.actor, 'admin')) return refuse(new GrifError('forbidden', 'ROLE_REQUIRED'));
        if (auth.user.mustChangePassword) return refuse(new GrifError('forbidden', 'PASSWORD_CHANGE_REQUIRED'));
        next();
      },
      (err: unknown) => (err instanceof GrifError ? refuse(err) : next(err)),
    );
  };
}
