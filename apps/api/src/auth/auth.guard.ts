import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { GrifError, hasRole, Role, RuleId } from '@grif/domain';
import { Authenticated, IdentityService } from '../identity/identity.service';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC } from './public.decorator';
import { ANY_USER_KEY, ROLES_KEY, RULE_KEY } from './roles.decorator';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './session-cookie';

export type AuthedRequest = Request & { auth: Authenticated };

/** The session token: a bearer header, else the session cookie (the HTTPS `__Host-` one first). */
export function tokenOf(req: Request): string | undefined {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim();
  const cookies = req.cookies as Record<string, string> | undefined;
  return cookies?.[SECURE_SESSION_COOKIE] || cookies?.[SESSION_COOKIE] || undefined;
}

/**
 * Every route needs a session unless marked @Public(); a one-time password must be changed first;
 * a route marked @Roles() is for those roles only, one marked @AnyUser() for every signed-in person; a route with
 * neither is refused to everyone (fail closed: the access-matrix test names it, this keeps a miss from leaking).
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
    // different access rights — every route names who may reach it; one that names nobody is closed.
    if (!roles && !this.reflector.getAllAndOverride<string>(ANY_USER_KEY, targets))
      throw new GrifError('forbidden', 'ROLE_REQUIRED');
    if (roles && !hasRole(req.auth.actor, ...roles)) {
      const rule = this.reflector.getAllAndOverride<RuleId | undefined>(RULE_KEY, targets);
      throw rule ? GrifError.ruleRefusal(rule, 'forbidden') : new GrifError('forbidden', 'ROLE_REQUIRED');
    }
    return true;
  }
}
