import { Module } from '@nestjs/common';
import { IdentityService } from './identity.service';

/** Who is calling: sessions, passwords, appointments; shared by the API's guard and the queue board. */
@Module({
  providers: [IdentityService],
  exports: [IdentityService],
})
export class IdentityModule {}
