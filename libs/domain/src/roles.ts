/** Roles a person may hold in a school; granted only by a recorded appointment. */
export const ROLES = [
  'admin',
  'records_clerk',
  'security_officer',
  'director',
  'staff',
  'commission_member',
  'auditor',
  'tech_support',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every document of their school; everyone else sees only what is issued to them. */
export const RECORDS_WIDE_ROLES: readonly Role[] = ['records_clerk', 'security_officer', 'director', 'auditor'];

/**
 * Who may seal the chain heads into the ledger by hand (the worker also seals them every few minutes).
 * Sealing writes a checkpoint, so the auditor, who only reads (design: "read-only: every history,
 * the chain check, exports"), is not among them.
 */
export const CHECKPOINT_SEALERS: readonly Role[] = ['security_officer', 'director', 'admin'];

export interface Actor {
  userId: string;
  schoolId: string;
  roles: Role[];
  /** 'system' for deadlines and other machine-made events. */
  kind: 'user' | 'system';
}

export const SYSTEM_USER_ID = 'system';

export function systemActor(schoolId: string): Actor {
  return { userId: SYSTEM_USER_ID, schoolId, roles: [], kind: 'system' };
}

export function hasRole(actor: Pick<Actor, 'roles'>, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}
