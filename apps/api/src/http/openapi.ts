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
    for (const op of METHODS.map((m) => item[m] as Operation | undefined)) if (op) answersOfEveryRoute(op);
  }
  return doc;
}

/** What every route shares, said once here rather than on each of them. */
function answersOfEveryRoute(op: Operation): void {
  // The session is the bearer token or the HttpOnly cookie that login sets: either will do.
  if (op.security?.some((s) => 'bearer' in s)) op.security = [{ bearer: [] }, { session: [] }];
  // The JSON parser answers before any route.
  if (op.requestBody)
    op.responses['413'] ??= {
      description: 'The body is larger than 1 MB (PAYLOAD_TOO_LARGE).',
      content: errorContent(),
    };
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
