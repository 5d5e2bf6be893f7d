import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestLang } from './grif-exception.filter';

/** The reader's language (Accept-Language, then their profile, then Kyrgyz), for answers that carry words. */
export const ReaderLang = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  requestLang(ctx.switchToHttp().getRequest()),
);
