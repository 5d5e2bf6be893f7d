import { bodyParserRefusal } from './body-parser-errors';

/** The errors as body-parser 2 raises them (http-errors: a `type` and a `status`). */
const parserError = (status: number, type?: string) => Object.assign(new Error('x'), { status, type });

describe('bodyParserRefusal', () => {
  it.each([
    [413, 'entity.too.large', 'too_large', 'PAYLOAD_TOO_LARGE'],
    [415, 'charset.unsupported', 'unsupported', 'UNSUPPORTED_MEDIA_TYPE'],
    [415, 'encoding.unsupported', 'unsupported', 'UNSUPPORTED_MEDIA_TYPE'],
    [400, 'entity.parse.failed', 'invalid', 'MALFORMED_BODY'],
    [400, 'request.size.invalid', 'invalid', 'MALFORMED_BODY'],
    [400, undefined, 'invalid', 'MALFORMED_BODY'], // a zlib error: corrupt gzip
  ])('%i %s is %s %s', (status, type, kind, code) => {
    expect(bodyParserRefusal(parserError(status, type))).toMatchObject({ kind, code });
  });

  it('leaves alone what is not a 4xx of the parser: a bug stays a 500', () => {
    expect(bodyParserRefusal(new Error('boom'))).toBeNull();
    expect(bodyParserRefusal(parserError(500, 'whatever'))).toBeNull();
    expect(bodyParserRefusal(null)).toBeNull();
  });
});
