import { Actor, hasRole, RECORDS_WIDE_ROLES, Role } from '@grif/domain';
import type { EventSpec } from '../definition';
import { documentEventSchemas, DocumentEventType } from './events';
import type { DocumentContext } from './machine';

const CLERK: Role[] = ['records_clerk'];
const ANY_PERSON: Role[] = [
  'records_clerk',
  'security_officer',
  'director',
  'staff',
  'commission_member',
  'tech_support',
  'admin',
];

/** Who may send which event. The clerk alone moves documents; the holder signs for them. */
export const documentEvents: Record<DocumentEventType, EventSpec> = {
  CLASSIFY: { schema: documentEventSchemas.CLASSIFY, roles: CLERK, roleRule: 'R-4.2.4' },
  // the information-security officer supervises the records; the director orders.
  RECLASSIFY: { schema: documentEventSchemas.RECLASSIFY, roles: ['security_officer', 'director'], roleRule: 'R-4.3' },
  STORE: { schema: documentEventSchemas.STORE, roles: CLERK, roleRule: 'R-4.2.4', lookups: { cabinetId: 'cabinet' } },
  ASSIGN_FILE: {
    schema: documentEventSchemas.ASSIGN_FILE,
    roles: CLERK,
    roleRule: 'R-4.2.4',
    lookups: { fileId: 'file' },
  },
  ISSUE: { schema: documentEventSchemas.ISSUE, roles: CLERK, roleRule: 'R-4.2.4', lookups: { holderId: 'person' } },
  ACKNOWLEDGE: { schema: documentEventSchemas.ACKNOWLEDGE, roles: ANY_PERSON },
  RETURN: { schema: documentEventSchemas.RETURN, roles: CLERK, roleRule: 'R-4.2.4' },
  COPY: { schema: documentEventSchemas.COPY, roles: CLERK, roleRule: 'R-4.2.4' },
  DISPATCH: { schema: documentEventSchemas.DISPATCH, roles: CLERK, roleRule: 'R-4.2.4' },
  REPORT_LOSS: { schema: documentEventSchemas.REPORT_LOSS, roles: ANY_PERSON },
  REMINDER_DUE: { schema: documentEventSchemas.REMINDER_DUE, roles: 'system' },
  DEADLINE_PASSED: { schema: documentEventSchemas.DEADLINE_PASSED, roles: 'system' },
  ESCALATION_DUE: { schema: documentEventSchemas.ESCALATION_DUE, roles: 'system' },
  DEADLINE_MOVED: { schema: documentEventSchemas.DEADLINE_MOVED, roles: 'system' },
  INCLUDE_IN_ACT: { schema: documentEventSchemas.INCLUDE_IN_ACT, roles: 'workflow' },
  RELEASE_FROM_ACT: { schema: documentEventSchemas.RELEASE_FROM_ACT, roles: 'workflow' },
  DESTROY: { schema: documentEventSchemas.DESTROY, roles: 'workflow' },
  CUSTODY_TRANSFERRED: { schema: documentEventSchemas.CUSTODY_TRANSFERRED, roles: 'workflow' },
};

/** Registering a document is the clerk's work too (R-4.1b, R-4.3). */
export const documentRegistrarRoles: Role[] = CLERK;

/** The records office sees every document; anyone else only what is issued to them now. */
export function canSeeDocument(context: DocumentContext, actor: Actor): boolean {
  if (actor.kind === 'system' || hasRole(actor, ...RECORDS_WIDE_ROLES)) return true;
  return context.holder?.userId === actor.userId;
}
