/**
 * From the JSON Schema of an event payload (GET /api/schemas/document-events,
 * written by `z.toJSONSchema`) to the fields of a form, and from the filled
 * form back to a payload. Pure: no React, no fetch.
 */
import { bishkekLocalToIso } from './format';
import type { JsonSchema } from './types';

export type FieldKind =
  'enum' | 'text' | 'textarea' | 'datetime' | 'date' | 'integer' | 'number' | 'boolean' | 'holder' | 'cabinet' | 'file';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  required: boolean;
  nullable: boolean;
  options?: string[];
  min?: number;
  max?: number;
  minLength?: number;
  maxLength?: number;
  defaultValue?: unknown;
  title?: string;
  description?: string;
}

/** A form is one or more variants (a payload that is "{cabinetId} or {location}" has two). */
export interface FormShape {
  variants: FieldSpec[][];
}

/** Fields that name something the school keeps: chosen from a list, not typed. */
const REF_PICKERS: Record<string, FieldKind> = { holderId: 'holder', cabinetId: 'cabinet', fileId: 'file' };

function resolve(s: JsonSchema, root: JsonSchema, depth = 0): JsonSchema {
  if (!s.$ref || depth > 8) return s;
  const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
  const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[decodeURIComponent(m[2]!)] : undefined;
  if (!target) return s;
  const { $ref: _ref, ...rest } = s;
  return resolve({ ...target, ...rest }, root, depth + 1);
}

function isNullSchema(s: JsonSchema): boolean {
  return s.type === 'null' || (Array.isArray(s.type) && s.type.length === 1 && s.type[0] === 'null');
}

function branches(s: JsonSchema): JsonSchema[] | undefined {
  return s.anyOf ?? s.oneOf;
}

/** Strips a "| null" from a schema: the remaining schema and whether null was allowed. */
function unwrapNullable(s: JsonSchema, root: JsonSchema): { schema: JsonSchema; nullable: boolean } {
  s = resolve(s, root);
  const bs = branches(s);
  if (bs && bs.some(isNullSchema)) {
    const rest = bs.filter((b) => !isNullSchema(b));
    if (rest.length === 1) return { schema: resolve(rest[0]!, root), nullable: true };
    return { schema: { ...s, anyOf: rest, oneOf: undefined }, nullable: true };
  }
  if (Array.isArray(s.type)) {
    const types = s.type.filter((t) => t !== 'null');
    return { schema: { ...s, type: types.length === 1 ? types[0] : types }, nullable: types.length < s.type.length };
  }
  return { schema: s, nullable: false };
}

function enumValues(s: JsonSchema): string[] | undefined {
  if (Array.isArray(s.enum)) return s.enum.map(String);
  const bs = branches(s);
  if (bs && bs.length > 0 && bs.every((b) => b.const !== undefined)) return bs.map((b) => String(b.const));
  if (s.const !== undefined) return [String(s.const)];
  return undefined;
}

export function fieldSpec(name: string, raw: JsonSchema, required: boolean, root: JsonSchema): FieldSpec {
  const { schema: s, nullable } = unwrapNullable(raw, root);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const base: FieldSpec = {
    name,
    kind: 'text',
    required,
    nullable,
    defaultValue: s.default,
    title: s.title,
    description: s.description,
  };
  const options = enumValues(s);
  if (REF_PICKERS[name] && (type === 'string' || type === undefined) && !options)
    return { ...base, kind: REF_PICKERS[name]!, maxLength: s.maxLength };
  if (options) return { ...base, kind: 'enum', options };
  switch (type) {
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'integer':
    case 'number':
      return {
        ...base,
        kind: type,
        min:
          s.minimum ??
          (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + (type === 'integer' ? 1 : 0) : undefined),
        max:
          s.maximum ??
          (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - (type === 'integer' ? 1 : 0) : undefined),
      };
    case 'string':
    default:
      if (s.format === 'date-time') return { ...base, kind: 'datetime' };
      if (s.format === 'date') return { ...base, kind: 'date' };
      return {
        ...base,
        kind: (s.maxLength ?? 0) >= 300 ? 'textarea' : 'text',
        minLength: s.minLength,
        maxLength: s.maxLength,
      };
  }
}

function objectVariants(s: JsonSchema, root: JsonSchema): FieldSpec[][] {
  s = resolve(s, root);
  const bs = branches(s);
  if (bs && bs.length > 0) {
    const objects = bs.map((b) => resolve(b, root)).filter((b) => !isNullSchema(b));
    return objects.flatMap((b) => objectVariants(b, root));
  }
  if (s.allOf && s.allOf.length > 0) {
    // Merge the parts (each part's first variant): rarely used, kept simple.
    return [s.allOf.flatMap((part) => objectVariants(part, root)[0] ?? [])];
  }
  const required = new Set(s.required ?? []);
  return [Object.entries(s.properties ?? {}).map(([name, p]) => fieldSpec(name, p, required.has(name), root))];
}

export function formShape(schema: JsonSchema): FormShape {
  const variants = objectVariants(schema, schema);
  return { variants: variants.length > 0 ? variants : [[]] };
}

export type FormValues = Record<string, string | boolean>;

/** Starting values: the schema's defaults; a required whole number starts at its minimum. */
export function initialValues(fields: FieldSpec[]): FormValues {
  const v: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') v[f.name] = f.defaultValue === true;
    else if (f.defaultValue !== undefined && f.defaultValue !== null) v[f.name] = String(f.defaultValue);
    else if (f.kind === 'integer' && f.required && f.min !== undefined) v[f.name] = String(f.min);
    else v[f.name] = '';
  }
  return v;
}

/** The payload to send: trimmed text, numbers as numbers, date-times as UTC instants, empty optionals left out. */
export function toPayload(fields: FieldSpec[], values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const raw = values[f.name];
    if (f.kind === 'boolean') {
      if (raw === true) out[f.name] = true;
      else if (f.required) out[f.name] = false;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (f.required && f.nullable) out[f.name] = null;
      else if (f.required) out[f.name] = ''; // let the server name the missing field
      continue;
    }
    switch (f.kind) {
      case 'integer':
      case 'number':
        out[f.name] = Number(text);
        break;
      case 'datetime':
        out[f.name] = bishkekLocalToIso(text) ?? text;
        break;
      default:
        out[f.name] = text;
    }
  }
  return out;
}
