import { SetMetadata } from '@nestjs/common';
import { RECORDS_WIDE_ROLES, Role, RuleId } from '@grif/domain';

export const ROLES_KEY = 'grif:roles';
export const RULE_KEY = 'grif:roles-rule';

/** Only callers holding one of these roles reach the route; anyone else gets 403 ROLE_REQUIRED. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Where the Regulation itself says who may do this: the refusal cites that rule instead. */
export const CitesRule = (rule: RuleId) => SetMetadata(RULE_KEY, rule);

/** The records office and those who supervise or audit it: the registers and the reference data. */
export const READERS: readonly Role[] = RECORDS_WIDE_ROLES;
export const CLERK_OR_SECURITY: readonly Role[] = ['records_clerk', 'security_officer'];
/** Those who check the audit trail. */
export const AUDITORS: readonly Role[] = ['auditor', 'security_officer', 'director', 'admin'];

export const ANY_USER_KEY = 'grif:any-user';
/**
 * Every signed-in person reaches the route; what they may see or do there is decided per object in the service
 * (`why` says which rule). The access-matrix test requires every route to be @Public, @Roles or @AnyUser.
 */
export const AnyUser = (why: string) => SetMetadata(ANY_USER_KEY, why);
