import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { changePasswordRequestSchema, loginRequestSchema } from '@grif/contracts';
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
  @ApiBody({ schema: z.toJSONSchema(loginRequestSchema) as object })
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
  async logout(@Req() req: AuthedRequest, @Res({ passthrough: true }) res: Response) {
    await this.identity.logout(req.auth.sessionId);
    res.clearCookie(SESSION_COOKIE, { path: '/' });
  }

  @AllowPendingPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiBody({ schema: z.toJSONSchema(changePasswordRequestSchema) as object })
  async changePassword(@Req() req: AuthedRequest, @Body() body: unknown) {
    const { currentPassword, newPassword } = parseBody(changePasswordRequestSchema, body);
    await this.identity.changePassword(req.auth.actor.userId, currentPassword, newPassword);
  }

  @AllowPendingPassword()
  @Get('me')
  @ApiBearerAuth()
  me(@Req() req: AuthedRequest) {
    return req.auth.user;
  }
}
