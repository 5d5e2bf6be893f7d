import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import { NotificationInbox } from '@grif/persistence';
import type { AuthedRequest } from '../auth/auth.guard';

/** The caller's own notifications (overdue documents, losses), newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async mine(@Req() req: AuthedRequest) {
    const { userId, schoolId } = req.auth.actor;
    return this.inbox.of(schoolId, userId);
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Req() req: AuthedRequest, @Param('id') id: string) {
    const { userId, schoolId } = req.auth.actor;
    if (!(await this.inbox.markRead(schoolId, userId, id, this.clock.now().toISOString()))) throw new GrifError('not_found', 'NOT_FOUND');
  }
}
