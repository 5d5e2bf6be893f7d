import { z } from 'zod';
import { ERROR_CODES } from '@grif/domain';
import { ruleIdSchema } from './vocabulary';

/**
 * Codes the HTTP layer itself answers with, beside the codes of GrifError (which also name what the
 * request edge refuses: a body too large, not JSON, too deep): a bug.
 */
export const HTTP_ERROR_CODES = ['INTERNAL'] as const;
/** Every `code` an error answer may carry. */
export const API_ERROR_CODES = [...ERROR_CODES, ...HTTP_ERROR_CODES];
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const errorCodeSchema = z.enum(API_ERROR_CODES).meta({ id: 'ErrorCode' });
export const fieldIssueSchema = z.object({ field: z.string(), message: z.string() }).meta({
  id: 'FieldIssue',
  description: 'One bad field of the request (a body path, a query parameter or a header).',
});

/** Every error answer: a code for programs, a sentence for people (in the caller's language), the rule when one refused. */
export const errorBodySchema = z
  .object({
    statusCode: z.int(),
    code: errorCodeSchema,
    message: z.string(),
    rule: ruleIdSchema.optional(),
    fields: z.array(fieldIssueSchema).optional(),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
