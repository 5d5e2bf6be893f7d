import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { GrifError } from '@grif/domain';
import { Notification } from '@grif/persistence';
import { WriteTransactions } from '@grif/persistence';
import { CLOCK, Clock } from '@grif/engine';
import { Inject } from '@nestjs/common';
import type { AuthedRequest } from '../auth/auth.guard';

/** The caller's own notifications (overdue documents, losses), newest first. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class NotificationsController {
  constructor(private readonly tx: WriteTransactions, @Inject(CLOCK) private readonly clock: Clock) {}

  @Get()
  async mine(@Req() req: AuthedRequest) {
    const { userId, schoolId } = req.auth.actor;
    const em = this.tx.reader();
    const rows = await em.find(Notification, { userId, schoolId }, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
    const unread = await em.count(Notification, { userId, schoolId, readAt: null });
    return { items: rows.map((n) => ({ id: n.id, template: n.template, data: JSON.parse(n.data), instanceId: n.instanceId, createdAt: n.createdAt, readAt: n.readAt })), unread };
  }

  @Post(':id/read')
  @HttpCode(204)
  async read(@Req() req: AuthedRequest, @Param('id') id: string) {
    const { userId, schoolId } = req.auth.actor;
    const at = this.clock.now().toISOString();
    const n = await this.tx.run((em) => em.nativeUpdate(Notification, { id, userId, schoolId, readAt: null }, { readAt: at }));
    if (!n && !(await this.tx.reader().count(Notification, { id, userId, schoolId }))) throw new GrifError('not_found', 'NOT_FOUND');
  }
}
