import { Actor, GrifError, hasRole, RECORDS_WIDE_ROLES, Role } from '@grif/domain';

/** Role gate for the registers and reference data (documents go through the engine's own checks). */
export function requireRole(actor: Actor, roles: readonly Role[]): void {
  if (!hasRole(actor, ...roles)) throw new GrifError('forbidden', 'ROLE_REQUIRED');
}

export const READERS: readonly Role[] = RECORDS_WIDE_ROLES;
export const CLERK_OR_SECURITY: readonly Role[] = ['records_clerk', 'security_officer'];
