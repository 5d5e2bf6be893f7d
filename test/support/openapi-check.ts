import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the check reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation | unknown>>;
  components?: { schemas?: Record<string, unknown> };
}
interface OpenApiOperation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const ROOT = 'https://grif.invalid/openapi.json';

interface Compiled {
  ajv: Ajv2020;
  routes: { pattern: RegExp; template: string; literal: number }[];
  validators: Map<string, ValidateFunction>;
}
const compiled = new WeakMap<OpenApiDocument, Compiled>();

function compile(doc: OpenApiDocument): Compiled {
  let c = compiled.get(doc);
  if (c) return c;
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  ajv.addKeyword('components'); // the root below is not a schema itself, only the home of the components
  // The components are one schema document; an answer's `#/components/...` refs point into it.
  ajv.addSchema({ $id: ROOT, components: doc.components ?? {} });
  const routes = Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}/]+\}/g, '[^/]+')}$`),
    literal: template.split('/').filter((s) => s && !s.startsWith('{')).length,
  }));
  routes.sort((a, b) => b.literal - a.literal); // "/documents/events" before "/documents/{id}"
  c = { ajv, routes, validators: new Map() };
  compiled.set(doc, c);
  return c;
}

function rebased(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebased);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? ROOT + v : rebased(v),
    ]),
  );
}

const describeError = (e: ErrorObject) => {
  const where = e.instancePath || '(body)';
  const extra =
    e.keyword === 'additionalProperties'
      ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
      : e.keyword === 'enum'
        ? ` ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`
        : '';
  return `  ${where} ${e.message}${extra}`;
};

/** Only what the API serves is described: the UI's pages and Bull Board are not its operations. */
export const isApiPath = (path: string) => /^\/(api\/|health(\/|\?|$))/.test(path);

/**
 * Throws a readable error unless `body` is what the document promises for this operation and status.
 * An undocumented operation or status fails; a non-JSON answer (CSV) is checked by its content type only.
 */
export function checkResponse(
  doc: OpenApiDocument,
  method: string,
  path: string,
  status: number,
  contentType: string | null,
  body: unknown,
): void {
  const c = compile(doc);
  const pathOnly = path.split('?')[0]!;
  const op = `${method.toUpperCase()} ${pathOnly} → ${status}`;
  const route = c.routes.find(
    (r) => r.pattern.test(pathOnly) && (doc.paths[r.template] as Record<string, unknown>)[method.toLowerCase()],
  );
  if (!route) throw new Error(`OpenAPI: ${op}: no such operation in the document`);
  const operation = doc.paths[route.template]![method.toLowerCase()] as OpenApiOperation;
  const answer = operation.responses[String(status)];
  if (!answer)
    throw new Error(
      `OpenAPI: ${op}: status ${status} is not documented for ${method.toUpperCase()} ${route.template} (documented: ${Object.keys(operation.responses).join(', ')})`,
    );
  const media = contentType?.split(';')[0]!.trim().toLowerCase();
  if (!answer.content) {
    if (body !== undefined)
      throw new Error(`OpenAPI: ${op}: documented without a body, but answered ${JSON.stringify(body).slice(0, 300)}`);
    return;
  }
  if (!media || !answer.content[media])
    throw new Error(
      `OpenAPI: ${op}: content type ${contentType ?? '(none)'} is not documented (documented: ${Object.keys(answer.content).join(', ')})`,
    );
  if (media !== 'application/json') return;
  const key = `${route.template} ${method} ${status}`;
  let validate = c.validators.get(key);
  if (!validate) {
    validate = c.ajv.compile(rebased(answer.content[media].schema ?? {}) as object);
    c.validators.set(key, validate);
  }
  if (!validate(body)) {
    const errors = (validate.errors ?? []).slice(0, 8).map(describeError).join('\n');
    throw new Error(
      `OpenAPI: ${op}: the body does not match ${method.toUpperCase()} ${route.template} ${status}:\n${errors}\nbody: ${JSON.stringify(body).slice(0, 600)}`,
    );
  }
}

/** Fetches the document the API serves, once, and checks answers against it. */
export async function responseChecker(
  base: string,
): Promise<(method: string, path: string, status: number, contentType: string | null, body: unknown) => void> {
  const res = await fetch(`${base}/api/docs-json`);
  if (!res.ok) throw new Error(`GET /api/docs-json answered ${res.status}`);
  const doc = (await res.json()) as OpenApiDocument;
  return (method, path, status, contentType, body) => {
    if (isApiPath(path)) checkResponse(doc, method, path, status, contentType, body);
  };
}
