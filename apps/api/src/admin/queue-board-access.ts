import type { NextFunction, Request, Response } from 'express';
import { GrifError, hasRole } from '@grif/domain';
import type { ErrorBody } from '@grif/contracts';
import { isDatabaseUnavailable } from '@grif/persistence';
import type { HealthProbe } from '@grif/core';
import { requestLang } from '../http/grif-exception.filter';
import { RETRY_AFTER_S } from '../http/retry-after';
import type { IdentityService } from '../identity/identity.service';
import { tokenOf } from '../auth/auth.guard';

const STATUS: Partial<Record<GrifError['kind'], number>> = { unauthenticated: 401, forbidden: 403, unavailable: 503 };

/**
 * Bull Board shows and retries every job of every school: the administrators of the school the install was set up
 * for only (`runsInstall`), never another school's.
 * It is an Express router outside Nest's guards, so it gets the same session check here,
 * and the same answers: 401, 403, or 503 while the database or Redis is away.
 */
export function queueBoardAccess(identity: IdentityService, probe: Pick<HealthProbe, 'redis'>) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refuse = (err: GrifError) => {
      const statusCode = STATUS[err.kind] ?? 401;
      if (statusCode === 503) res.setHeader('Retry-After', String(RETRY_AFTER_S));
      const body: ErrorBody = { statusCode, code: err.code, message: err.localized(requestLang(req)) };
      res.status(statusCode).json(body);
    };
    const token = tokenOf(req);
    if (!token) return refuse(new GrifError('unauthenticated', 'UNAUTHENTICATED'));
    identity.authenticate(token).then(
      (auth) => {
        if (!hasRole(auth.actor, 'admin')) return refuse(new GrifError('forbidden', 'ROLE_REQUIRED'));
        // The queues are the install's, every school's jobs in them: not for one school's administrator.
        if (!auth.user.runsInstall) return refuse(new GrifError('forbidden', 'INSTALL_ADMIN_REQUIRED'));
        if (auth.user.mustChangePassword) return refuse(new GrifError('forbidden', 'PASSWORD_CHANGE_REQUIRED'));
        // The board is nothing but Redis: without it, every call of its API would fail with a 500 or hang.
        return probe
          .redis(1000)
          .then((up) => (up ? next() : refuse(new GrifError('unavailable', 'QUEUE_UNAVAILABLE'))));
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
