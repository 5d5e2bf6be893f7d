import { GrifError } from '@grif/domain';

/** `POST /api/<instances>/{id}/events`, as documents and acts take it. */
export interface EventRequest {
  type: string;
  payload: Record<string, unknown>;
  idempotencyKey?: string;
  ifMatch?: string;
}

/** "3", "\"3\"" or W/"3" → 3; anything else is a 400 naming the header. */
function parseIfMatch(v: string | undefined): number | undefined {
  if (v == null || v === '') return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(v.trim());
  if (!m)
    throw new GrifError('invalid', 'VALIDATION_FAILED', {
      fields: [{ field: 'If-Match', message: 'must be the version you read, a whole number' }],
    });
  return Number(m[1]);
}

/** The headers and the type every event request must carry: 400 naming what is missing, before anything runs. */
export function checkEventRequest(req: EventRequest): { idempotencyKey: string; expectedVersion?: number } {
  if (!req.idempotencyKey)
    throw new GrifError('invalid', 'IDEMPOTENCY_KEY_REQUIRED', {
      fields: [{ field: 'Idempotency-Key', message: 'required' }],
    });
  if (req.idempotencyKey.length > 200)
    throw new GrifError('invalid', 'VALIDATION_FAILED', {
      fields: [{ field: 'Idempotency-Key', message: 'at most 200 characters' }],
    });
  if (typeof req.type !== 'string' || !req.type)
    throw new GrifError('invalid', 'VALIDATION_FAILED', { fields: [{ field: 'type', message: 'required' }] });
  return { idempotencyKey: req.idempotencyKey, expectedVersion: parseIfMatch(req.ifMatch) };
}
