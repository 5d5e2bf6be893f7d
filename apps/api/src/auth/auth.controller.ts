import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  changePasswordRequestSchema,
  installSchema,
  loginRequestSchema,
  loginResponseSchema,
  meSchema,
} from '@grif/contracts';
import { Authenticated, IdentityService, SignInClient } from '../identity/identity.service';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { parseBody } from '../http/zod-body';
import { CurrentSession } from './current-actor.decorator';
import { AllowPendingPassword, Public } from './public.decorator';
import { RequestClient } from './request-client.decorator';
import { AnyUser } from './roles.decorator';
import { ClearsSessionCookie, SetsSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Get('install')
  @ApiAnswer(200, installSchema, 'The school the install was set up for, which the sign-in page names.')
  install() {
    return this.identity.install();
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseInterceptors(SetsSessionCookie)
  @ApiJsonBody(loginRequestSchema)
  @ApiAnswer(
    200,
    loginResponseSchema,
    'Signed in with a new token, also set as the HttpOnly cookie (`__Host-grif_session` over HTTPS, else `grif_session`). ' +
      'The 11th failed attempt within 15 minutes, for the account or from the client, is 429 until the window passes, the right password too.',
  )
  @ApiErrors(400, 401, 429)
  async login(@Body() body: unknown, @RequestClient() client: SignInClient) {
    const { username, password } = parseBody(loginRequestSchema, body);
    return this.identity.login(username, password, client);
  }

  @AnyUser("the caller's own session only")
  @AllowPendingPassword()
  @Post('auth/logout')
  @HttpCode(204)
  @UseInterceptors(ClearsSessionCookie)
  @ApiBearerAuth()
  @ApiAnswer(204, null, 'Signed out: the session is revoked and the cookie cleared.')
  @ApiErrors(401)
  async logout(@CurrentSession() session: Authenticated) {
    await this.identity.logout(session.sessionId);
  }

  @AnyUser("ends only the caller's own sessions")
  @AllowPendingPassword()
  @Post('auth/logout-all')
  @HttpCode(204)
  @UseInterceptors(ClearsSessionCookie)
  @ApiBearerAuth()
  @ApiAnswer(
    204,
    null,
    'Signed out everywhere: every session of the caller, this one too, is revoked; the cookie cleared.',
  )
  @ApiErrors(401)
  async logoutEverywhere(@CurrentSession() session: Authenticated) {
    await this.identity.logoutEverywhere(session.actor.userId);
  }

  @AnyUser("the caller's own password only")
  @AllowPendingPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiJsonBody(changePasswordRequestSchema)
  @ApiAnswer(
    204,
    null,
    "Changed; a one-time password no longer blocks the session, and the caller's other sessions end. " +
      'WEAK_PASSWORD names each reason in `fields` (12 to 128 characters, not the username, not a common password).',
  )
  @ApiErrors(400, 401)
  async changePassword(@CurrentSession() session: Authenticated, @Body() body: unknown) {
    const { currentPassword, newPassword } = parseBody(changePasswordRequestSchema, body);
    await this.identity.changePassword(session.actor.userId, currentPassword, newPassword, session.sessionId);
  }

  @AnyUser("the caller's own account only")
  @AllowPendingPassword()
  @Get('me')
  @ApiBearerAuth()
  @ApiAnswer(200, meSchema, 'The signed-in person.')
  @ApiErrors(401)
  me(@CurrentSession() session: Authenticated) {
    return session.user;
  }
}
