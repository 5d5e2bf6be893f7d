import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError } from '@grif/domain';
import { Notification } from '@grif/persistence';
import { GrifRuntime } from '@grif/runtime';
import { notificationListSchema } from '@grif/contracts';
import type { AuthedRequest } from '../auth/auth.guard';
import { ApiAnswer, ApiErrors } from '../http/api-contract';

/** The caller's own notifications (overdue documents, losses), newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly rt: GrifRuntime) {}

  @Get()
  @ApiAnswer(200, notificationListSchema, "The caller's own notifications, newest first (at most 200), and the unread count.")
  @ApiErrors(401, 403)
  async mine(@Req() req: AuthedRequest) {
    const { userId, schoolId } = req.auth.actor;
    const em = this.rt.transactions.reader();
    const rows = await em.find(Notification, { userId, schoolId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
    const unread = await em.count(Notification, { userId, schoolId, readAt: null });
    return { items: rows.map((n) => ({ id: n.id, template: n.template, data: JSON.parse(n.data), instanceId: n.instanceId, createdAt: n.createdAt, readAt: n.readAt })), unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  @ApiAnswer(204, null, 'Marked as read (again: still 204).')
  @ApiErrors(401, 403, 404)
  async read(@Req() req: AuthedRequest, @Param('id') id: string) {
    const { userId, schoolId } = req.auth.actor;
    const at = this.rt.clock.now().toISOString();
    const n = await this.rt.transactions.run((em) => em.nativeUpdate(Notification, { id, userId, schoolId, readAt: null }, { readAt: at }));
    if (!n && !(await this.rt.transactions.reader().count(Notification, { id, userId, schoolId }))) throw new GrifError('not_found', 'NOT_FOUND');
  }
}
