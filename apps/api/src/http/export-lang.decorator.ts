import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { LANGS, type Lang } from '@grif/domain';
import { requestLang } from './grif-exception.filter';

/**
 * The language of a download when the query names none (`lang=` wins over this): the user's own
 * locale first, since a browser following a download link sends its own Accept-Language, not the
 * UI's; then Accept-Language; then Kyrgyz.
 */
export const ExportLang = createParamDecorator((_: unknown, ctx: ExecutionContext): Lang => {
  const req = ctx.switchToHttp().getRequest();
  const profile = req.auth?.user?.locale as Lang | undefined;
  return profile && LANGS.includes(profile) ? profile : requestLang(req);
});
