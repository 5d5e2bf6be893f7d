import { applyDecorators, Post, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { z } from 'zod';
import { AnswerStatus } from './answer-status';
import { ApiAnswer, ApiErrors, ApiJsonBody } from './api-contract';
import type { EventRequest } from './event-request';

/** `POST …/:id/events` of a machine's instances (documents, acts, breach cases): one contract, one set of headers. */
export const EventRoute = (request: z.ZodType, accepted: z.ZodType) =>
  applyDecorators(
    Post(':id/events'),
    UseInterceptors(AnswerStatus),
    ApiJsonBody(request),
    ApiHeader({ name: 'Idempotency-Key', required: true }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the version you read; 409 if it moved on' }),
    ApiAnswer(200, accepted, 'Accepted (or the same answer again for a repeated Idempotency-Key).'),
    ApiErrors(400, 401, 403, 404, 409, 422),
  );

/** The flat body `{type, ...payload}` and the two headers, as the services take them. */
export function eventRequest(body: unknown, headers: Record<string, string | undefined>): EventRequest {
  const flat = body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const { type, ...payload } = flat;
  return { type: type as string, payload, idempotencyKey: headers['idempotency-key'], ifMatch: headers['if-match'] };
}
