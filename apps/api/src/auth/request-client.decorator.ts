import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { sessionClient } from '../identity/session-client';

/**
 * The client a request comes from (its User-Agent and address, as a label and a hash), for the session
 * it opens, and the address the sign-in throttle counts. The address is the peer's: behind a
 * reverse proxy, GRIF_TRUST_PROXY (Express's `trust proxy`) makes it the client's from X-Forwarded-For.
 */
export const RequestClient = createParamDecorator((_: unknown, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<Request>();
  const address = req.ip ?? req.socket.remoteAddress ?? '';
  return { ...sessionClient(req.get('user-agent'), address), address };
});
