import { hasRole } from '../session';
import type { Me } from '../types';

/**
 * Who sees what of the breach cases. The server decides; this only keeps people from pages that
 * would refuse them.
 */
export function breachPermissions(me: Pick<Me, 'roles'>) {
  return {
    /** Everyone signed in reports a breach of their own account, and sees the cases they reported or own. */
    report: true,
    /** Technical support and the information-security officer report for anyone. */
    reportForOthers: hasRole(me, 'tech_support', 'security_officer'),
    /** The officer, support, the director and the auditor see every case (and the queues). */
    seesAll: hasRole(me, 'security_officer', 'tech_support', 'director', 'auditor'),
    /** The statistics per period (cases, late reports, time to containment, causes). */
    stats: hasRole(me, 'security_officer', 'director', 'auditor'),
  };
}
