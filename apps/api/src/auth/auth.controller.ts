import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { changePasswordRequestSchema, loginRequestSchema, loginResponseSchema, meSchema } from '@grif/contracts';
import { ApiAnswer, ApiErrors, ApiJsonBody } from '../http/api-contract';
import { IdentityService, SESSION_TTL_HOURS } from '../identity/identity.service';
import { parseBody } from '../http/zod-body';
import type { AuthedRequest } from './auth.guard';
import { AllowPendingPassword, Public } from './public.decorator';
import { SESSION_COOKIE } from './session-cookie';

@ApiTags('auth')
@Controller('api')
export class AuthController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiJsonBody(loginRequestSchema)
  @ApiAnswer(200, loginResponseSchema, 'Signed in; the token is also set as the HttpOnly grif_session cookie.')
  @ApiErrors(400, 401)
  async login(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { username, password } = parseBody(loginRequestSchema, body);
    const out = await this.identity.login(username, password);
    res.cookie(SESSION_COOKIE, out.token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_TTL_HOURS * 3600_000 });
    return out;
  }

  @AllowPendingPassword()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiAnswer(204, null, 'Signed out: the session is revoked and the cookie cleared.')
  @ApiErrors(401)
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    await this.identity.logout(req.auth.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AllowPendingPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiJsonBody(changePasswordRequestSchema)
  @ApiAnswer(204, null, 'Changed; a one-time password no longer blocks the session.')
  @ApiErrors(400, 401)
  async changePassword(@Req() req: AuthedRequest, @Body() body: unknown) {
    const { currentPassword, newPassword } = parseBody(changePasswordRequestSchema, body);
    await this.identity.changePassword(req.auth.actor.userId, currentPassword, newPassword);
  }

  @AllowPendingPassword()
  @Get('me')
  @ApiBearerAuth()
  @ApiAnswer(200, meSchema, 'The signed-in person.')
  @ApiErrors(401)
  me(@Req() req: AuthedRequest) {
    return req.auth.user;
  }
}
