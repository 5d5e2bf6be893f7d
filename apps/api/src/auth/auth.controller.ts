import { Body, Controller, Get, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { changePasswordRequestSchema, loginRequestSchema } from '@grif/contracts';
import type { Actor } from '@grif/domain';
import { Authenticated, IdentityService } from '../identity/identity.service';
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
  @ApiBody({ schema: z.toJSONSchema(loginRequestSchema) as object })
  async login(@Body() body: unknown) {
    const { username, password } = parseBody(loginRequestSchema, body);
    return this.identity.login(username, password);
  }

  @AllowPendingPassword()
  @Post('auth/logout')
  @HttpCode(204)
  @UseInterceptors(ClearsSessionCookie)
  @ApiBearerAuth()
  async logout(@CurrentSession() session: Authenticated) {
    await this.identity.logout(session.sessionId);
  }

  @AllowPendingPassword()
  @Post('auth/password')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiBody({ schema: z.toJSONSchema(changePasswordRequestSchema) as object })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: unknown) {
    const { currentPassword, newPassword } = parseBody(changePasswordRequestSchema, body);
    await this.identity.changePassword(actor.userId, currentPassword, newPassword);
  }

  @AllowPendingPassword()
  @Get('me')
  @ApiBearerAuth()
  me(@CurrentSession() session: Authenticated) {
    return session.user;
  }
}
