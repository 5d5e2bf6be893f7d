import { z } from 'zod';
import { documentEventSchemas } from '@grif/contracts';

/** The payload schema of every event, for forms built from them (and for OpenAPI). */
export const eventPayloadSchemas = Object.fromEntries(Object.entries(documentEventSchemas).map(([type, schema]) => [type, z.toJSONSchema(schema)]));
