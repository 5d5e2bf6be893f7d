import { Inject, Injectable } from '@nestjs/common';
import { Actor, GrifError } from '@grif/domain';
import { CLOCK, type Clock } from '@grif/engine';
import { NotificationInbox } from '@grif/persistence';

/** Each person reads only their own notifications. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly inbox: NotificationInbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  mine(actor: Actor) {
    return this.inbox.of(actor);
  }

  /** Someone else's notification is as unknown as a missing one. */
  async markRead(actor: Actor, id: string): Promise<void> {
    if (!(await this.inbox.markRead(actor.schoolId, actor.userId, id, this.clock.now().toISOString())))
      throw new GrifError('not_found', 'NOT_FOUND');
  }
}
