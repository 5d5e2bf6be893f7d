import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { GrifError, hasRole, Role, RuleId } from '@grif/domain';
import { Authenticated, IdentityService } from '../identity/identity.service';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC } from './public.decorator';
import { ROLES_KEY, RULE_KEY } from './roles.decorator';
import { SESSION_COOKIE } from './session-cookie';

export type AuthedRequest = Request & { auth: Authenticated };

export function tokenOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  return (req.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
}

/**
 * Every route needs a session unless marked @Public(); a one-time password must be changed first;
 * a route marked @Roles() is for those roles only.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<AuthedRequest>();
    const token = tokenOf(req);
    if (!token) throw new GrifError('unauthenticated', 'UNAUTHENTICATED');
    req.auth = await this.identity.authenticate(token);
    if (
      req.auth.user.mustChangePassword &&
      !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)
    ) {
      throw new GrifError('forbidden', 'PASSWORD_CHANGE_REQUIRED');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(req.auth.actor, ...roles)) {
      const rule = this.reflector.getAllAndOverride<RuleId | undefined>(RULE_KEY, targets);
      throw rule ? GrifError.ruleRefusal(rule, 'forbidden') : new GrifError('forbidden', 'ROLE_REQUIRED');
    }
    return true;
  }
}
