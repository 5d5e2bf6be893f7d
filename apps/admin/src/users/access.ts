import { hasRole } from '../session';
import type { Me } from '../types';

/** The same roles the server lets read the accounts (GET /api/users). */
export const canReadUsers = (me: Pick<Me, 'roles'>) => hasRole(me, 'admin', 'security_officer', 'director');
/** Only the administrator changes accounts and records appointments; the server refuses anyone else. */
export const canManageUsers = (me: Pick<Me, 'roles'>) => hasRole(me, 'admin');
