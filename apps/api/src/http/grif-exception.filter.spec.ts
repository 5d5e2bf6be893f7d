import { Logger, type ArgumentsHost } from '@nestjs/common';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { GrifError } from '@grif/domain';
import type { OutageLog } from '@grif/core';
import { GrifExceptionFilter } from './grif-exception.filter';

/** The filter alone, on a recorded response: which status and body each kind of error becomes. */
function answer(err: unknown): { status: number; body: any } {
  const out = { status: 0, body: undefined as any };
  const res = {
    setHeader: () => res,
    status: (s: number) => ((out.status = s), res),
    json: (b: unknown) => ((out.body = b), res),
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ headers: { 'accept-language': 'en' } }), getResponse: () => res }),
  } as unknown as ArgumentsHost;
  new GrifExceptionFilter({ failed: () => undefined } as unknown as OutageLog).catch(err, host);
  return out;
}

describe('GrifExceptionFilter', () => {
  it('a unique key taken that no repository named is 409 DUPLICATE, not 500', () => {
    const err = new UniqueConstraintViolationException(new Error('UNIQUE constraint failed: users.username'));
    expect(answer(err)).toEqual({
      status: 409,
      body: { statusCode: 409, code: 'DUPLICATE', message: 'An entry with the same unique value already exists.' },
    });
  });

  it('a repository that named the rule keeps its code, even with the violation as its cause', () => {
    const cause = new UniqueConstraintViolationException(new Error('UNIQUE'));
    expect(answer(new GrifError('conflict', 'ALREADY_EXISTS', {}, { cause })).body.code).toBe('ALREADY_EXISTS');
  });

  it('the edge kinds are 413 and 415; a body-parser error reaching the filter directly is still a 4xx', () => {
    expect(answer(new GrifError('too_large', 'PAYLOAD_TOO_LARGE')).status).toBe(413);
    expect(answer(new GrifError('unsupported', 'UNSUPPORTED_MEDIA_TYPE')).status).toBe(415);
    const parser = Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' });
    expect(answer(parser).body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('anything else is 500 INTERNAL and says nothing more', () => {
    // The stack goes to the log (silenced here), never to the caller.
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    expect(answer(new Error('secret detail'))).toEqual({
      status: 500,
      body: { statusCode: 500, code: 'INTERNAL', message: 'Internal error' },
    });
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('secret detail'));
    logged.mockRestore();
  });
});
