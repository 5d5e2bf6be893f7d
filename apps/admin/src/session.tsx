import { createContext, useContext } from 'react';
import type { Me, Role } from './types';
import { CHECKPOINT_SEALERS, RECORDS_WIDE_ROLES } from './types';

export interface Session {
  me: Me;
  signOut: () => Promise<void>;
  /** Ends every session of the person (other browsers, a forgotten computer), this one too. */
  signOutEverywhere: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in page');
  return s;
}

export function hasRole(me: Pick<Me, 'roles'>, ...roles: Role[]): boolean {
  return me.roles.some((r) => roles.includes(r));
}

/**
 * What each role sees in the menu. The server decides what is allowed; this
 * only keeps people from wandering into pages that would refuse them.
 */
export function permissions(me: Pick<Me, 'roles'>) {
  const recordsWide = hasRole(me, ...RECORDS_WIDE_ROLES);
  return {
    /** What is out and late or due today: those who chase it (the same roles the server answers). */
    board: hasRole(me, 'records_clerk', 'security_officer', 'director'),
    documents: recordsWide,
    register: hasRole(me, 'records_clerk'),
    registers: recordsWide,
    /** "Who held it on…" on the document page: the roles that see every document. */
    holderAt: recordsWide,
    /** Anyone a document can be issued to; the auditor only reads. */
    mine: hasRole(
      me,
      'staff',
      'records_clerk',
      'security_officer',
      'director',
      'commission_member',
      'tech_support',
      'admin',
    ),
    people: hasRole(me, 'security_officer', 'director', 'admin', 'records_clerk', 'auditor'),
    recordClearance: hasRole(me, 'security_officer'),
    /** Where a person's notifications are also e-mailed: the officer (People page) and the administrator. */
    editEmail: hasRole(me, 'security_officer', 'admin'),
    /** R-2.5 (and for the director): ending someone's clearance is the supervisor's act. */
    revokeClearance: hasRole(me, 'security_officer', 'director'),
    audit: hasRole(me, 'auditor', 'security_officer', 'director', 'admin'),
    /** The compliance matrix: the same auditing roles the server answers (AUDITORS). */
    compliance: hasRole(me, 'auditor', 'security_officer', 'director', 'admin'),
    /** The sign-in log: the information-security officer supervises it, the auditor reads it. */
    logins: hasRole(me, 'security_officer', 'auditor'),
    /** Accounts and appointments: the administrator keeps them; the officer and the director read them. */
    users: hasRole(me, 'admin', 'security_officer', 'director'),
    /** Sealing the chain heads writes to the ledger: the same roles the server lets do it (never the auditor). */
    seal: hasRole(me, ...CHECKPOINT_SEALERS),
    /** Everyone signed in reads their own notifications. */
    notifications: true,
    /** Everyone plans by the school's working days; only the director changes them (and the deadline settings). */
    calendar: true,
    editCalendar: hasRole(me, 'director'),
    /** Nomenclature, rooms and media are kept by the records office (and the security officer for rooms/media). */
    editNomenclature: hasRole(me, 'records_clerk'),
    editRooms: hasRole(me, 'records_clerk', 'security_officer'),
    editMedia: hasRole(me, 'records_clerk', 'security_officer'),
    /**
     * Acts (R-4.1d, R-4.2.6): the records office, the director, the destruction commission and the auditor; and a
     * person with no role in force, such as an incoming clerk before the act appoints them: the server
     * lists them only the acts that name them.
     */
    acts:
      hasRole(me, 'records_clerk', 'security_officer', 'director', 'commission_member', 'auditor') ||
      me.roles.length === 0,
    /** The clerk drafts a destruction act from the candidates (R-4.1d). */
    createDestruction: hasRole(me, 'records_clerk'),
    /** The director opens a custody transfer when appointing a new clerk by order. */
    createCustody: hasRole(me, 'director'),
    /**
     * Breach cases: everyone reports a breach of their own account and sees the cases they reported or
     * own; the officer, support, the director and the auditor see them all (breaches/access.ts).
     */
    breaches: true,
    /** The director's signature makes an act final: the "To sign" queue is on the director's home page. */
    signsLast: hasRole(me, 'director'),
  };
}

/**
 * Where a person lands after signing in: the clerk and the security officer on the day's deadlines,
 * a teacher on what is issued to them, the rest of the office on the documents; someone with no role yet
 * (an incoming clerk) on the acts that name them.
 */
export function homePath(me: Pick<Me, 'roles'>): string {
  const p = permissions(me);
  if (hasRole(me, 'records_clerk', 'security_officer')) return '/board';
  if (p.documents) return '/documents';
  if (p.mine) return '/mine';
  if (p.audit) return '/audit';
  return '/acts';
}
