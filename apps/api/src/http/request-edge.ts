import type { NextFunction, Request, Response } from 'express';
import { FieldIssue, GrifError } from '@grif/domain';
import { bodyParserRefusal } from './body-parser-errors';
import { controlIssue, inspectJson, MAX_JSON_DEPTH } from './input-inspection';

/** The longest Idempotency-Key taken: a UUID is 36; the key is stored with every answer it guards. */
export const MAX_IDEMPOTENCY_KEY = 200;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Only the API reads bodies; the UI's pages and Bull Board (/admin/queues) keep their own ways. */
const isApi = (req: Request) => /^\/api(\/|$)/.test(req.path);

/** A body is coming: chunked, or a length above zero. */
const carriesBody = (req: Request) =>
  req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/** `application/json`, with or without parameters. */
const isJson = (req: Request) => /^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '');

/**
 * JSON is UTF-8 (RFC 8259 §8.1). body-parser would also decode UTF-16, UTF-32 and even UTF-7, whose `+AAA-`
 * spells characters no byte of the body shows; one encoding keeps what is checked what is read.
 */
const foreignCharset = (req: Request) => {
  const m = /;\s*charset\s*=\s*"?([^";\s]*)/i.exec(req.headers['content-type'] ?? '');
  return m !== null && m[1]!.toLowerCase() !== 'utf-8';
};

function controls(issues: FieldIssue[]): GrifError {
  return new GrifError('invalid', 'CONTROL_CHARACTERS', { fields: issues });
}

/**
 * Runs before the body is read: an unsafe API request with a body that is not JSON is 415 (a form post
 * from another site among them); control characters in the query string and a hostile Idempotency-Key
 * are 400. Nothing has touched the database yet.
 */
export function beforeBody(req: Request, _res: Response, next: NextFunction): void {
  if (isApi(req) && UNSAFE.has(req.method) && carriesBody(req) && !isJson(req))
    return next(
      new GrifError('unsupported', 'UNSUPPORTED_MEDIA_TYPE', {
        fields: [{ field: 'Content-Type', message: 'must be application/json' }],
      }),
    );
  if (isApi(req) && carriesBody(req) && isJson(req) && foreignCharset(req))
    return next(
      new GrifError('unsupported', 'UNSUPPORTED_MEDIA_TYPE', {
        fields: [{ field: 'Content-Type', message: 'only the utf-8 charset is read' }],
      }),
    );
  const query = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
  const issues: FieldIssue[] = [];
  // URLSearchParams decodes %00 and + as the route's query parser does, and keeps a broken escape as text.
  for (const [k, v] of new URLSearchParams(query)) {
    const issue = controlIssue(k, k, 'has a name with') ?? controlIssue(k, v);
    if (issue && issues.length < 10) issues.push(issue);
  }
  if (issues.length) return next(controls(issues));
  const key = req.headers['idempotency-key'];
  if (typeof key === 'string' && (key.length > MAX_IDEMPOTENCY_KEY || controlIssue('', key)))
    return next(
      new GrifError('invalid', 'VALIDATION_FAILED', {
        fields: [
          { field: 'Idempotency-Key', message: `at most ${MAX_IDEMPOTENCY_KEY} characters, no control characters` },
        ],
      }),
    );
  next();
}

/** Right after the JSON parser: its errors become the refusals they are (413, 415, 400), not 500. */
export function parserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(bodyParserRefusal(err) ?? err);
}

/** Once parsed, before any route: nesting deeper than MAX_JSON_DEPTH, and control characters anywhere, are 400. */
export function afterBody(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined || req.body === null || typeof req.body !== 'object') return next();
  const found = inspectJson(req.body);
  if (found.tooDeep)
    return next(
      new GrifError('invalid', 'TOO_DEEP', {
        fields: [{ field: '(body)', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }],
      }),
    );
  if (found.controls.length) return next(controls(found.controls));
  next();
}
