import { z } from 'zod';
// The machine-free module of workflows/ (see vocabulary.ts).
import {
  documentEventSchemas,
  registerDocumentSchema,
  type DocumentEventType,
  type DocumentPayload,
} from '../../../workflows/document/events';
import {
  classificationSchema,
  directionSchema,
  documentKindSchema,
  USER_EVENT_TYPES,
  type UserEventType,
} from './vocabulary';

const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();

export { documentEventSchemas };
/** `POST /api/documents` (R-4.1b): the schema the engine checks the body with. */
export const registerDocumentRequestSchema = registerDocumentSchema.meta({ id: 'RegisterDocumentRequest' });
export { registerDocumentSchema };
export type { RegisterDocument as RegisterDocumentRequest } from '../../../workflows/document/events';

/** The JSON Schema (draft 2020-12) of each event's payload: `GET /api/schemas/document-events`, and the UI's forms. */
export const documentEventJsonSchemas = Object.fromEntries(
  Object.entries(documentEventSchemas).map(([type, schema]) => [
    type,
    z.toJSONSchema(schema) as Record<string, unknown>,
  ]),
) as Record<DocumentEventType, Record<string, unknown>>;
export const documentEventJsonSchemasSchema = z
  .object(
    Object.fromEntries(
      Object.keys(documentEventSchemas).map((type) => [type, z.record(z.string(), z.unknown())]),
    ) as Record<DocumentEventType, z.ZodRecord<z.ZodString, z.ZodUnknown>>,
  )
  .meta({ id: 'DocumentEventSchemas', description: 'The JSON Schema of each event payload, by event type.' });

const pascal = (type: string) => type.toLowerCase().replace(/(^|_)([a-z])/g, (_m, _s, c: string) => c.toUpperCase());

/** `{type, ...payload}`: the event's own payload schema with its type beside it (a union stays a union). */
function withType(type: string, payload: z.ZodType): z.ZodType {
  if (payload instanceof z.ZodObject) return z.strictObject({ type: z.literal(type) }).extend(payload.shape);
  if (payload instanceof z.ZodUnion) return z.union((payload.options as z.ZodType[]).map((o) => withType(type, o)));
  throw new Error(`event ${type}: a payload is an object or a union of objects`);
}

/** The body of `POST /api/documents/{id}/events`, one component per event a person may send. */
export const documentEventRequestSchemas = Object.fromEntries(
  USER_EVENT_TYPES.map((type) => [
    type,
    withType(type, documentEventSchemas[type]).meta({ id: `${pascal(type)}Event` }),
  ]),
) as Record<UserEventType, z.ZodType>;
export const documentEventRequestSchema = z
  .union(USER_EVENT_TYPES.map((t) => documentEventRequestSchemas[t]))
  .meta({ id: 'DocumentEventRequest' });
export type DocumentEventRequest = { [T in UserEventType]: { type: T } & DocumentPayload<T> }[UserEventType];

/** `POST /api/documents` → 201. */
export const documentRegisteredSchema = z
  .object({ id: z.string(), regNumber: z.string(), state: z.string(), version: z.int() })
  .meta({ id: 'DocumentRegistered' });
export type DocumentRegistered = z.infer<typeof documentRegisteredSchema>;

/** `POST /api/documents/{id}/events` → 200: where the document is now, and its new version (send it back as If-Match). */
export const eventAcceptedSchema = z
  .object({
    state: z.string(),
    version: z.int(),
    copies: z
      .array(z.object({ id: z.string(), regNumber: z.string(), copyNumber: z.int() }))
      .optional()
      .describe('COPY only: the copies this event made, by number (R-4.1c).'),
  })
  .meta({ id: 'EventAccepted' });
export type EventAccepted = z.infer<typeof eventAcceptedSchema>;

const holderSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  issuedAt: instant,
  dueAt: instant.nullable(),
  acknowledgedAt: instant.nullable(),
});

export const documentViewSchema = z
  .object({
    id: z.string(),
    regNumber: z.string(),
    state: z.string(),
    version: z.int(),
    classification: classificationSchema.nullable(),
    direction: directionSchema,
    kind: documentKindSchema,
    title: z.string(),
    correspondent: z.string(),
    documentDate: day,
    pages: z.int(),
    annexes: z.string().nullable(),
    location: z.string().nullable(),
    cabinetId: z.string().nullable(),
    cabinet: z
      .object({ id: z.string(), name: z.string(), roomName: z.string(), secure: z.boolean() })
      .nullable()
      .describe('The registered cabinet it lies in, by name, and whether its room is secure (R-4.2.2).'),
    file: z.object({ id: z.string(), index: z.string(), title: z.string() }).nullable(),
    destructionEligibleFrom: day
      .nullable()
      .describe(
        "First day the document may be destroyed (its file's year + retention); null = kept permanently or unfiled.",
      ),
    copyOf: z.object({ id: z.string(), regNumber: z.string() }).nullable(),
    copyNumber: z.int().nullable(),
    copiesMade: z.int(),
    dispatched: z.object({ addressee: z.string(), via: z.string().nullable(), at: instant }).nullable(),
    lost: z
      .object({ circumstances: z.string(), at: instant, reportedBy: z.string(), reportedByName: z.string() })
      .nullable(),
    holder: holderSchema.nullable(),
    availableEvents: z.array(z.string()).describe('Events this caller may send now, as the machine would accept them.'),
    blockedEvents: z
      .array(z.object({ type: z.string(), rule: z.string().optional(), code: z.string() }))
      .describe("Events the caller's role allows but a rule forbids now, with that rule: show them, and say why."),
  })
  .meta({ id: 'DocumentView' });
export type DocumentView = z.infer<typeof documentViewSchema>;

export const historyItemSchema = z
  .object({
    seq: z.int(),
    type: z.string(),
    actor: z.string(),
    actorName: z.string(),
    at: instant,
    from: z.string().nullable(),
    to: z.string(),
    payload: z.unknown(),
    names: z
      .record(z.string(), z.string())
      .describe(
        'What each id in the payload names (a person, a cabinet, a file), in words: show these, never the ids.',
      ),
    withheld: z
      .array(z.string())
      .describe("Payload fields left out for this reader: a holder reads only their own issue's purpose."),
    previousClassification: classificationSchema
      .nullable()
      .optional()
      .describe(
        'RECLASSIFY only: the mark it replaced (null: none yet), as the history before it gives it; the event itself carries only the new mark.',
      ),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'HistoryItem', description: 'One link of the hash-chained history.' });
export type HistoryItem = z.infer<typeof historyItemSchema>;

/** `GET /api/documents/{id}/holder-at?at=`: one document as its history leaves it at that moment. */
export const holderAtSchema = z
  .object({
    at: instant,
    holderId: z.string().nullable(),
    state: z.string().nullable(),
    classification: classificationSchema.nullable(),
  })
  .meta({ id: 'HolderAt' });
export type HolderAt = z.infer<typeof holderAtSchema>;
export const holderAtQuerySchema = z.object({ at: instant });
