import { Module } from '@nestjs/common';
import { ActRenderer } from '@grif/worker';
import { ActSigning } from './act-signing.service';
import { ActsController } from './acts.controller';
import { ActsService } from './acts.service';
import { CertificatesController } from './certificates.controller';
import { CertificatesService } from './certificates.service';

/** Signed acts (R-4.1d destruction, R-4.2.6 custody transfer) and the signers' certificates. */
@Module({
  controllers: [ActsController, CertificatesController],
  providers: [ActsService, ActSigning, CertificatesService, ActRenderer],
  exports: [CertificatesService, ActSigning],
})
export class ActsModule {}
