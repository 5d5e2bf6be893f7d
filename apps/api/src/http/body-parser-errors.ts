import { GrifError } from '@grif/domain';

/** What body-parser (through raw-body and http-errors) throws: a `type` and a 4xx `status`. */
interface ParserError {
  type?: unknown;
  status?: unknown;
  message?: unknown;
}

/**
 * A body-parser error as the refusal it stands for, or null when `err` is not one. Its `type` names the
 * cause; a decompression failure (corrupt gzip) has none, only a 400 status, and a JSON syntax error is a
 * SyntaxError with status 400. Without this they were answered 500.
 */
export function bodyParserRefusal(err: unknown): GrifError | null {
  if (!err || typeof err !== 'object') return null;
  const { type, status } = err as ParserError;
  if (typeof status !== 'number' || status < 400 || status > 499) return null;
  const cause = { cause: err };
  switch (type) {
    case 'entity.too.large':
      return new GrifError('too_large', 'PAYLOAD_TOO_LARGE', {}, cause);
    case 'charset.unsupported':
      return new GrifError(
        'unsupported',
        'UNSUPPORTED_MEDIA_TYPE',
        {
          fields: [{ field: 'Content-Type', message: 'only the utf-8 charset is read' }],
        },
        cause,
      );
    case 'encoding.unsupported':
      return new GrifError(
        'unsupported',
        'UNSUPPORTED_MEDIA_TYPE',
        {
          fields: [{ field: 'Content-Encoding', message: 'only gzip, deflate and br are read' }],
        },
        cause,
      );
    case 'entity.parse.failed':
    case 'request.size.invalid':
    case 'request.aborted':
    case undefined:
      // A body that cannot be read: broken JSON, a corrupt gzip stream, a length that lies.
      return new GrifError(
        'invalid',
        'MALFORMED_BODY',
        {
          fields: [{ field: '(body)', message: typeof type === 'string' ? type : 'cannot be decoded' }],
        },
        cause,
      );
    default:
      return new GrifError('invalid', 'MALFORMED_BODY', {}, cause);
  }
}
