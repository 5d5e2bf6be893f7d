import { z } from 'zod';
import { CLASSIFICATIONS, DIRECTIONS, DOCUMENT_KINDS, ROLES, RULES, type RuleId } from '@grif/domain';
// Straight to the machine-free modules of workflows/: its index would pull the xstate machine into the UI bundle.
import { documentEventSchemas, type DocumentEventType } from '../../../workflows/document/events';
import { documentEvents } from '../../../workflows/document/permissions';
import { DOCUMENT_STATES } from '../../../workflows/document/states';

/**
 * The words of the API: roles, classification marks, directions, kinds, document states, event types
 * and rule ids. Each is defined once (libs/domain, workflows/) and only re-exported here.
 */
export {
  CHECKPOINT_SEALERS,
  CLASSIFICATIONS,
  DIRECTIONS,
  DOCUMENT_KINDS,
  ERROR_CODES,
  RECORDS_WIDE_ROLES,
  ROLES,
  RULES,
  LANGS,
} from '@grif/domain';
export type { Classification, Direction, DocumentKind, ErrorCode, Lang, Role, RuleId, Texts } from '@grif/domain';
export { DOCUMENT_STATES, type DocumentState } from '../../../workflows/document/states';
export type { DocumentEventType } from '../../../workflows/document/events';

export const DOCUMENT_EVENT_TYPES = Object.keys(documentEventSchemas) as DocumentEventType[];
/** Events a person may send; the others come from the worker (deadlines). */
export const USER_EVENT_TYPES = DOCUMENT_EVENT_TYPES.filter(
  (t) => documentEvents[t].roles !== 'system',
) as UserEventType[];
export type UserEventType = Exclude<DocumentEventType, 'DEADLINE_PASSED'>;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

export const roleSchema = z
  .enum(ROLES)
  .meta({ id: 'Role', description: 'A role held by recorded appointment (R-2.3, R-4.3).' });
export const classificationSchema = z
  .enum(CLASSIFICATIONS)
  .meta({ id: 'Classification', description: 'Classification mark (гриф), R-1.4.' });
export const directionSchema = z.enum(DIRECTIONS).meta({ id: 'Direction' });
export const documentKindSchema = z.enum(DOCUMENT_KINDS).meta({ id: 'DocumentKind' });
export const documentStateSchema = z.enum(DOCUMENT_STATES).meta({ id: 'DocumentState' });
export const documentEventTypeSchema = z.enum(DOCUMENT_EVENT_TYPES).meta({ id: 'DocumentEventType' });
export const ruleIdSchema = z
  .enum(RULE_IDS)
  .meta({ id: 'RuleId', description: 'A rule of the Regulation on Information Security.' });

const texts = z
  .object({ ky: z.string(), ru: z.string(), en: z.string() })
  .meta({ id: 'RuleTexts', description: 'One text in Kyrgyz, Russian and English.' });
/** `GET /api/rules`: the Regulation's rules Grif enforces, by id. */
export const rulesSchema = z
  .object(Object.fromEntries(RULE_IDS.map((id) => [id, texts])) as Record<RuleId, typeof texts>)
  .meta({ id: 'Rules' });
