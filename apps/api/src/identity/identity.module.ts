import { Module } from '@nestjs/common';
import { CLOCK, Clock } from '@grif/engine';
import { WriteTransactions } from '@grif/persistence';
import { IdentityService } from './identity.service';

/** Who is calling: sessions, passwords, appointments; shared by the API's guard and the queue board. */
@Module({
  providers: [{ provide: IdentityService, useFactory: (tx: WriteTransactions, clock: Clock) => new IdentityService(tx, clock), inject: [WriteTransactions, CLOCK] }],
  exports: [IdentityService],
})
export class IdentityModule {}
