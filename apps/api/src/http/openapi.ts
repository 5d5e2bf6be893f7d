import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { errorBodySchema } from '@grif/contracts';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { contractComponents, schemaOf } from './openapi-schemas';

type Operation = { requestBody?: unknown; responses: Record<string, unknown>; security?: Record<string, string[]>[] };
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const errorContent = () => ({ 'application/json': { schema: schemaOf(errorBodySchema) } });

/**
 * The API's OpenAPI 3.1 document: paths and parameters from the controllers, bodies and answers from
 * their contract decorators (api-contract.ts), and every contract of libs/contracts as a component.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Grif API')
    .setDescription(
      'Records management and information security of school No. 35 (Sh. Suerkulov). Errors are ErrorBody; see docs/api.md.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'opaque',
      description: 'The token that POST /api/auth/login answers.',
    })
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }, 'session')
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  doc.components = { ...doc.components, schemas: contractComponents() };
  for (const item of Object.values(doc.paths)) {
    for (const m of METHODS) if (item[m]) answersOfEveryRoute(item[m] as Operation, m);
  }
  return doc;
}

const CSRF_REFUSAL =
  'A browser request from another origin (Origin, Sec-Fetch-Site: cross-site), or one that the session cookie authenticates without the X-CSRF-Token header repeating the grif_csrf cookie (CSRF_REJECTED).';

/** What every route shares, said once here rather than on each of them. */
function answersOfEveryRoute(op: Operation, method: (typeof METHODS)[number]): void {
  // http/csrf.ts refuses a forged unsafe request before any route (a Bearer token is never asked for the cookie).
  if (method !== 'get') {
    const forbidden = op.responses['403'] as { description: string } | undefined;
    op.responses['403'] = forbidden
      ? { ...forbidden, description: `${forbidden.description} Or: ${CSRF_REFUSAL}` }
      : { description: CSRF_REFUSAL, content: errorContent() };
  }
  // The session is the bearer token or the HttpOnly cookie that login sets: either will do.
  if (op.security?.some((s) => 'bearer' in s)) op.security = [{ bearer: [] }, { session: [] }];
  // The request edge (request-edge.ts) answers before any route: a query string or path with control characters…
  op.responses['400'] ??= {
    description:
      'The request is not valid: a path or query value with control characters (CONTROL_CHARACTERS), or a bad Idempotency-Key (VALIDATION_FAILED); `fields` names it.',
    content: errorContent(),
  };
  // …and, on a method that may carry a body, a body it will not read.
  if (method !== 'get') {
    op.responses['413'] ??= {
      description: 'The body is larger than 1 MB (PAYLOAD_TOO_LARGE).',
      content: errorContent(),
    };
    op.responses['415'] ??= {
      description: 'The body is not JSON, or in a charset or compression Grif does not read (UNSUPPORTED_MEDIA_TYPE).',
      content: errorContent(),
    };
    // A unique key taken (DUPLICATE), on any write.
    op.responses['409'] ??= {
      description: 'A record with the same unique value exists (DUPLICATE).',
      content: errorContent(),
    };
  }
  // A bug, never a business answer: the body says only INTERNAL (the log has the rest).
  op.responses['500'] ??= {
    description: 'An unexpected error (INTERNAL); nothing about it is shown.',
    content: errorContent(),
  };
  // Every route reads the database (the session check at least).
  op.responses['503'] ??= {
    description: 'The database cannot be reached for now (DATABASE_UNAVAILABLE): try again after Retry-After seconds.',
    headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } },
    content: errorContent(),
  };
}

/** Serves the document at `/api/docs-json` and its browser at `/api/docs`. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => openApiDocument(app));
}
