import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { changePasswordRequestSchema, loginRequestSchema, loginResponseSchema, meSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { Authenticated, IdentityService } from '../identity/identity.service';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { parseBody } from '../http/zod-body';
import { CurrentActor, CurrentSession } from './current-actor.decorator';
import { AllowPendingPassword, Public } from './public.decorator';
import { ClearsSessionCookie, SetsSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @UseInterceptors(SetsSessionCookie)
  @ApiJsonBody(loginRequestSchema)
  @ApiAnswer(200, loginResponseSchema, 'Signed in; the token is also set as the HttpOnly grif_session cookie.')
  @ApiErrors(400, 401)
  async login(@Body() body: unknown) {
    const { username, password } = parseBody(loginRequestSchema, body);
    return this.identity.login(username, password);
  }

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

  @AllowPendingPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiJsonBody(changePasswordRequestSchema)
  @ApiAnswer(204, null, 'Changed; a one-time password no longer blocks the session.')
  @ApiErrors(400, 401)
  async changePassword(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const { currentPassword, newPassword } = parseBody(changePasswordRequestSchema, body);
    await this.identity.changePassword(actor.userId, currentPassword, newPassword);
  }

  @AllowPendingPassword()
  @Get('me')
  @ApiBearerAuth()
  @ApiAnswer(200, meSchema, 'The signed-in person.')
  @ApiErrors(401)
  me(@CurrentSession() session: Authenticated) {
    return session.user;
  }
}
