import { Module } from '@nestjs/common';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HealthProbe } from '@grif/core';
import { QUEUE_NAMES } from '@grif/queue';
import { IdentityModule } from '../identity/identity.module';
import { IdentityService } from '../identity/identity.service';
import { queueBoardAccess } from './queue-board-access';

export const QUEUE_BOARD_ROUTE = '/admin/queues';

/** Bull Board at /admin/queues: every queue's jobs, for administrators only. */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [IdentityModule],
      inject: [IdentityService, HealthProbe],
      useFactory: (identity: IdentityService, probe: HealthProbe) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: queueBoardAccess(identity, probe),
        boardOptions: { uiConfig: { boardTitle: 'Grif queues' } },
      }),
    }),
    BullBoardModule.forFeature(...QUEUE_NAMES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class QueueBoardModule {}
