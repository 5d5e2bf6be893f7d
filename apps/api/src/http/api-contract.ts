import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { errorBodySchema } from '@grif/contracts';
import { queryParameters, schemaOf } from './openapi-schemas';

/**
 * Decorators that describe a route by its contracts (libs/contracts): the OpenAPI document, the
 * generated UI types and the response check of the API tests all read them. Validation stays where it
 * is (the engine and services parse with the same schemas); these only describe.
 */

/** The JSON body the route takes. */
export const ApiJsonBody = (schema: z.ZodType) => ApiBody({ required: true, schema: schemaOf(schema) });

/** A successful answer: its status and contract (null: no body). */
export const ApiAnswer = (status: number, schema: z.ZodType | null, description: string) =>
  ApiResponse({
    status,
    description,
    ...(schema ? { content: { 'application/json': { schema: schemaOf(schema) } } } : {}),
  });

/**
 * A register: one JSON page, or with `format=csv` the whole register as CSV; a journal that is
 * printed (`printed` says what its PDF holds) also answers `format=pdf` for a period `from`–`to`.
 */
export const ApiRegisterAnswer = (page: z.ZodType, description: string, printed?: string) =>
  ApiResponse({
    status: 200,
    description:
      `${description} (\`format=csv\`: every row as RFC 4180 CSV with a UTF-8 BOM` +
      (printed ? `; \`format=pdf\`: an A4 PDF of ${printed}, \`from\`–\`to\`, in \`lang\` ky or ru)` : ')'),
    content: {
      'application/json': { schema: schemaOf(page) },
      'text/csv': { schema: { type: 'string' } },
      ...(printed ? { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } : {}),
    },
  });

/** The query parameters of a zod query schema, one by one. */
export const ApiQueryOf = (schema: z.ZodObject) => applyDecorators(...queryParameters(schema).map((p) => ApiQuery(p)));

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;
const ERRORS: Record<ErrorStatus, string> = {
  400: 'The request is not valid: `fields` names each bad field (VALIDATION_FAILED, IDEMPOTENCY_KEY_REQUIRED, WEAK_PASSWORD, CONTROL_CHARACTERS), or the body cannot be read (MALFORMED_BODY) or is nested too deeply (TOO_DEEP).',
  401: 'No valid session (UNAUTHENTICATED), wrong credentials (BAD_CREDENTIALS), or a one-time password given more than 72 hours ago (ONE_TIME_PASSWORD_EXPIRED).',
  403: "The caller's role may not do this (ROLE_REQUIRED, or RULE_VIOLATION naming the `rule`), or a one-time password must be changed first (PASSWORD_CHANGE_REQUIRED).",
  404: 'No such record, or not one the caller may see (NOT_FOUND).',
  409: 'Another change came first: If-Match names an older version, or a concurrent write won (STALE_VERSION); or the state does not accept the event (EVENT_NOT_ACCEPTED).',
  429: 'Too many failed sign-ins for this account or from this client (LOGIN_THROTTLED): try again after Retry-After seconds.',
  422: 'A rule of the Regulation refused (RULE_VIOLATION naming the `rule`), or the request names something the school does not have (HOLDER_UNKNOWN, REFERENCE_UNKNOWN), or another business refusal named by its code.',
};

/** The error answers a route gives, each an ErrorBody. (503, and the request edge's 400, 409, 413 and 415, are added by openapi.ts.) */
export const ApiErrors = (...statuses: ErrorStatus[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: ERRORS[status],
        ...(status === 429 ? { headers: { 'Retry-After': { schema: { type: 'integer', minimum: 1 } } } } : {}),
        content: { 'application/json': { schema: schemaOf(errorBodySchema) } },
      }),
    ),
  );

/** A PDF answer (an act, a printed journal). */
export const ApiPdfAnswer = (description: string) =>
  ApiResponse({
    status: 200,
    description,
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  });
