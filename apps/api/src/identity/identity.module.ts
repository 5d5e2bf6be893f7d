import { Module } from '@nestjs/common';
import { HashingGate } from './hashing-gate';
import { IdentityService } from './identity.service';
import { LoginThrottle } from './login-throttle';
import { SharingWatch } from './sharing-watch';

/** Who is calling: sessions, passwords, appointments; shared by the API's guard and the queue board. */
@Module({
  providers: [IdentityService, SharingWatch, LoginThrottle, HashingGate],
  exports: [IdentityService],
})
export class IdentityModule {}
