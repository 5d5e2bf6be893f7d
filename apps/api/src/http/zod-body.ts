import type { ZodType } from 'zod';
import { parsePayload } from '@grif/engine';

/** Request bodies go through the same schema check as event payloads: 400 naming the field. */
export const parseBody = <T>(schema: ZodType<T>, body: unknown): T => parsePayload(schema, body);
