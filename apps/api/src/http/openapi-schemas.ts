import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';
import '@grif/contracts'; // every contract names itself in zod's global registry when loaded

export type Schema = SchemaObject | ReferenceObject;
export const COMPONENTS = '#/components/schemas/';
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * What zod writes but a reader of the document does not need: the regex behind a format it
 * already names, and the ±2^53 bounds of every `z.int()`.
 */
const tidy = ({ jsonSchema: s }: { jsonSchema: Record<string, unknown> }) => {
  if (s.format && s.pattern) delete s.pattern;
  if (s.minimum === -SAFE) delete s.minimum;
  if (s.maximum === SAFE) delete s.maximum;
};

/**
 * Every named contract (`.meta({ id })`) as a component. zod writes JSON Schema 2020-12, which is
 * exactly the schema dialect of OpenAPI 3.1: no translation, only the ids and dialect markers go.
 */
export function contractComponents(): Record<string, SchemaObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => COMPONENTS + id,
    unrepresentable: 'throw',
    override: tidy,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $id: _id, $schema: _dialect, ...schema }]) => [id, schema as SchemaObject]),
  );
}

/** `{$ref}` to the component a contract is; an array of contracts is an array of refs. */
export function schemaOf(schema: z.ZodType): Schema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: COMPONENTS + id };
  if (schema instanceof z.ZodArray) return { type: 'array', items: schemaOf(schema.element as z.ZodType) };
  throw new Error('not a contract: name it with .meta({ id }) in libs/contracts');
}

/** The query parameters a zod object accepts, as the client writes them (io: input: defaults are optional). */
export function queryParameters(
  schema: z.ZodObject,
): { name: string; required: boolean; description?: string; schema: SchemaObject }[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', override: tidy }) as {
    properties?: Record<string, SchemaObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...s }]) => ({
    name,
    required: json.required?.includes(name) ?? false,
    ...(description ? { description } : {}),
    schema: s,
  }));
}
