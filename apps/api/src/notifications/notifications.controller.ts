import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@grif/domain';
import { CurrentActor } from '../auth/current-actor.decorator';
import { AnyUser } from '../auth/roles.decorator';
import { NotificationsService } from './notifications.service';
import { notificationListSchema } from '@grif/contracts';
import { ApiAnswer, ApiErrors } from '../http/api-contract';

/** The caller's own notifications (overdue documents, losses), newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @AnyUser("the caller's own notifications only")
  @Get()
  @ApiAnswer(
    200,
    notificationListSchema,
    "The caller's own notifications, newest first (at most 200), and the unread count.",
  )
  @ApiErrors(401, 403)
  mine(@CurrentActor() actor: Actor) {
    return this.notifications.mine(actor);
  }

  @AnyUser("the caller's own notification; anyone else's is 404")
  @Post(':id/read')
  @HttpCode(204)
  @ApiAnswer(204, null, 'Marked as read (again: still 204).')
  @ApiErrors(401, 403, 404)
  async read(@CurrentActor() actor: Actor, @Param('id') id: string) {
    await this.notifications.markRead(actor, id);
  }
}
